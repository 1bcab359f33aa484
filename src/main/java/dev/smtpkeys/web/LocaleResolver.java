package dev.smtpkeys.web;

import java.util.List;
import java.util.Locale;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/**
 * The language of this request: the signed-in user's choice, else the {@code lang} cookie set by
 * the switch on the login page, else {@code Accept-Language}, else English.
 */
@RequestScoped
@Named("localeResolver")
public class LocaleResolver {

    public static final String COOKIE = "lang";
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.GERMAN);

    private final PreferredLocale preferred;
    private final HttpServerRequest request;
    private Locale resolved;

    LocaleResolver(PreferredLocale preferred, HttpServerRequest request) {
        this.preferred = preferred;
        this.request = request;
    }

    public Locale current() {
        if (resolved == null) {
            resolved = resolve();
        }
        return resolved;
    }

    /** The supported locale for a tag such as {@code de}, or null. */
    public static Locale supported(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        String language = Locale.forLanguageTag(tag.strip()).getLanguage();
        return SUPPORTED.stream().filter(l -> l.getLanguage().equals(language)).findFirst().orElse(null);
    }

    private Locale resolve() {
        Locale chosen = supported(preferred.preferredLocale());
        if (chosen != null) {
            return chosen;
        }
        Cookie cookie = request.getCookie(COOKIE);
        chosen = cookie == null ? null : supported(cookie.getValue());
        if (chosen != null) {
            return chosen;
        }
        String header = request.getHeader("Accept-Language");
        if (header != null) {
            try {
                Locale match = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
                if (match != null) {
                    return match;
                }
            } catch (IllegalArgumentException malformed) {
                // a malformed header is the browser's problem, not a reason to fail the page
            }
        }
        return Locale.ENGLISH;
    }
}
