package dev.smtpkeys.account;

import java.net.URI;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

/**
 * Holds a user whose password was set by support on the change-password page: every other page
 * answers with a redirect there until the password is changed. Sign-out and the language switch
 * stay reachable.
 */
public class PasswordChangeGate {

    private final CurrentUser currentUser;

    PasswordChangeGate(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @ServerRequestFilter
    public Response holdUntilChanged(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (path.equals(PasswordResource.PATH) || path.equals("/logout") || path.equals("/language")) {
            return null;
        }
        if (!currentUser.isSignedIn() || !currentUser.mustChangePassword()) {
            return null;
        }
        return Response.seeOther(URI.create(PasswordResource.PATH)).build();
    }
}
