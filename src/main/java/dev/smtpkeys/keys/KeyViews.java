package dev.smtpkeys.keys;

import java.time.Duration;
import java.time.Instant;
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

    /** How every page names a key: see {@link KeyTexts#displayName}. */
    static String displayName(NamedKey key) {
        return KeyTexts.displayName(texts(DateViews.requestLocale()), key);
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

    /** The client IPs a key was used from, as one sentence, for the delete dialog; empty if none. */
    static String clientIpsSentence(SmtpKey key) {
        return KeyRow.ipsSentence(ClientIp.ofKey(key.id), SmtpKey.now(), DateViews.requestLocale());
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
