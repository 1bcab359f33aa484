package dev.smtpkeys.account;

import java.net.URI;
import java.util.Optional;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.FormAuthenticationMechanism;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

/**
 * Signs out any request whose form-login cookie has no live {@link UserSessions} row behind it: one
 * kept from before a logout or a password change, or copied off another machine. The same statement
 * reads the user and their account for the pages ({@link CurrentUser}).
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
        Cookie sid = request.getCookies().get(UserSessions.COOKIE);
        Optional<SignedIn> signedIn = sid == null ? Optional.empty()
                : sessions.signedIn(identity.getPrincipal().getName(), sid.getValue());
        if (signedIn.isPresent()) {
            currentUser.signedIn(signedIn.get());
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
