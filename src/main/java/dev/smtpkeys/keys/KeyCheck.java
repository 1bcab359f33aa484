package dev.smtpkeys.keys;

/**
 * What {@link KeyService#verify(String, String, String)} found: an active key of the account, and
 * whether the client's address is on the key's allowlist (always, for a key without one).
 */
public record KeyCheck(VerifiedKey key, boolean addressAllowed) {
}
