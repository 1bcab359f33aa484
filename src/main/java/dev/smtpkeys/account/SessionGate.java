package dev.smtpkeys.account;

import java.net.URI;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.FormAuthenticationMechanism;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

/**
 * Signs out any request whose form-login cookie has no live {@link UserSessions} row behind it: one
 * kept from before a logout or a password change, or copied off another machine.
 */
public class SessionGate {

    private final SecurityIdentity identity;
    private final CurrentUser currentUser;
    private final UserSessions sessions;

    SessionGate(SecurityIdentity identity, CurrentUser currentUser, UserSessions sessions) {
        this.identity = identity;
        this.currentUser = currentUser;
        this.sessions = sessions;
    }

    @ServerRequestFilter(priority = jakarta.ws.rs.Priorities.AUTHENTICATION)
    public Response endRevokedSessions(ContainerRequestContext request) {
        if (identity.isAnonymous()) {
            return null;
        }
        User user = currentUser.user();
        Cookie sid = request.getCookies().get(UserSessions.COOKIE);
        if (user != null && sid != null && sessions.isOpen(user.id, sid.getValue())) {
            return null;
        }
        FormAuthenticationMechanism.logout(identity);
        return Response.seeOther(URI.create("/login")).cookie(expired()).build();
    }

    static NewCookie expired() {
        return new NewCookie.Builder(UserSessions.COOKIE).value("").path("/").maxAge(0).httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT).build();
    }
}
