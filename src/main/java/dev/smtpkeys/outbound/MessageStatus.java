package dev.smtpkeys.outbound;

/** Where a queued message stands. Stored by name: never rename a constant. */
public enum MessageStatus {
    /** Waiting for its (next) delivery try. */
    QUEUED,
    /** Claimed by a delivery worker, which holds it until {@code next_attempt_at}. */
    SENDING,
    SENT,
    /** Given up: a permanent refusal or too old; {@code last_error} says why. */
    FAILED,
    /** Held by the account or support ({@code held_at}): not tried until released. */
    HELD,
    /** Dropped by the account or support before delivery; its body is gone. */
    DROPPED
}
