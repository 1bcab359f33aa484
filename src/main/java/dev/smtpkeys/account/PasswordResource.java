package dev.smtpkeys.account;

import dev.smtpkeys.web.Flash;
import dev.smtpkeys.web.Messages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
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

    PasswordResource(AccountService accounts, CurrentUser currentUser, Messages messages, UserSessions sessions) {
        this.accounts = accounts;
        this.currentUser = currentUser;
        this.messages = messages;
        this.sessions = sessions;
    }

    @GET
    public TemplateInstance form() {
        return Templates.password(FormErrors.none(), currentUser.user().mustChangePassword);
    }

    @POST
    public Response change(@FormParam("current") String current, @FormParam("password") String password,
            @FormParam("repeat") String repeat, @CookieParam(UserSessions.COOKIE) String sid) {
        User user = currentUser.user();
        try {
            accounts.changePassword(user.id, current, password, repeat, currentUser.clientIp());
            // whoever knew the old password is signed out everywhere but here
            sessions.closeOthers(user.id, sid);
        } catch (AccountException e) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.password(FormErrors.of(messages, e), user.mustChangePassword)).build();
        }
        return Flash.redirectWithSuccess("/", messages.get(AccountMessages.class).password_changed());
    }
}
