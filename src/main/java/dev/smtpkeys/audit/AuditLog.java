package dev.smtpkeys.audit;

import dev.smtpkeys.account.Account;
import dev.smtpkeys.account.Actor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** The one place that writes audit events; always inside the caller's transaction. */
@ApplicationScoped
public class AuditLog {

    /** Records {@code action} by {@code actor} on {@code key} (may be null) of {@code account}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEvent record(Actor actor, Account account, AuditAction action, KeyRef key, String reason) {
        return record(actor, account, action, key, reason, null);
    }

    /** Records {@code action} with a {@code detail} of what it set (see {@link AuditEvent#detail}). */
    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEvent record(Actor actor, Account account, AuditAction action, KeyRef key, String reason,
            String detail) {
        AuditEvent event = new AuditEvent();
        event.account = account;
        event.actorId = actor.userId();
        event.actorRole = actor.role();
        event.actorEmail = actor.email();
        event.ip = actor.ip();
        event.action = action;
        event.reason = reason;
        event.detail = detail;
        if (key != null) {
            event.keyId = key.id();
            event.keyName = key.name();
            event.keySuffix = key.suffix();
            event.keyMaster = key.master();
        }
        event.persist();
        return event;
    }
}
