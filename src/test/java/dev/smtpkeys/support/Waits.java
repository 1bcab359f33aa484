package dev.smtpkeys.support;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** A bounded wait for what happens on another thread (the delivery worker, the upstream). */
public final class Waits {

    private Waits() {
    }

    /** Returns once {@code condition} holds; fails after 30 s. */
    public static void waitFor(BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("condition not met in 30 s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
