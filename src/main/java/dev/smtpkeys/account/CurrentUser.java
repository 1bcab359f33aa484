package dev.smtpkeys.account;

import dev.smtpkeys.web.PreferredLocale;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import jakarta.ws.rs.ForbiddenException;

/** The signed-in user of this request, loaded once. */
@RequestScoped
@Named("currentUser")
public class CurrentUser implements PreferredLocale {

    private final SecurityIdentity identity;
    private final HttpServerRequest request;
    private User user;

    CurrentUser(SecurityIdentity identity, HttpServerRequest request) {
        this.identity = identity;
        this.request = request;
    }

    public boolean isSignedIn() {
        return !identity.isAnonymous() && user() != null;
    }

    /** The user, or null when anonymous (or when the user was removed since signing in). */
    public User user() {
        if (user == null && !identity.isAnonymous()) {
            user = User.findWithAccount(identity.getPrincipal().getName()).orElse(null);
        }
        return user;
    }

    /** The account of an account user; support users have none and get 403 where one is needed. */
    public Account account() {
        User current = user();
        if (current == null || current.account == null) {
            throw new ForbiddenException();
        }
        return current.account;
    }

    @Override
    public String preferredLocale() {
        User current = user();
        return current == null ? null : current.locale;
    }

    /**
     * What the layout shows of the signed-in user, by value: part of the content a page is kept by
     * ({@code web.PageCache}); null when anonymous.
     */
    public Shown shown() {
        User current = user();
        if (current == null) {
            return null;
        }
        return current.account == null ? new Shown(current.email, null, null)
                : new Shown(current.email, current.account.name, current.account.smtpLogin);
    }

    /** The user's e-mail address and, for an account user, the account's name and SMTP login. */
    public record Shown(String email, String accountName, String smtpLogin) {
    }

    public Actor actor() {
        return Actor.of(user(), clientIp());
    }

    public String clientIp() {
        return clientIp(request);
    }

    /** The peer's address: the client's, or the proxy's unless proxy address forwarding is configured. */
    static String clientIp(HttpServerRequest request) {
        return request == null || request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
    }
}
