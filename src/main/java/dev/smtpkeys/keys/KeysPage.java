package dev.smtpkeys.keys;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.smtpkeys.account.CurrentUser;
import dev.smtpkeys.sending.SendingUsage;

/**
 * What the SMTP tab shows. {@code created} and {@code revealed} carry a secret and are set only in
 * the answer to the POST that produced it; {@code keys} are in table order ({@link #paired}), a
 * replacement right after the key it replaces, and {@code rows} are their table rows, made once
 * (with the {@code labels} every row repeats);
 * {@code sending} is the account's sending limits and usage.
 */
public record KeysPage(String smtpLogin, String smtpHost, List<SmtpEndpoint.Port> ports, List<SmtpKey> keys,
        List<KeyRow> rows, KeyRow.Labels labels, int maxKeys, GenerateForm form, GeneratedKey created, String revealed,
        Facts facts, SendingUsage sending) {

    /** The generate dialog's state: what was typed and what is wrong with it. */
    public record GenerateForm(String name, String expires, String expiresOn, String error, boolean open) {

        public static GenerateForm empty() {
            return new GenerateForm("", KeyExpiry.NEVER, "", null, false);
        }
    }

    /**
     * What the table derives from time and use: {@code now} by the application's clock, the stale
     * threshold, each key's client IPs, whether only stale keys are shown, whether {@code created} is a
     * replacement (rotation), and the password prompt before a reveal (null when not asked).
     */
    public record Facts(Instant now, Duration staleAfter, Map<Long, List<ClientIp>> clientIps, boolean staleOnly,
            boolean rotated, SudoForm sudo) {
    }

    /**
     * Everything the plain page shows, by value, with what the layout shows of the signed-in {@code user}:
     * what {@code web.PageCache} keeps the page by. The rows carry their relative times and states, made
     * from the clock, so a page whose "2 hours ago" moves on is another page.
     */
    record Content(CurrentUser.Shown user, String smtpLogin, String smtpHost, List<SmtpEndpoint.Port> ports,
            List<KeyRow> rows, KeyRow.Labels labels, int maxKeys, int keys, boolean staleOnly, long staleDays,
            GenerateForm form, SendingUsage sending) {
    }

    /**
     * What {@link Content} this page is; null for a page that is not kept: one that carries a secret,
     * asks for the password or opens the generate dialog with a problem.
     */
    Content content(CurrentUser.Shown user) {
        if (created != null || revealed != null || facts.sudo() != null || form.open() || user == null) {
            return null;
        }
        return new Content(user, smtpLogin, smtpHost, ports, rows, labels, maxKeys, keys.size(),
                facts.staleOnly(), staleDays(), form, sending);
    }

    /** The password prompt of sudo mode, with what went wrong with the last try. */
    public record SudoForm(String error) {
    }

    public boolean atLimit() {
        return keys.size() >= maxKeys;
    }

    /** The rows the table shows: every key, or with the filter only the stale ones. */
    public List<KeyRow> shown() {
        return facts.staleOnly() ? rows.stream().filter(KeyRow::stale).toList() : rows;
    }

    public long staleCount() {
        return rows.stream().filter(KeyRow::stale).count();
    }

    /**
     * Whether the key has not been used for the stale threshold (never used: since it was made) and
     * could be deleted; the master key in use cannot, so it is never flagged.
     */
    static boolean stale(SmtpKey key, Instant now, Duration staleAfter) {
        if (key.master && !key.isRotated()) {
            return false;
        }
        Instant last = key.lastUsedAt == null ? key.createdAt : key.lastUsedAt;
        return !last.plus(staleAfter).isAfter(now);
    }

    public long staleDays() {
        return facts.staleAfter().toDays();
    }

    /** {@code keys} in table order: each chain of replacements together, oldest first, a chain where its first key is. */
    static List<SmtpKey> paired(List<SmtpKey> keys) {
        Map<Long, SmtpKey> successors = new HashMap<>();
        Set<Long> ids = new HashSet<>();
        for (SmtpKey key : keys) {
            ids.add(key.id);
            if (key.replacesId != null) {
                successors.putIfAbsent(key.replacesId, key);
            }
        }
        List<SmtpKey> ordered = new ArrayList<>(keys.size());
        for (SmtpKey key : keys) {
            boolean placedLater = key.replacesId != null && ids.contains(key.replacesId);
            if (!placedLater) {
                for (SmtpKey next = key; next != null; next = successors.get(next.id)) {
                    ordered.add(next);
                }
            }
        }
        return ordered;
    }

    @Override
    public String toString() {
        return "KeysPage[keys=" + keys.size() + "]";
    }
}
