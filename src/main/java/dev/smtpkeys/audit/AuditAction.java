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
    KEY_REPORTED_LEAKED
}
