package dev.smtpkeys.account;

import dev.smtpkeys.web.PreferredLocale;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import jakarta.ws.rs.ForbiddenException;

/**
 * The signed-in user of this request. What pages show of the user comes with the session check
 * ({@link SessionGate}), without loading the entity; {@link #user()} loads the entity, once, for what
 * changes it or needs more, and from then on the pages show the entity, changes included.
 */
@RequestScoped
@Named("currentUser")
public class CurrentUser implements PreferredLocale {

    private final SecurityIdentity identity;
    private final HttpServerRequest request;
    private User user;
    private SignedIn signedIn;

    CurrentUser(SecurityIdentity identity, HttpServerRequest request) {
        this.identity = identity;
        this.request = request;
    }

    public boolean isSignedIn() {
        return !identity.isAnonymous() && view() != null;
    }

    /** The user as read with this request's session: set by {@link SessionGate} when the session is live. */
    void signedIn(SignedIn read) {
        this.signedIn = read;
    }

    /** The user as pages show it: the entity once loaded, else as read with the session, else loaded now. */
    private SignedIn view() {
        if (user == null && signedIn != null) {
            return signedIn;
        }
        User current = user();
        return current == null ? null : SignedIn.of(current);
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

    /**
     * The id of the account of an account user, without loading the entity; support users have none
     * and get 403 where one is needed.
     */
    public long accountId() {
        SignedIn current = view();
        if (current == null || current.accountId() == null) {
            throw new ForbiddenException();
        }
        return current.accountId();
    }

    /** Whether support set the user's password and the user must choose their own before anything else. */
    public boolean mustChangePassword() {
        SignedIn current = view();
        return current != null && current.mustChangePassword();
    }

    @Override
    public String preferredLocale() {
        SignedIn current = view();
        return current == null ? null : current.locale();
    }

    /**
     * What the layout shows of the signed-in user, by value: part of the content a page is kept by
     * ({@code web.PageCache}); null when anonymous.
     */
    public Shown shown() {
        SignedIn current = view();
        return current == null ? null : new Shown(current.email(), current.accountName(), current.smtpLogin());
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
