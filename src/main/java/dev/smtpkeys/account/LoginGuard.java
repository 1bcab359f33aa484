package dev.smtpkeys.account;

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
 * Wraps every password sign-in (the form login posts here first, by priority). While
 * {@link LoginThrottle} has paused the IP or the e-mail address, the attempt fails without any
 * password work and the login page is told to say why. Otherwise the attempt is passed on, with the
 * address in its stored lower case, to the JPA provider, and its outcome is counted and audited.
 * Quarkus' own authentication events do not serve here: a successful form login fires none with
 * the request attached.
 */
@ApplicationScoped
public class LoginGuard implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    /** The cookie that makes the login page say "wait" instead of "wrong password". */
    public static final String WAIT_COOKIE = "login-wait";
    /** Marks the request this class passes on, so that the second round goes to the JPA provider. */
    private static final String PASSED_ON = LoginGuard.class.getName() + ".passedOn";

    private final LoginThrottle throttle;
    // looked up per call: the manager is built from the providers, this one included
    private final Instance<IdentityProviderManager> identities;
    private final Event<LoginAttempt> attempts;
    private final UserSessions sessions;

    LoginGuard(LoginThrottle throttle, Instance<IdentityProviderManager> identities, Event<LoginAttempt> attempts,
            UserSessions sessions) {
        this.throttle = throttle;
        this.identities = identities;
        this.attempts = attempts;
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
        if (throttle.isBlocked(ip, email)) {
            tellLoginPageToWait(http);
            return Uni.createFrom().failure(new AuthenticationFailedException("sign-in paused"));
        }
        UsernamePasswordAuthenticationRequest passedOn = new UsernamePasswordAuthenticationRequest(email,
                request.getPassword());
        passedOn.setAttribute(PASSED_ON, Boolean.TRUE);
        if (http != null) {
            HttpSecurityUtils.setRoutingContextAttribute(passedOn, http);
        }
        return identities.get().authenticate(passedOn)
                .onItem().invoke(identity -> {
                    throttle.succeeded(email);
                    attempts.fireAsync(new LoginAttempt(email, ip, true));
                })
                // the server-side half of the session, written before the answer leaves
                .call(identity -> context.runBlocking(() -> {
                    startSession(http, sessions.open(email));
                    return identity;
                }))
                // only a refused password counts; a database outage is not the user's mistake
                .onFailure(AuthenticationFailedException.class).invoke(failure -> {
                    throttle.failed(ip, email);
                    if (throttle.isBlocked(ip, email)) {
                        tellLoginPageToWait(http);
                    }
                    attempts.fireAsync(new LoginAttempt(email, ip, false));
                });
    }

    private static void startSession(RoutingContext http, String token) {
        if (http != null) {
            http.response().addCookie(Cookie.cookie(UserSessions.COOKIE, token).setPath("/").setHttpOnly(true)
                    .setSameSite(CookieSameSite.STRICT));
        }
    }

    private static void tellLoginPageToWait(RoutingContext http) {
        if (http != null) {
            http.response().addCookie(Cookie.cookie(WAIT_COOKIE, "1").setPath("/login").setMaxAge(60)
                    .setHttpOnly(true).setSameSite(CookieSameSite.STRICT));
        }
    }
}
