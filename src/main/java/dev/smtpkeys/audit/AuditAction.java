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
    /** Support set an account's sending limits; the detail is "perMinute/perDay". */
    SENDING_LIMITS_SET,
    /** Support removed an account's sending limits, so the defaults apply again. */
    SENDING_LIMITS_RESET
}
