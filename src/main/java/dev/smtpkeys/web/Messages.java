package dev.smtpkeys.web;

import java.util.Locale;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.RequestScoped;

/** The message bundle in this request's language, for texts made in Java (flash messages, errors). */
@RequestScoped
public class Messages {

    private final LocaleResolver locale;

    Messages(LocaleResolver locale) {
        this.locale = locale;
    }

    public AppMessages get() {
        return in(locale.current());
    }

    public static AppMessages in(Locale locale) {
        return MessageBundles.get(AppMessages.class, Localized.Literal.of(locale.toLanguageTag()));
    }
}
