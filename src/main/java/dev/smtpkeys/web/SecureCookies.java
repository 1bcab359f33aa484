package dev.smtpkeys.web;

import java.util.List;
import java.util.Locale;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.impl.ServerCookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Marks every cookie this app sets {@code Secure} (session, {@code sid}, CSRF, language, flash…),
 * in production always ({@code smtpkeys.web.secure-cookies}) and elsewhere whenever the request came
 * over https, seen through a trusted proxy's {@code X-Forwarded-Proto}. One place for all of them,
 * whichever feature or extension sets a cookie: those added to Vert.x's cookie jar, and those JAX-RS
 * wrote as {@code Set-Cookie} headers.
 */
@ApplicationScoped
public class SecureCookies {

    private final boolean always;

    SecureCookies(@ConfigProperty(name = "smtpkeys.web.secure-cookies", defaultValue = "false") boolean always) {
        this.always = always;
    }

    void register(@Observes Filters filters) {
        filters.register(this::onHeaders, 3000);
    }

    void onHeaders(RoutingContext rc) {
        rc.addHeadersEndHandler(v -> {
            if (always || rc.request().isSSL()) {
                secure(rc);
            }
        });
        rc.next();
    }

    private static void secure(RoutingContext rc) {
        // the jar holds the request's cookies too: only those set by this response are touched
        for (Cookie cookie : rc.request().cookies()) {
            if (cookie instanceof ServerCookie set && set.isChanged() && !cookie.isSecure()) {
                cookie.setSecure(true);
            }
        }
        List<String> headers = rc.response().headers().getAll(HttpHeaders.SET_COOKIE);
        if (headers.stream().anyMatch(h -> !isSecure(h))) {
            rc.response().headers().remove(HttpHeaders.SET_COOKIE);
            for (String header : headers) {
                rc.response().headers().add(HttpHeaders.SET_COOKIE, isSecure(header) ? header : header + "; Secure");
            }
        }
    }

    static boolean isSecure(String setCookie) {
        for (String attribute : setCookie.split(";")) {
            if (attribute.strip().toLowerCase(Locale.ROOT).equals("secure")) {
                return true;
            }
        }
        return false;
    }
}
