package dev.smtpkeys.audit;

/** What an audit event records. Stored by name: never rename a constant. */
public enum AuditAction {
    KEY_GENERATED,
    KEY_DEACTIVATED,
    KEY_ACTIVATED,
    KEY_DELETED,
    MASTER_REVEALED,
    LOGIN,
    LOGIN_FAILED,
    ACCOUNT_CREATED,
    PASSWORD_CHANGED,
    /** A key's queued mail held: not delivered until released. */
    QUEUED_MAIL_HELD,
    QUEUED_MAIL_RELEASED,
    /** A key's queued mail dropped: never delivered, its bodies removed. */
    QUEUED_MAIL_DROPPED
}
