package dev.smtpkeys.web;

import java.util.Locale;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.RequestScoped;

/**
 * A feature's message bundle in this request's language, for texts made in Java (flash messages,
 * form errors, error pages). Each feature names its own bundle, so this class knows none of them.
 */
@RequestScoped
public class Messages {

    private final LocaleResolver locale;

    Messages(LocaleResolver locale) {
        this.locale = locale;
    }

    /** {@code bundle} (a {@code @MessageBundle} interface) in the language of this request. */
    public <T> T get(Class<T> bundle) {
        return in(bundle, locale.current());
    }

    /** {@code bundle} in {@code locale}, also where no request is active. */
    public static <T> T in(Class<T> bundle, Locale locale) {
        return MessageBundles.get(bundle, Localized.Literal.of(locale.toLanguageTag()));
    }
}
