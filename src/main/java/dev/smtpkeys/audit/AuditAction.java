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
    /** Sign-in for this user was made to wait (once per throttle window). */
    LOGIN_THROTTLED,
    /** The change-password form of this user was made to wait after wrong current passwords. */
    PASSWORD_THROTTLED,
    /** Sign-up from one client network was made to wait; belongs to no account. */
    SIGNUP_THROTTLED
}
