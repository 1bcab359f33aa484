package dev.smtpkeys.alerts;

/**
 * One alert as a mail shows it, in its reader's language: the subject, what happened, when, who did it,
 * from which address (null where it is not the reader's business, as support's), the reason given or the
 * place a leaked key was found, and where to look (null without a configured base URL).
 */
public record AlertView(String subject, String what, String when, String who, String ip, String reason,
        String activityUrl) {
}
