package dev.smtpkeys.limits;

import java.time.Instant;

/**
 * A subject's count under one {@link Limit} right after a hit: the hits in the current window, when
 * the window ends, and until when the subject is blocked (null: not blocked).
 */
public record Counter(int hits, Instant windowEnd, Instant blockedUntil) {

    /** Whether the subject may not go on at {@code now}: blocked, or at the limit's maximum in this window. */
    public boolean isExhausted(Limit limit, Instant now) {
        return isBlocked(now) || (hits >= limit.max() && now.isBefore(windowEnd));
    }

    /** Whether a block or a back-off delay holds at {@code now}. */
    public boolean isBlocked(Instant now) {
        return blockedUntil != null && now.isBefore(blockedUntil);
    }
}
