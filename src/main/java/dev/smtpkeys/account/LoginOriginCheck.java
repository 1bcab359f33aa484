package dev.smtpkeys.account;

import dev.smtpkeys.web.RequestOrigin;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Login CSRF guard. Quarkus' form login takes no CSRF token, so a foreign page could sign a visitor
 * into an attacker's account. Browsers say where a form post comes from ({@code Sec-Fetch-Site},
 * {@code Origin}); a sign-in from another site is refused with 403.
 *
 * <p>The form mechanism takes a POST to <em>any</em> path that ends in {@code /j_security_check}
 * ({@code FormAuthenticationMechanism} tests {@code normalizedPath().endsWith(postLocation)}), so
 * every such path is covered here, and all but the one the login page posts to answer 404 before
 * the mechanism sees them.
 */
@ApplicationScoped
public class LoginOriginCheck {

    static final String LOGIN_PATH = "/j_security_check";

    void register(@Observes Filters filters) {
        // above the authentication handler, which would otherwise process the post first
        filters.register(this::check, 1000);
    }

    void check(RoutingContext rc) {
        if (rc.request().method() == HttpMethod.POST && rc.normalizedPath().endsWith(LOGIN_PATH)) {
            if (!LOGIN_PATH.equals(rc.normalizedPath())) {
                rc.response().setStatusCode(404).end();
                return;
            }
            if (RequestOrigin.isCrossSite(rc.request())) {
                rc.response().setStatusCode(403).end();
                return;
            }
        }
        rc.next();
    }
}
