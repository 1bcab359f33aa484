package dev.smtpkeys.relay;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class AuthThrottleTest {

    /** Named classes: Quarkus refuses anonymous ones that override validated config methods. */
    private record Limits(int maxFailures, Duration window, Duration block) implements RelayConfig.Throttle {
    }

    private static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-01-01T10:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final MovableClock clock = new MovableClock();
    private final AuthThrottle throttle = new AuthThrottle(new Limits(3, Duration.ofMinutes(5), Duration.ofMinutes(15)))
            .withClock(clock);

    @Test
    void theLimitWithinTheWindowBlocksForTheBlockTime() {
        assertFalse(throttle.recordFailure("192.0.2.1"));
        assertFalse(throttle.recordFailure("192.0.2.1"));
        assertTrue(throttle.recordFailure("192.0.2.1"));
        assertTrue(throttle.isBlocked("192.0.2.1"));
        assertFalse(throttle.isBlocked("192.0.2.2"));
        clock.advance(Duration.ofMinutes(14));
        assertTrue(throttle.isBlocked("192.0.2.1"));
        clock.advance(Duration.ofMinutes(2));
        assertFalse(throttle.isBlocked("192.0.2.1"));
        assertFalse(throttle.recordFailure("192.0.2.1"), "a new window starts after the block");
    }

    @Test
    void failuresSpreadBeyondTheWindowNeverBlock() {
        for (int i = 0; i < 10; i++) {
            assertFalse(throttle.recordFailure("192.0.2.3"));
            clock.advance(Duration.ofMinutes(i % 2 == 0 ? 3 : 6));
        }
    }
}
