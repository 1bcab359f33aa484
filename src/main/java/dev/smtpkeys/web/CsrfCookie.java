package dev.smtpkeys.web;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The CSRF cookie of {@code quarkus-rest-csrf}, as this app configures it: without a signature key
 * the extension keeps the value of an existing cookie on every page (with one it would issue a new
 * token per page, and every form of an older tab would fail), so one token serves all tabs of a
 * session. The token is bound to a session by replacing the cookie at sign-in and sign-out.
 */
@ApplicationScoped
public class CsrfCookie {

    /** Where {@code CsrfTokenParameterProvider} ({@code {inject:csrf.token}}) reads the page's token. */
    static final String TOKEN_KEY = "csrf_token";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String name;
    private final String field;
    private final int size;
    private final Duration maxAge;
    private final boolean forceSecure;

    CsrfCookie(@ConfigProperty(name = "quarkus.rest-csrf.cookie-name", defaultValue = "csrf-token") String name,
            @ConfigProperty(name = "quarkus.rest-csrf.form-field-name", defaultValue = "csrf-token") String field,
            @ConfigProperty(name = "quarkus.rest-csrf.token-size", defaultValue = "16") int size,
            @ConfigProperty(name = "quarkus.rest-csrf.cookie-max-age", defaultValue = "2H") Duration maxAge,
            @ConfigProperty(name = "quarkus.rest-csrf.cookie-force-secure", defaultValue = "false") boolean forceSecure) {
        this.name = name;
        this.field = field;
        this.size = size;
        this.maxAge = maxAge;
        this.forceSecure = forceSecure;
    }

    public String name() {
        return name;
    }

    /** The form field that carries the token. */
    public String field() {
        return field;
    }

    /** The token of this browser's cookie if it is one this app issues, else null. */
    public String current(RoutingContext rc) {
        Cookie cookie = rc.request().getCookie(name);
        if (cookie == null) {
            return null;
        }
        try {
            return Base64.getUrlDecoder().decode(cookie.getValue()).length == size ? cookie.getValue() : null;
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    /** This browser's token, a new one (and its cookie) if it has none; pages of this request show it. */
    public String issue(RoutingContext rc) {
        String token = current(rc);
        if (token == null) {
            byte[] raw = new byte[size];
            RANDOM.nextBytes(raw);
            token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
            rc.response().addCookie(Cookie.cookie(name, token).setPath("/").setHttpOnly(true)
                    .setMaxAge(maxAge.toSeconds()).setSecure(forceSecure || rc.request().isSSL()));
        }
        rc.put(TOKEN_KEY, token);
        return token;
    }

    /**
     * Ends this browser's token (sign-in, sign-out): the next page issues a new one. Set as the headers
     * go out, so it wins over the extension, which sets the cookie again after every accepted form.
     */
    public void expire(RoutingContext rc) {
        rc.addHeadersEndHandler(v -> rc.response().addCookie(Cookie.cookie(name, "").setPath("/").setHttpOnly(true)
                .setMaxAge(0).setSecure(forceSecure || rc.request().isSSL())));
    }
}
