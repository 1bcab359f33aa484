package dev.smtpkeys.sending;

/**
 * What the SMTP tab and support's account page show of an account's sending limits: the limits in
 * force, whether support set them, and the messages counted this minute and today (UTC).
 */
public record SendingUsage(int perMinute, int perDay, boolean overridden, int sentThisMinute, int sentToday) {

    public int remainingToday() {
        return Math.max(perDay - sentToday, 0);
    }

    public boolean dayUsedUp() {
        return sentToday >= perDay;
    }
}
