package dev.smtpkeys.relay;

/** Who an SMTP session authenticated as: a key of an account. Holds no secret. */
public record AuthenticatedKey(long keyId, long accountId, String keyName) {
}
