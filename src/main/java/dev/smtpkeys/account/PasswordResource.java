package dev.smtpkeys.account;

import java.util.Map;

import dev.smtpkeys.web.Flash;
import dev.smtpkeys.web.Messages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.enterprise.event.Event;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Changing one's own password; also the page a user with an initial password is held on. */
@Path(PasswordResource.PATH)
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class PasswordResource {

    static final String PATH = "/account/password";

    @CheckedTemplate(basePath = "account")
    static class Templates {
        static native TemplateInstance password(FormErrors errors, boolean forced);
    }

    private final AccountService accounts;
    private final CurrentUser currentUser;
    private final Messages messages;
    private final UserSessions sessions;
    private final SignInPolicy policy;
    private final Event<Throttled> throttled;

    PasswordResource(AccountService accounts, CurrentUser currentUser, Messages messages, UserSessions sessions,
            SignInPolicy policy, Event<Throttled> throttled) {
        this.accounts = accounts;
        this.currentUser = currentUser;
        this.messages = messages;
        this.sessions = sessions;
        this.policy = policy;
        this.throttled = throttled;
    }

    @GET
    public TemplateInstance form() {
        return Templates.password(FormErrors.none(), currentUser.user().mustChangePassword);
    }

    @POST
    public Response change(@FormParam("current") String current, @FormParam("password") String password,
            @FormParam("repeat") String repeat, @CookieParam(UserSessions.COOKIE) String sid) {
        User user = currentUser.user();
        // counted before bcrypt, so a stolen session cannot guess the password in parallel either
        if (!policy.admitPasswordCheck(user.id)) {
            return paused(user);
        }
        try {
            accounts.changePassword(user.id, current, password, repeat, currentUser.clientIp());
            policy.passwordCheckPassed(user.id);
            // whoever knew the old password is signed out everywhere but here
            sessions.closeOthers(user.id, sid);
        } catch (AccountException e) {
            if (!e.problems().containsKey("current")) {
                policy.passwordCheckPassed(user.id);
            }
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.password(FormErrors.of(messages, e), user.mustChangePassword)).build();
        }
        return Flash.redirectWithSuccess("/", messages.get(AccountMessages.class).password_changed());
    }

    /** Too many wrong current passwords: the form again, with "try again later" beside that field. */
    private Response paused(User user) {
        if (policy.firstRefusal(Throttled.Kind.PASSWORD_CHANGE, user.email)) {
            throttled.fireAsync(new Throttled(Throttled.Kind.PASSWORD_CHANGE, user.email, currentUser.clientIp()));
        }
        FormErrors errors = new FormErrors(Map.of("current", messages.get(AccountMessages.class).throttled_wait()));
        return Response.status(Response.Status.TOO_MANY_REQUESTS)
                .entity(Templates.password(errors, user.mustChangePassword)).build();
    }
}
