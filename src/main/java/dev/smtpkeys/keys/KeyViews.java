package dev.smtpkeys.keys;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

import dev.smtpkeys.web.DateViews;
import dev.smtpkeys.web.Messages;
import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateGlobal;

/** View-only values derived from a key. */
@TemplateExtension
public class KeyViews {

    /** The dots that stand for the hidden part of a key; templates write {@code {global:keyMask}} (tags see it too). */
    @TemplateGlobal(name = "keyMask")
    static final String MASK = "••••••••";

    /** How many addresses and ranges a key's allowlist may hold: {@code {global:networksMax}}. */
    @TemplateGlobal(name = "networksMax")
    static final int NETWORKS_MAX = Networks.MAX_ENTRIES;

    /** The key as the table shows it: dots and the last two characters. */
    static String maskedValue(SmtpKey key) {
        return MASK + key.suffix;
    }

    /** How every page names a key: see {@link KeyTexts#displayName}. */
    static String displayName(NamedKey key) {
        return KeyTexts.displayName(texts(DateViews.requestLocale()), key);
    }

    /** "Never", "just now", "3 minutes ago", … or the date, for the key table's "Last used" column. */
    static String lastUsedLabel(SmtpKey key) {
        Locale l = DateViews.requestLocale();
        return key.lastUsedAt == null ? texts(l).lastused_never() : ago(key.lastUsedAt, SmtpKey.now(), l);
    }

    /** The sentence the deactivate and delete dialogs show, so nobody cuts off an integration unknowingly. */
    static String lastUseSentence(SmtpKey key) {
        Locale l = DateViews.requestLocale();
        KeysMessages msg = texts(l);
        if (key.lastUsedAt == null) {
            return msg.confirm_never_used();
        }
        return msg.confirm_last_used(ago(key.lastUsedAt, SmtpKey.now(), l),
                key.lastUsedIp == null ? "?" : key.lastUsedIp);
    }

    /** The status as of now by the application's clock: a key past its expiry shows as EXPIRED. */
    static KeyStatus currentStatus(SmtpKey key) {
        return key.statusAt(SmtpKey.now());
    }

    static boolean expired(SmtpKey key) {
        return key.isExpiredAt(SmtpKey.now());
    }

    /** Whether "Rotate" applies: an active key not yet replaced. */
    static boolean rotatable(SmtpKey key) {
        return key.rotationProblem(SmtpKey.now()).isEmpty();
    }

    /** "Expires …" or "Expired …" with the date, or empty for a key without expiry. */
    static String expiryLabel(SmtpKey key) {
        if (key.expiresAt == null) {
            return "";
        }
        KeysMessages msg = texts(DateViews.requestLocale());
        String date = date(key.expiresAt, DateViews.requestLocale());
        return key.isExpiredAt(SmtpKey.now()) ? msg.expired_on(date) : msg.expiry_on(date);
    }

    /** For a rotated key: until when it works, or that it waits for its replacement's first use. */
    static String rotationNote(SmtpKey key) {
        return key.isRotated() ? KeyRow.rotationNote(key, SmtpKey.now(), texts(DateViews.requestLocale())) : "";
    }

    /** The client IPs a key was used from, as one sentence, for the delete dialog; empty if none. */
    static String clientIpsSentence(SmtpKey key) {
        return ipsSentence(ClientIp.ofKey(key.id));
    }

    /** "Used from: 192.0.2.1, last 3 minutes ago; …" */
    static String ipsSentence(List<ClientIp> ips) {
        return KeyRow.ipsSentence(ips, SmtpKey.now(), DateViews.requestLocale());
    }

    /** How long the rest of a grace is, rounded up: minutes within the hour, hours within two days, else days. */
    static String left(Duration rest, KeysMessages msg) {
        long minutes = Math.max(1, (rest.toSeconds() + 59) / 60);
        if (minutes < 60) {
            return msg.left_minutes(minutes);
        }
        long hours = (minutes + 59) / 60;
        return hours < 48 ? msg.left_hours(hours) : msg.left_days((hours + 23) / 24);
    }

    private static String date(Instant at, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).withZone(ZoneOffset.UTC)
                .format(at);
    }

    /** How long ago {@code at} was, in words, as seen at {@code now}; a month or more shows the date. */
    public static String ago(Instant at, Instant now, Locale locale) {
        KeysMessages msg = texts(locale);
        Duration age = Duration.between(at, now);
        if (age.toMinutes() < 1) {
            return msg.lastused_now();
        }
        if (age.toHours() < 1) {
            return msg.lastused_minutes((int) age.toMinutes());
        }
        if (age.toDays() < 1) {
            return msg.lastused_hours((int) age.toHours());
        }
        if (age.toDays() < 30) {
            return msg.lastused_days((int) age.toDays());
        }
        return msg.lastused_on(DateViews.dateFormat(locale).format(at));
    }

    private static KeysMessages texts(Locale locale) {
        return Messages.in(KeysMessages.class, locale);
    }
}
