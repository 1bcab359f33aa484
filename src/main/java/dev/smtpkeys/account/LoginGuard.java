package dev.smtpkeys.account;

import java.util.Optional;

import dev.smtpkeys.limits.ClientNetwork;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;

/**
 * Wraps every password sign-in (the form login posts here first, by priority). {@link SignInPolicy}
 * counts the attempt before any password work; when it must wait, it fails at once and the login page
 * is told to say "try again later". Otherwise the attempt is passed on, with the address in its stored
 * lower case, to the JPA provider (which spends the same bcrypt time on an unknown address), and its
 * outcome is given back or kept, and audited. A success marks the browser as a known device of the user.
 * Quarkus' own authentication events do not serve here: a successful form login fires none with the
 * request attached.
 */
@ApplicationScoped
public class LoginGuard implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    /** The cookie that makes the login page say "wait" instead of "wrong password". */
    public static final String WAIT_COOKIE = "login-wait";
    /** Marks the request this class passes on, so that the second round goes to the JPA provider. */
    private static final String PASSED_ON = LoginGuard.class.getName() + ".passedOn";

    private final SignInPolicy policy;
    private final KnownDevices devices;
    // looked up per call: the manager is built from the providers, this one included
    private final Instance<IdentityProviderManager> identities;
    private final Event<LoginAttempt> attempts;
    private final Event<Throttled> throttled;
    private final UserSessions sessions;

    LoginGuard(SignInPolicy policy, KnownDevices devices, Instance<IdentityProviderManager> identities,
            Event<LoginAttempt> attempts, Event<Throttled> throttled, UserSessions sessions) {
        this.policy = policy;
        this.devices = devices;
        this.identities = identities;
        this.attempts = attempts;
        this.throttled = throttled;
        this.sessions = sessions;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public int priority() {
        // above the JPA provider (default 1001)
        return 2000;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        if (request.getAttribute(PASSED_ON) != null) {
            return Uni.createFrom().nullItem();
        }
        RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
        String ip = CurrentUser.clientIp(http == null ? null : http.request());
        String email = User.normalizeEmail(request.getUsername());
        String network = ClientNetwork.of(ip);
        Cookie device = http == null ? null : http.request().getCookie(KnownDevices.COOKIE);
        boolean known = device != null && devices.isKnown(device.getValue(), email);
        SignInPolicy.Admission[] admission = new SignInPolicy.Admission[1];
        return context.runBlocking(() -> {
            admission[0] = admit(email, network, known, ip);
            if (admission[0] == null) {
                tellLoginPageToWait(http);
                throw new AuthenticationFailedException("sign-in paused");
            }
            return null;
        }).onItem().transformToUni(admitted -> check(request, email, http, context)
                .call(identity -> context.runBlocking(() -> {
                    policy.signedIn(admission[0]);
                    // the server-side half of the session, written before the answer leaves
                    startSession(http, sessions.open(email));
                    rememberDevice(http, email);
                    attempts.fireAsync(new LoginAttempt(email, ip, true));
                    return identity;
                }))
                // only a refused password counts (it already has); a database outage is not the user's mistake
                .onFailure(AuthenticationFailedException.class)
                .invoke(failure -> attempts.fireAsync(new LoginAttempt(email, ip, false))));
    }

    /** The policy's admission, or null when the attempt must wait (audited once per window). */
    private SignInPolicy.Admission admit(String email, String network, boolean known, String ip) {
        Optional<SignInPolicy.Admission> admission = policy.admitSignIn(email, network, known);
        if (admission.isEmpty() && policy.firstRefusal(Throttled.Kind.SIGN_IN, email)) {
            throttled.fireAsync(new Throttled(Throttled.Kind.SIGN_IN, email, ip));
        }
        return admission.orElse(null);
    }

    private Uni<SecurityIdentity> check(UsernamePasswordAuthenticationRequest request, String email,
            RoutingContext http, AuthenticationRequestContext context) {
        UsernamePasswordAuthenticationRequest passedOn = new UsernamePasswordAuthenticationRequest(email,
                request.getPassword());
        passedOn.setAttribute(PASSED_ON, Boolean.TRUE);
        if (http != null) {
            HttpSecurityUtils.setRoutingContextAttribute(passedOn, http);
        }
        return identities.get().authenticate(passedOn);
    }

    private static void startSession(RoutingContext http, String token) {
        if (http != null) {
            http.response().addCookie(Cookie.cookie(UserSessions.COOKIE, token).setPath("/").setHttpOnly(true)
                    .setSameSite(CookieSameSite.STRICT));
        }
    }

    /** Marks this browser as a known device of the user ({@code Secure} when the request came over https). */
    private void rememberDevice(RoutingContext http, String email) {
        if (http != null) {
            boolean https = "https".equalsIgnoreCase(http.request().scheme());
            http.response().addCookie(Cookie.cookie(KnownDevices.COOKIE, devices.issue(email)).setPath("/")
                    .setHttpOnly(true).setSecure(https).setSameSite(CookieSameSite.STRICT)
                    .setMaxAge(devices.maxAge().toSeconds()));
        }
    }

    private static void tellLoginPageToWait(RoutingContext http) {
        if (http != null) {
            http.response().addCookie(Cookie.cookie(WAIT_COOKIE, "1").setPath("/login").setMaxAge(60)
                    .setHttpOnly(true).setSameSite(CookieSameSite.STRICT));
        }
    }
}
