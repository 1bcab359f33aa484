package dev.smtpkeys.account;

/** One sign-in attempt as the audit log needs it; the typed password is not part of it. */
public record LoginAttempt(String email, String ip, boolean success) {
}
