package dev.smtpkeys.audit;

import java.time.Instant;

import dev.smtpkeys.account.Actor;

/**
 * Fired for every audit event as it is written, inside its transaction, so that a higher feature can
 * act on it (security alerts observe it with {@code TransactionPhase.AFTER_SUCCESS}: only what was
 * committed). Holds what the log holds, never a secret; {@code key} may be null.
 */
public record AuditRecorded(long eventId, Long accountId, AuditAction action, Actor actor, KeyRef key, String reason,
        Instant at) {
}
