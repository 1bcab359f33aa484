package dev.smtpkeys.account;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final MovableClock clock = new MovableClock();
    private final LoginThrottle throttle = new LoginThrottle(3, 5, Duration.ofMinutes(15), clock);

    @Test
    void anAddressPausesAfterItsLimitAndOthersDoNot() {
        for (int i = 0; i < 3; i++) {
            assertFalse(throttle.isBlocked("10.0.0.1", "a@example.org"));
            throttle.failed("10.0.0.1", "A@Example.org");
        }
        assertTrue(throttle.isBlocked("10.0.0.9", "a@example.org"), "the address, from any IP");
        assertFalse(throttle.isBlocked("10.0.0.1", "b@example.org"), "the IP is below its own limit");
    }

    @Test
    void anIpPausesAfterItsLimitWhateverTheAddress() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("10.0.0.2", "user" + i + "@example.org");
        }
        assertTrue(throttle.isBlocked("10.0.0.2", "new@example.org"));
        assertFalse(throttle.isBlocked("10.0.0.3", "new@example.org"));
    }

    @Test
    void thePauseEndsWhenTheFailuresLeaveTheWindow() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("10.0.0.4", "c@example.org");
            clock.advance(Duration.ofMinutes(1));
        }
        assertTrue(throttle.isBlocked(null, "c@example.org"));
        clock.advance(Duration.ofMinutes(13));
        assertFalse(throttle.isBlocked(null, "c@example.org"), "the failures of minutes 0 and 1 have left the window");
        // a sliding window, not a reset: the failure of minute 2 still counts, with two new ones
        throttle.failed("10.0.0.4", "c@example.org");
        assertFalse(throttle.isBlocked(null, "c@example.org"));
        throttle.failed("10.0.0.4", "c@example.org");
        assertTrue(throttle.isBlocked(null, "c@example.org"));
    }

    @Test
    void pruningForgetsRunOutWindowsSoNewAddressesAreCountedAgain() {
        for (int i = 0; i < LoginThrottle.MAX_TRACKED; i++) {
            throttle.failed(null, "filler-" + i + "@example.org");
        }
        for (int i = 0; i < 3; i++) {
            throttle.failed(null, "late@example.org");
        }
        assertFalse(throttle.isBlocked(null, "late@example.org"), "beyond the tracking cap a new address is not counted");

        clock.advance(Duration.ofMinutes(15));
        throttle.prune();
        for (int i = 0; i < 3; i++) {
            throttle.failed(null, "late@example.org");
        }
        assertTrue(throttle.isBlocked(null, "late@example.org"), "pruning made room for it");
    }

    @Test
    void aCorrectPasswordClearsTheAddressButNotTheIp() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("10.0.0.5", "d@example.org");
        }
        throttle.succeeded("d@example.org");
        assertFalse(throttle.isBlocked(null, "d@example.org"));
        throttle.failed("10.0.0.5", "e@example.org");
        throttle.failed("10.0.0.5", "e@example.org");
        assertTrue(throttle.isBlocked("10.0.0.5", null));
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
