package dev.smtpkeys.account;

import java.net.URI;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Login CSRF guard. Quarkus' form login ({@code POST /j_security_check}) takes no CSRF token, so a
 * foreign page could sign a visitor into an attacker's account. Browsers say where a form post comes
 * from ({@code Sec-Fetch-Site}, {@code Origin}); a sign-in from another site is refused with 403.
 */
@ApplicationScoped
public class LoginOriginCheck {

    static final String LOGIN_PATH = "/j_security_check";

    void register(@Observes Filters filters) {
        // above the authentication handler, which would otherwise process the post first
        filters.register(this::check, 1000);
    }

    void check(RoutingContext rc) {
        if (rc.request().method() == HttpMethod.POST && LOGIN_PATH.equals(rc.normalizedPath())
                && isCrossSite(rc.request().getHeader("Sec-Fetch-Site"), rc.request().getHeader("Origin"),
                        rc.request().authority() == null ? null : rc.request().authority().toString())) {
            rc.response().setStatusCode(403).end();
            return;
        }
        rc.next();
    }

    /** Whether the headers show a post from another site; requests without them (old browsers, tools) pass. */
    static boolean isCrossSite(String fetchSite, String origin, String host) {
        if (fetchSite != null) {
            return "cross-site".equalsIgnoreCase(fetchSite) || "same-site".equalsIgnoreCase(fetchSite);
        }
        if (origin == null || origin.isBlank() || host == null) {
            return false;
        }
        if ("null".equals(origin)) {
            return true;
        }
        try {
            return !host.equalsIgnoreCase(URI.create(origin).getRawAuthority());
        } catch (IllegalArgumentException malformed) {
            return true;
        }
    }
}
