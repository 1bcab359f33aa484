package dev.smtpkeys.account;

import java.net.URI;

import dev.smtpkeys.limits.ClientNetwork;
import dev.smtpkeys.web.Messages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.event.Event;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Sign-up. The form's e-mail and password fields carry the names of the login form, so that after
 * the account is created a 307 hands the very same POST on to {@code /j_security_check}: the
 * browser signs in through Quarkus' own form login (session cookie, LOGIN audit event, throttle)
 * without a script and without this class ever making a session itself.
 */
@Path("/signup")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class SignupResource {

    @CheckedTemplate(basePath = "account")
    static class Templates {
        static native TemplateInstance signup(SignupForm form, boolean closed);
    }

    /** What was typed (never the password) and what is wrong with it. */
    public record SignupForm(String company, String email, FormErrors errors) {

        static SignupForm empty() {
            return new SignupForm("", "", FormErrors.none());
        }
    }

    private final AccountService accounts;
    private final AccountConfig config;
    private final CurrentUser currentUser;
    private final SignInPolicy policy;
    private final Event<Throttled> throttled;
    private final Messages messages;

    SignupResource(AccountService accounts, AccountConfig config, CurrentUser currentUser, SignInPolicy policy,
            Event<Throttled> throttled, Messages messages) {
        this.accounts = accounts;
        this.config = config;
        this.currentUser = currentUser;
        this.policy = policy;
        this.throttled = throttled;
        this.messages = messages;
    }

    @GET
    public Response form() {
        if (!config.signupEnabled()) {
            return closed();
        }
        if (currentUser.isSignedIn()) {
            return Response.seeOther(URI.create("/")).build();
        }
        return Response.ok(Templates.signup(SignupForm.empty(), false)).build();
    }

    @POST
    public Response signUp(@FormParam("company") String company, @FormParam("j_username") String email,
            @FormParam("j_password") String password, @FormParam("repeat") String repeat) {
        if (!config.signupEnabled()) {
            return closed();
        }
        String ip = currentUser.clientIp();
        String network = ClientNetwork.of(ip);
        // counted before the work: accounts made, and addresses found taken (trying addresses to learn
        // which exist costs the same as making accounts)
        if (!policy.admitSignUp(network)) {
            if (policy.firstRefusal(Throttled.Kind.SIGN_UP, network)) {
                throttled.fireAsync(new Throttled(Throttled.Kind.SIGN_UP, null, ip));
            }
            return refused(Response.Status.TOO_MANY_REQUESTS, company, email,
                    FormErrors.form(messages.get(AccountMessages.class).throttled_wait()));
        }
        try {
            accounts.signUp(company, email, password, repeat, ip);
        } catch (AccountException e) {
            if (e.problems().get("email") != AccountProblem.EMAIL_TAKEN) {
                policy.signUpNotCounted(network);
            }
            return refused(Response.Status.BAD_REQUEST, company, email, FormErrors.of(messages, e));
        }
        // 307 keeps method and body: the browser posts the same form to the login, which signs in
        return Response.temporaryRedirect(URI.create("/j_security_check")).header("Cache-Control", "no-store").build();
    }

    private static Response refused(Response.Status status, String company, String email, FormErrors errors) {
        SignupForm form = new SignupForm(company == null ? "" : company, email == null ? "" : email, errors);
        return Response.status(status).entity(Templates.signup(form, false)).build();
    }

    private static Response closed() {
        return Response.status(Response.Status.NOT_FOUND).entity(Templates.signup(SignupForm.empty(), true)).build();
    }
}
