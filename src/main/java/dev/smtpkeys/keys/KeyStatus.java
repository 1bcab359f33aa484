package dev.smtpkeys.keys;

/** Whether the relay accepts a key. */
public enum KeyStatus {
    ACTIVE, INACTIVE
}
