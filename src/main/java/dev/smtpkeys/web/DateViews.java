package dev.smtpkeys.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateExtension;

/** Dates in the reader's language. Times are shown in UTC and say so, since servers have no time zone of the reader. */
@TemplateExtension
public class DateViews {

    static String localDate(Instant at) {
        return at == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(requestLocale()).withZone(ZoneOffset.UTC).format(at);
    }

    static String localDateTime(Instant at) {
        return at == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(requestLocale()).withZone(ZoneOffset.UTC).format(at) + " UTC";
    }

    /** Machine-readable form for {@code <time datetime>}. */
    static String iso(Instant at) {
        return at == null ? "" : DateTimeFormatter.ISO_INSTANT.format(at);
    }

    /** The request's language; English where no request is active (e.g. a mail rendered by a job). */
    public static Locale requestLocale() {
        return Arc.container().requestContext().isActive()
                ? Arc.container().instance(LocaleResolver.class).get().current()
                : Locale.ENGLISH;
    }
}
