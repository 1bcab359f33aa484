package dev.smtpkeys.web;

import java.net.URI;

import io.vertx.core.http.HttpServerRequest;

/**
 * Where a request comes from, as browsers say it ({@code Sec-Fetch-Site}, {@code Origin}): the
 * cross-site check of the sign-in, and whether an expired form may be offered again.
 */
public final class RequestOrigin {

    private RequestOrigin() {
    }

    /** Whether {@code request} shows a post from another site. */
    public static boolean isCrossSite(HttpServerRequest request) {
        return isCrossSite(request.getHeader("Sec-Fetch-Site"), request.getHeader("Origin"),
                request.authority() == null ? null : request.authority().toString());
    }

    /** Whether the headers show a post from another site; requests without them (old browsers, tools) pass. */
    public static boolean isCrossSite(String fetchSite, String origin, String host) {
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
