package dev.smtpkeys.keys;

import java.util.Optional;

import dev.smtpkeys.account.Actor;
import dev.smtpkeys.audit.AuditAction;
import dev.smtpkeys.audit.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * A secret scanner's report that a key was published: a real key (prefix, checksum, then its hash) is
 * deactivated if it was active, and the report is audited with where the key was found, so the
 * account's users see it in the activity log and are told by e-mail. One transaction per token.
 */
@ApplicationScoped
@Transactional
public class LeakedKeys {

    private static final int MAX_SOURCE = 500;

    /** What a reported token turned out to be; says nothing of whose it is. */
    public enum Outcome { NOT_A_KEY, DEACTIVATED, ALREADY_INACTIVE }

    private final AuditLog audit;

    LeakedKeys(AuditLog audit) {
        this.audit = audit;
    }

    /** Handles one reported {@code token}, found at {@code source} (a URL, may be null). */
    public Outcome reported(String token, String source) {
        if (!KeySecret.isWellFormed(token)) {
            return Outcome.NOT_A_KEY;
        }
        Optional<SmtpKey> found = SmtpKey.find("tokenHash", (Object) KeySecret.hash(token)).firstResultOptional();
        if (found.isEmpty()) {
            return Outcome.NOT_A_KEY;
        }
        SmtpKey key = found.get();
        boolean wasActive = key.isActive();
        key.status = KeyStatus.INACTIVE;
        String where = source == null || source.isBlank() ? null
                : source.length() > MAX_SOURCE ? source.substring(0, MAX_SOURCE - 1) + "…" : source;
        audit.record(Actor.system(), key.account, AuditAction.KEY_REPORTED_LEAKED, key.ref(), where);
        return wasActive ? Outcome.DEACTIVATED : Outcome.ALREADY_INACTIVE;
    }
}
