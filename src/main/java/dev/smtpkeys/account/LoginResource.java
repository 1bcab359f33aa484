package dev.smtpkeys.account;

import java.net.URI;

import dev.smtpkeys.web.CsrfCookie;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.FormAuthenticationMechanism;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

/** Sign-in page, sign-out, and the start page that sends each role to its home. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class LoginResource {

    @CheckedTemplate(basePath = "account")
    static class Templates {
        static native TemplateInstance login(boolean error, boolean wait, boolean signup);
    }

    private final SecurityIdentity identity;
    private final CurrentUser currentUser;
    private final AccountConfig config;
    private final UserSessions sessions;
    private final CsrfCookie csrf;

    LoginResource(SecurityIdentity identity, CurrentUser currentUser, AccountConfig config, UserSessions sessions,
            CsrfCookie csrf) {
        this.identity = identity;
        this.currentUser = currentUser;
        this.config = config;
        this.sessions = sessions;
        this.csrf = csrf;
    }

    @GET
    public Response home() {
        if (!currentUser.isSignedIn()) {
            return Response.seeOther(URI.create("/login")).build();
        }
        return Response.seeOther(URI.create(currentUser.user().isSupport() ? "/admin" : "/settings/keys/smtp")).build();
    }

    @GET
    @Path("login")
    @PermitAll
    public Response login(@QueryParam("error") boolean error, @CookieParam(LoginGuard.WAIT_COOKIE) String wait) {
        if (currentUser.isSignedIn()) {
            return home();
        }
        boolean paused = error && wait != null;
        Response.ResponseBuilder page = Response.status(error ? Response.Status.UNAUTHORIZED : Response.Status.OK)
                .entity(Templates.login(error && !paused, paused, config.signupEnabled()));
        if (wait != null) {
            page.cookie(new NewCookie.Builder(LoginGuard.WAIT_COOKIE).path("/login").maxAge(0).build());
        }
        return page.build();
    }

    @POST
    @Path("logout")
    public Response logout(@CookieParam(UserSessions.COOKIE) String sid, RoutingContext rc) {
        sessions.close(sid);
        csrf.expire(rc); // the session's CSRF token ends with it
        if (!identity.isAnonymous()) {
            FormAuthenticationMechanism.logout(identity);
        }
        return Response.seeOther(URI.create("/login")).cookie(SessionGate.expired()).build();
    }
}
