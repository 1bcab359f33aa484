package dev.smtpkeys.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.smtpkeys.support.MovableClock;

/** The "blocked IP" lines are bounded: one per key and address per minute. */
class RefusedAddressesTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-30T12:00:00Z"));

    @Test
    void aFloodFromOneAddressWritesOneLineAMinute() {
        List<String> written = new ArrayList<>();
        RefusedAddresses refused = new RefusedAddresses((key, ip) -> written.add(key + " " + ip), clock, Runnable::run);
        for (int i = 0; i < 1000; i++) {
            refused.refused(7, "192.0.2.1");
        }
        refused.refused(7, "192.0.2.2");
        refused.refused(8, "192.0.2.1");
        assertEquals(List.of("7 192.0.2.1", "7 192.0.2.2", "8 192.0.2.1"), written);

        clock.advance(Duration.ofSeconds(59));
        refused.refused(7, "192.0.2.1");
        assertEquals(3, written.size());
        clock.advance(Duration.ofSeconds(2));
        refused.refused(7, "192.0.2.1");
        assertEquals(4, written.size());
    }

    @Test
    void aFailingWriteDoesNotReachAuth() {
        RefusedAddresses refused = new RefusedAddresses((key, ip) -> {
            throw new IllegalStateException("database down");
        }, clock, Runnable::run);
        refused.refused(7, "192.0.2.1");
    }
}
