package dev.smtpkeys.keys;

/**
 * The answer of a successful {@link KeyService#verify}: which key of which account. It is also what an
 * SMTP session authenticated as, for the rest of the session. Holds no secret.
 */
public record VerifiedKey(long keyId, long accountId) {
}
