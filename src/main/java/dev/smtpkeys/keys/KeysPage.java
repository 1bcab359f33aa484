package dev.smtpkeys.keys;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.smtpkeys.account.Account;
import dev.smtpkeys.sending.SendingUsage;

/**
 * What the SMTP tab shows. {@code created} and {@code revealed} carry a secret and are set only in
 * the answer to the POST that produced it; {@code keys} are in table order, a replacement right
 * after the key it replaces; {@code sending} is the account's sending limits and usage.
 */
public record KeysPage(Account account, String smtpHost, List<SmtpEndpoint.Port> ports, List<SmtpKey> keys,
        int maxKeys, UUID nonce, GenerateForm form, GeneratedKey created, String revealed, Facts facts, SendingUsage sending) {

    public KeysPage {
        keys = paired(keys);
    }

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

    /** The password prompt of sudo mode, with what went wrong with the last try. */
    public record SudoForm(String error) {
    }

    public boolean atLimit() {
        return keys.size() >= maxKeys;
    }

    /** The rows the table shows: every key, or with the filter only the stale ones. */
    public List<SmtpKey> shown() {
        return facts.staleOnly() ? keys.stream().filter(this::stale).toList() : keys;
    }

    public long staleCount() {
        return keys.stream().filter(this::stale).count();
    }

    /**
     * Whether the key has not been used for the stale threshold (never used: since it was made) and
     * could be deleted; the master key in use cannot, so it is never flagged.
     */
    public boolean stale(SmtpKey key) {
        if (key.master && !key.isRotated()) {
            return false;
        }
        Instant last = key.lastUsedAt == null ? key.createdAt : key.lastUsedAt;
        return !last.plus(facts.staleAfter()).isAfter(facts.now());
    }

    public long staleDays() {
        return facts.staleAfter().toDays();
    }

    public List<ClientIp> ips(SmtpKey key) {
        return facts.clientIps().getOrDefault(key.id, List.of());
    }

    /** The delete dialog's sentence of where the key was used from. */
    public String ipsSentence(SmtpKey key) {
        return KeyViews.ipsSentence(ips(key));
    }

    public KeyStatus status(SmtpKey key) {
        return key.statusAt(facts.now());
    }

    /** The key {@code key} replaces, if it is on this page. */
    public SmtpKey predecessor(SmtpKey key) {
        return key.replacesId == null ? null
                : keys.stream().filter(k -> k.id.equals(key.replacesId)).findFirst().orElse(null);
    }

    private static List<SmtpKey> paired(List<SmtpKey> keys) {
        List<SmtpKey> ordered = new ArrayList<>(keys.size());
        for (SmtpKey key : keys) {
            boolean placedLater = key.replacesId != null && keys.stream().anyMatch(k -> k.id.equals(key.replacesId));
            if (!placedLater) {
                for (SmtpKey next = key; next != null; next = successor(keys, next)) {
                    ordered.add(next);
                }
            }
        }
        return ordered;
    }

    private static SmtpKey successor(List<SmtpKey> keys, SmtpKey key) {
        return keys.stream().filter(k -> key.id.equals(k.replacesId)).findFirst().orElse(null);
    }

    @Override
    public String toString() {
        return "KeysPage[account=" + account.id + ", keys=" + keys.size() + "]";
    }
}
