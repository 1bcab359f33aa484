package dev.smtpkeys.keys;

/** The answer of a successful {@link KeyService#verify}: which key of which account. */
public record VerifiedKey(long keyId, long accountId, String keyName) {
}
