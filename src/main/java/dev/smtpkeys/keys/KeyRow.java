package dev.smtpkeys.keys;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import dev.smtpkeys.web.DateViews;
import dev.smtpkeys.web.Messages;
import io.quarkus.qute.TemplateData;

/**
 * One row of the key table with every label, state and date already made in the reader's language,
 * so the table tag only prints fields: evaluating a dozen extension methods and bundle calls per row in
 * the template was most of the SMTP tab's time (issue 8). Text fields are null where the row shows none.
 * {@code href} is where the row's actions go ({@code <base>/<id>}); {@code ips}, {@code ipsSentence},
 * {@code stale} and {@code replacesNote} are the tab's only (support's view leaves them empty).
 */
@TemplateData
public record KeyRow(long id, String href, boolean master, String label, String suffix, int version, String lastUseSentence,
        String maskedValue, String statusClass, String statusLabel, String networksNote, String networksText,
        boolean stale, String expiryLabel, String rotationNote, String replacesNote, String createdIso,
        String createdDate, String lastUsedIso, String lastUsedTitle, String lastUsedLabel, String lastUsedFrom,
        List<String> ips, String ipsSentence, boolean rotatable, String toggle, String toggleLabel,
        boolean deletable) {

    /** What a row's texts depend on besides the key: the time, the language, the actions' base path and the tab's extra facts. */
    record Facts(Instant now, Locale locale, String base, Duration staleAfter, Map<Long, List<ClientIp>> clientIps,
            Map<Long, List<String>> networks) {
    }

    /**
     * The texts every row repeats (column labels for narrow screens, action names), looked up once per
     * table: a bundle lookup from a template compares the key with each message name of the bundle.
     * {@code staleHint} is null where staleness is not shown.
     */
    @TemplateData
    public record Labels(String colValue, String colStatus, String colCreated, String colLastUsed, String reveal,
            String messages, String networks, String rotate, String delete, String masterNotDeletable,
            String masterNotDeletableShort, String staleBadge, String staleHint, String ipsTitle) {

        static Labels of(KeysMessages msg, Duration staleAfter) {
            return new Labels(msg.col_value(), msg.col_status(), msg.col_created(), msg.col_last_used(),
                    msg.action_reveal(), msg.action_messages(), msg.action_networks(), msg.action_rotate(),
                    msg.action_delete(), msg.master_not_deletable(), msg.master_not_deletable_short(),
                    msg.stale_badge(), staleAfter == null ? null : msg.stale_hint(staleAfter.toDays()), msg.ips_title());
        }

        /** Support's table: nothing is shown as stale there. */
        public static Labels ofSupport() {
            return of(Messages.in(KeysMessages.class, DateViews.requestLocale()), null);
        }
    }

    /** Support's rows, whose actions go to {@code base}: no client IPs, allowlists or staleness. */
    public static List<KeyRow> of(List<SmtpKey> keys, String base) {
        return of(keys, new Facts(SmtpKey.now(), DateViews.requestLocale(), base, null, Map.of(), Map.of()), Map.of());
    }

    /**
     * The rows of {@code keys} in their order; {@code byId} finds the key a replacement replaces (its
     * "replaces ··xy" note), so no row searches the list.
     */
    static List<KeyRow> of(List<SmtpKey> keys, Facts facts, Map<Long, SmtpKey> byId) {
        KeysMessages msg = Messages.in(KeysMessages.class, facts.locale());
        Texts texts = new Texts(msg, facts.locale());
        List<KeyRow> rows = new ArrayList<>(keys.size());
        for (SmtpKey key : keys) {
            rows.add(of(key, facts, byId, texts));
        }
        return rows;
    }

    private static KeyRow of(SmtpKey key, Facts facts, Map<Long, SmtpKey> byId, Texts t) {
        KeysMessages msg = t.msg;
        Instant now = facts.now();
        KeyStatus status = key.statusAt(now);
        List<String> networks = facts.networks().getOrDefault(key.id, List.of());
        List<ClientIp> clientIps = facts.clientIps().getOrDefault(key.id, List.of());
        List<String> ips = new ArrayList<>(clientIps.size());
        for (ClientIp ip : clientIps) {
            ips.add(msg.ips_seen(ip.ip(), t.dateTime(ip.lastSeen())));
        }
        SmtpKey predecessor = key.replacesId == null ? null : byId.get(key.replacesId);
        String lastUsedAgo = key.lastUsedAt == null ? null : KeyViews.ago(key.lastUsedAt, now, facts.locale());
        String toggle = status == KeyStatus.EXPIRED ? null : status == KeyStatus.ACTIVE ? "deactivate" : "activate";
        return new KeyRow(key.id, facts.base() + "/" + key.id, key.master, KeyTexts.displayName(msg, key), key.suffix, key.version,
                key.lastUsedAt == null ? msg.confirm_never_used()
                        : msg.confirm_last_used(lastUsedAgo, key.lastUsedIp == null ? "?" : key.lastUsedIp),
                KeyViews.MASK + key.suffix,
                switch (status) {
                    case ACTIVE -> "badge-active";
                    case INACTIVE -> "badge-inactive";
                    case EXPIRED -> "badge-expired";
                },
                switch (status) {
                    case ACTIVE -> msg.status_active();
                    case INACTIVE -> msg.status_inactive();
                    case EXPIRED -> msg.status_expired();
                },
                networks.isEmpty() ? null : msg.networks_only_from(String.join(", ", networks)),
                String.join("\n", networks),
                facts.staleAfter() != null && KeysPage.stale(key, now, facts.staleAfter()),
                key.expiresAt == null ? null
                        : key.isExpiredAt(now) ? msg.expired_on(t.date(key.expiresAt))
                                : msg.expiry_on(t.date(key.expiresAt)),
                key.isRotated() ? rotationNote(key, now, msg) : null,
                predecessor == null ? null : msg.rotation_new(predecessor.suffix),
                DateViews.iso(key.createdAt), t.date(key.createdAt),
                key.lastUsedAt == null ? null : DateViews.iso(key.lastUsedAt),
                key.lastUsedAt == null ? null : t.dateTime(key.lastUsedAt) + " · " + msg.lastused_count(key.useCount),
                lastUsedAgo == null ? msg.lastused_never() : lastUsedAgo,
                key.lastUsedIp == null || key.lastUsedIp.isEmpty() ? null : msg.lastused_from(key.lastUsedIp),
                ips, ipsSentence(clientIps, now, facts.locale()),
                key.rotationProblem(now).isEmpty(), toggle,
                toggle == null ? null : toggle.equals("deactivate") ? msg.action_deactivate() : msg.action_activate(),
                !key.master || key.isRotated());
    }

    /** For a rotated key: until when it works, or that it waits for its replacement's first use. */
    static String rotationNote(SmtpKey key, Instant now, KeysMessages msg) {
        if (!key.isActive()) {
            return msg.rotation_old_done();
        }
        if (key.retireAt == null) {
            return msg.rotation_old_first_use();
        }
        return msg.rotation_old_left(KeyViews.left(Duration.between(now, key.retireAt), msg));
    }

    /** "Used from: 192.0.2.1, last 3 minutes ago; …", or empty. */
    static String ipsSentence(List<ClientIp> ips, Instant now, Locale locale) {
        if (ips.isEmpty()) {
            return "";
        }
        KeysMessages msg = Messages.in(KeysMessages.class, locale);
        return msg.ips_title() + ": " + ips.stream().map(ip -> msg.ips_seen(ip.ip(), KeyViews.ago(ip.lastSeen(), now, locale)))
                .collect(Collectors.joining("; "));
    }

    /** The bundle and the formatters of one table, looked up once rather than per date. */
    private static final class Texts {
        final KeysMessages msg;
        final DateTimeFormatter date;
        final Locale locale;

        Texts(KeysMessages msg, Locale locale) {
            this.msg = msg;
            this.locale = locale;
            this.date = DateViews.dateFormat(locale);
        }

        String date(Instant at) {
            return date.format(at);
        }

        String dateTime(Instant at) {
            return DateViews.dateTime(at, locale);
        }
    }
}
