package dev.smtpkeys.relay;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import dev.smtpkeys.limits.LimitStore;
import dev.smtpkeys.support.MovableClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The failed-AUTH throttle on the shared counters; two throttles over one database are two instances. */
@QuarkusTest
class AuthThrottleTest {

    /** Named classes: Quarkus refuses anonymous ones that override validated config methods. */
    private record Limits(int maxFailures, Duration window, Duration block) implements RelayConfig.Throttle {
    }

    private static final AtomicInteger NEXT = new AtomicInteger();

    @Inject
    DataSource dataSource;

    private final MovableClock clock = new MovableClock(Instant.now().plus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS));

    private AuthThrottle instance() {
        return new AuthThrottle(new Limits(3, Duration.ofMinutes(5), Duration.ofMinutes(15)), new LimitStore(dataSource, clock));
    }

    /** An address no other run of this test has used. */
    private static String ip() {
        int n = NEXT.incrementAndGet() + (int) (System.nanoTime() % 1000) * 1000;
        return "198.18." + (n / 250 % 250) + "." + (n % 250 + 1);
    }

    @Test
    void theLimitWithinTheWindowBlocksForTheBlockTime() {
        AuthThrottle throttle = instance();
        String ip = ip();
        assertFalse(throttle.recordFailure(ip));
        assertFalse(throttle.recordFailure(ip));
        assertTrue(throttle.recordFailure(ip));
        assertTrue(throttle.isBlocked(ip));
        assertFalse(throttle.isBlocked(ip()));
        clock.advance(Duration.ofMinutes(14));
        assertTrue(throttle.isBlocked(ip));
        clock.advance(Duration.ofMinutes(2));
        assertFalse(throttle.isBlocked(ip));
        assertFalse(throttle.recordFailure(ip), "a new window starts after the block");
    }

    @Test
    void failuresSpreadBeyondTheWindowNeverBlock() {
        AuthThrottle throttle = instance();
        String ip = ip();
        for (int i = 0; i < 10; i++) {
            assertFalse(throttle.recordFailure(ip));
            clock.advance(Duration.ofMinutes(i % 2 == 0 ? 3 : 6));
        }
    }

    @Test
    void twoInstancesCountTogetherAndBothBlock() {
        AuthThrottle one = instance();
        AuthThrottle two = instance();
        String ip = ip();
        assertFalse(one.recordFailure(ip));
        assertFalse(two.recordFailure(ip));
        assertFalse(two.isKnownBlocked(ip));
        assertTrue(one.recordFailure(ip), "the third failure, whichever instance saw the others");
        assertFalse(two.isKnownBlocked(ip), "the other instance has not seen the block yet…");
        assertTrue(two.isBlocked(ip), "…but finds it in the shared counters at the next connection");
        assertTrue(two.isKnownBlocked(ip), "and remembers it");
    }

    @Test
    void ipv6CountsPerSlash64() {
        AuthThrottle throttle = instance();
        String prefix = "2001:db8:" + Integer.toHexString(NEXT.incrementAndGet()) + ":" + Long.toHexString(System.nanoTime() & 0xffff);
        throttle.recordFailure(prefix + "::1");
        throttle.recordFailure(prefix + ":1:2:3:4");
        assertTrue(throttle.recordFailure(prefix + ":ffff::9"), "three addresses of one /64 are one client");
        assertTrue(throttle.isBlocked(prefix + "::abcd"));
        assertFalse(throttle.isBlocked("2001:db8:ffff:ffff::1"));
    }
}
