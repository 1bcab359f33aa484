package dev.smtpkeys.keys;

/** Why a key use case refused; its text is made by {@link KeyTexts#problem}. */
public enum KeyProblem {
    NAME_REQUIRED,
    NAME_TOO_LONG,
    NAME_CONTROL_CHARACTERS,
    NAME_TAKEN,
    LIMIT_REACHED,
    ALREADY_GENERATED,
    CHANGED_MEANWHILE,
    ALREADY_ACTIVE,
    ALREADY_INACTIVE,
    MASTER_NOT_DELETABLE,
    EXPIRED,
    REPLACED,
    NOT_ACTIVE,
    EXPIRY_INVALID,
    EXPIRY_PAST,
    GRACE_INVALID,
    REASON_TOO_SHORT,
    REASON_TOO_LONG;

    /** Problems that belong beside the reason field of a support action. */
    public boolean concernsReason() {
        return this == REASON_TOO_SHORT || this == REASON_TOO_LONG;
    }
}
