package dev.smtpkeys.keys;

import java.util.List;

import dev.smtpkeys.account.Account;
import dev.smtpkeys.account.Actor;
import dev.smtpkeys.audit.AuditAction;
import dev.smtpkeys.audit.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The per-key IP allowlist's use cases: replace a key's list (audited with the new list), and record
 * that the relay refused a key because of the client's address. The check itself is part of
 * {@link KeyService#verify(String, String, String)}, in AUTH's one lookup.
 */
@ApplicationScoped
@Transactional
public class KeyAllowlist {

    private static final int MAX_REASON = 500;

    private final AuditLog audit;

    KeyAllowlist(AuditLog audit) {
        this.audit = audit;
    }

    /**
     * Replaces the networks of the account's key {@code keyId} with those in {@code text} (empty: from
     * anywhere). Throws {@link Networks.InvalidException} before any change when an entry is not valid.
     */
    public List<String> replace(Actor actor, Account account, long keyId, String text) {
        List<String> networks = Networks.parse(text);
        SmtpKey key = SmtpKey.owned(keyId, account);
        AllowedNetwork.replace(key, networks);
        String list = String.join(", ", networks);
        audit.record(actor, account, AuditAction.KEY_NETWORKS_CHANGED, key.ref(),
                list.length() > MAX_REASON ? list.substring(0, MAX_REASON - 1) + "…" : list);
        return networks;
    }

    /** Writes the "blocked IP" line of the activity log: {@code keyId} was refused from {@code ip}. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordRefused(long keyId, String ip) {
        SmtpKey key = SmtpKey.findById(keyId);
        if (key != null) {
            audit.record(new Actor(null, Actor.SYSTEM_ROLE, null, ip), key.account, AuditAction.KEY_ADDRESS_REFUSED,
                    key.ref(), null);
        }
    }
}
