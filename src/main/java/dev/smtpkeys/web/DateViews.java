package dev.smtpkeys.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import io.quarkus.qute.TemplateExtension;

/** Dates in the reader's language. Times are shown in UTC and say so, since servers have no time zone of the reader. */
@TemplateExtension
public class DateViews {

    static String localDate(Instant at, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        return at == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(asLocale(locale)).withZone(ZoneOffset.UTC).format(at);
    }

    static String localDateTime(Instant at, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        return at == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(asLocale(locale)).withZone(ZoneOffset.UTC).format(at) + " UTC";
    }

    /** Machine-readable form for {@code <time datetime>}. */
    static String iso(Instant at) {
        return at == null ? "" : DateTimeFormatter.ISO_INSTANT.format(at);
    }

    private static Locale asLocale(Object locale) {
        if (locale instanceof Locale l) {
            return l;
        }
        return locale == null ? Locale.ENGLISH : Locale.forLanguageTag(locale.toString());
    }
}
