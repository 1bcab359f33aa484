package dev.smtpkeys.limits;

import java.time.Duration;
import java.util.Objects;

/**
 * One rule of the shared limits: at most {@code max} hits per {@code purpose} and subject in a fixed
 * window of {@code window} (it starts with the first hit and, once over, the count starts again).
 * Optionally a {@code block}: the hit that reaches {@code max} blocks the subject for that long. And
 * optionally a back-off: every hit beyond {@code free} blocks the subject for {@code base}, doubled
 * per further hit, at most {@code cap} — a delay that grows with failures and ends by itself.
 */
public record Limit(String purpose, int max, Duration window, Duration block, int free, Duration base, Duration cap) {

    public Limit {
        Objects.requireNonNull(purpose);
        if (purpose.isBlank() || purpose.length() > 40) {
            throw new IllegalArgumentException("purpose must be 1–40 characters");
        }
        if (max < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a limit needs max ≥ 1 and a positive window");
        }
    }

    /** At most {@code max} hits per subject in each window of {@code window}. */
    public static Limit of(String purpose, int max, Duration window) {
        return new Limit(purpose, max, window, Duration.ZERO, 0, Duration.ZERO, Duration.ZERO);
    }

    /** The same, and the hit that reaches the maximum blocks the subject for {@code block}. */
    public Limit blockingFor(Duration block) {
        return new Limit(purpose, max, window, block, free, base, cap);
    }

    /** The same, and each hit beyond {@code free} delays the next by {@code base}, doubling, up to {@code cap}. */
    public Limit backingOff(int free, Duration base, Duration cap) {
        return new Limit(purpose, max, window, block, free, base, cap);
    }
}
