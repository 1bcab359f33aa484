package dev.smtpkeys.keys;

/** Whether the relay accepts a key. An EXPIRED key stays so: it can be deleted, not re-activated. */
public enum KeyStatus {
    ACTIVE, INACTIVE, EXPIRED
}
