package dev.smtpkeys.keys;

/**
 * The answer of a successful {@link KeyService#verify}: which key of which account. It is also what an
 * SMTP session authenticated as, for the rest of the session. Holds no secret. {@code retiresPredecessor}:
 * the key replaces one that stays active until this key's first use ({@link KeyRotation#firstUse}).
 */
public record VerifiedKey(long keyId, long accountId, boolean retiresPredecessor) {

    public VerifiedKey(long keyId, long accountId) {
        this(keyId, accountId, false);
    }
}
