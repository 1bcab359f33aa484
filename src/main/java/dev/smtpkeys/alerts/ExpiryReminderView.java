package dev.smtpkeys.alerts;

/**
 * An expiry reminder as its reader reads it: the subject, the key and its exact expiry in the reader's
 * language (UTC said), and the link to the SMTP tab (null without a configured base URL). Never a key.
 */
public record ExpiryReminderView(String subject, String expires, String smtpTabUrl) {
}
