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
    /** A key's IP allowlist was replaced; the reason holds the new list. */
    KEY_NETWORKS_CHANGED,
    /** The relay refused a right key because the client's address is not on its allowlist; ip is that address. */
    KEY_ADDRESS_REFUSED,
    /** A secret scanner reported the key as published; the reason holds where. */
    KEY_REPORTED_LEAKED,
    /** A replacement was generated for the key; the key works on until it is retired. */
    KEY_ROTATED,
    /** A rotated key stopped working (its deadline, or its replacement's first use); by the system. */
    KEY_RETIRED,
    /** The key reached its expiry; by the system. */
    KEY_EXPIRED,
    /** The master key was shown after the user confirmed their password (an older sign-in). */
    MASTER_REVEALED_CONFIRMED,
    /** Support set an account's sending limits; the detail is "perMinute/perDay". */
    SENDING_LIMITS_SET,
    /** Support removed an account's sending limits, so the defaults apply again. */
    SENDING_LIMITS_RESET,
    /** Sign-in for this user was made to wait (once per throttle window). */
    LOGIN_THROTTLED,
    /** The change-password form of this user was made to wait after wrong current passwords. */
    PASSWORD_THROTTLED,
    /** Sign-up from one client network was made to wait; belongs to no account. */
    SIGNUP_THROTTLED,
    /** A key's queued mail held: not delivered until released. */
    QUEUED_MAIL_HELD,
    QUEUED_MAIL_RELEASED,
    /** A key's queued mail dropped: never delivered, its bodies removed. */
    QUEUED_MAIL_DROPPED,
    /** Support mailed a user of the account a link to choose their password (a newer one replaces it). */
    INVITATION_SENT
}
