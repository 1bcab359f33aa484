package dev.smtpkeys.account;

import java.net.URI;

import dev.smtpkeys.web.Messages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerResponse;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The link of an invitation: the invited user chooses their password, then is signed in. The token
 * travels on in a hidden field (the form posts to a path without it); the pages are never cached and
 * send no referrer. A link that is unknown, used, expired or replaced gets one and the same page,
 * which says nothing about whether an account exists.
 *
 * <p>Like sign-up, the form names its fields as the login form does, so that a 307 hands the same
 * POST on to {@code /j_security_check}, which signs the user in.
 */
@Path(WelcomeResource.PATH)
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class WelcomeResource {

    static final String PATH = "/account/welcome";

    @CheckedTemplate(basePath = "account")
    static class Templates {
        static native TemplateInstance welcome(WelcomeForm form);

        static native TemplateInstance welcomeInvalid();
    }

    /** The invited user's address, the token, and what is wrong with the chosen password. */
    public record WelcomeForm(String email, String token, FormErrors errors) {

        @Override
        public String toString() {
            return "WelcomeForm[email=" + email + "]";
        }
    }

    private final AccountService accounts;
    private final CurrentUser currentUser;
    private final Messages messages;

    WelcomeResource(AccountService accounts, CurrentUser currentUser, Messages messages) {
        this.accounts = accounts;
        this.currentUser = currentUser;
        this.messages = messages;
    }

    @GET
    @Path("{token}")
    public Response form(@PathParam("token") String token, @Context HttpServerResponse response) {
        noReferrer(response);
        return accounts.invitedEmail(token)
                .map(email -> page(Response.Status.OK, Templates.welcome(new WelcomeForm(email, token, FormErrors.none()))))
                .orElseGet(WelcomeResource::invalid);
    }

    @POST
    public Response choose(@FormParam("token") String token, @FormParam("j_password") String password,
            @FormParam("repeat") String repeat, @Context HttpServerResponse response) {
        noReferrer(response);
        try {
            accounts.acceptInvitation(token, password, repeat, currentUser.clientIp());
        } catch (AccountException e) {
            if (e.problems().containsKey("form")) {
                return invalid();
            }
            String invited = accounts.invitedEmail(token).orElse(null);
            if (invited == null) {
                return invalid();
            }
            return page(Response.Status.BAD_REQUEST,
                    Templates.welcome(new WelcomeForm(invited, token, FormErrors.of(messages, e))));
        }
        // 307 keeps method and body (j_username, j_password): the login signs the user in
        return Response.temporaryRedirect(URI.create("/j_security_check")).header("Cache-Control", "no-store").build();
    }

    /** Replaces the app's {@code same-origin} policy, set before the request got here: the link leaves no trace. */
    private static void noReferrer(HttpServerResponse response) {
        response.headers().set("Referrer-Policy", "no-referrer");
    }

    private static Response invalid() {
        return page(Response.Status.GONE, Templates.welcomeInvalid());
    }

    private static Response page(Response.Status status, TemplateInstance page) {
        return Response.status(status).entity(page).header("Cache-Control", "no-store").build();
    }
}
