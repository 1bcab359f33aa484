package dev.smtpkeys.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateExtension;

/** Dates in the reader's language. Times are shown in UTC and say so, since servers have no time zone of the reader. */
@TemplateExtension
public class DateViews {

    // A localized formatter is built from the locale's data on each ofLocalized… call; a page of 50
    // keys formats a hundred dates, so each locale's pair is built once (formatters are immutable).
    private static final Map<Locale, DateTimeFormatter> DATES = new ConcurrentHashMap<>();
    private static final Map<Locale, DateTimeFormatter> DATE_TIMES = new ConcurrentHashMap<>();

    static String localDate(Instant at) {
        return at == null ? "" : dateFormat(requestLocale()).format(at);
    }

    static String localDateTime(Instant at) {
        return at == null ? "" : dateTime(at, requestLocale());
    }

    /** A date and time in {@code locale}, in UTC, saying so. */
    public static String dateTime(Instant at, Locale locale) {
        return DATE_TIMES.computeIfAbsent(locale, l -> DateTimeFormatter
                .ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(l).withZone(ZoneOffset.UTC))
                .format(at) + " UTC";
    }

    /** Machine-readable form for {@code <time datetime>}. */
    public static String iso(Instant at) {
        return at == null ? "" : DateTimeFormatter.ISO_INSTANT.format(at);
    }

    /** The medium date format of {@code locale}, in UTC. */
    public static DateTimeFormatter dateFormat(Locale locale) {
        return DATES.computeIfAbsent(locale, l -> DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(l).withZone(ZoneOffset.UTC));
    }

    /** The request's language; English where no request is active (e.g. a mail rendered by a job). */
    public static Locale requestLocale() {
        return Arc.container().requestContext().isActive()
                ? Arc.container().instance(LocaleResolver.class).get().current()
                : Locale.ENGLISH;
    }
}
