package dev.smtpkeys.account;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.smtpkeys.support.MovableClock;

class KnownDevicesTest {

    private static final String SECRET = "test-only-session-key-0123456789abcdef";
    private final MovableClock clock = new MovableClock();
    private final KnownDevices devices = new KnownDevices(SECRET, Duration.ofDays(180), clock);

    @Test
    void aCookieIsKnownForItsUserOnly() {
        String cookie = devices.issue("Ann@Example.org");
        assertTrue(devices.isKnown(cookie, "ann@example.org"));
        assertFalse(devices.isKnown(cookie, "bob@example.org"));
    }

    @Test
    void aForgedOrAlteredCookieIsNotKnown() {
        String cookie = devices.issue("ann@example.org");
        String later = (Long.parseLong(cookie.substring(0, cookie.indexOf('.'))) + 1000) + cookie.substring(cookie.indexOf('.'));
        assertFalse(devices.isKnown(later, "ann@example.org"), "a prolonged expiry breaks the MAC");
        assertFalse(devices.isKnown(cookie.substring(0, cookie.length() - 2) + "AA", "ann@example.org"));
        assertFalse(devices.isKnown("", "ann@example.org"));
        assertFalse(devices.isKnown("x.y", "ann@example.org"));
        assertFalse(devices.isKnown(null, "ann@example.org"));
        KnownDevices otherSecret = new KnownDevices(SECRET + "-other", Duration.ofDays(180), clock);
        assertFalse(otherSecret.isKnown(cookie, "ann@example.org"), "another instance's secret would not accept it");
    }

    @Test
    void aCookieExpires() {
        String cookie = devices.issue("ann@example.org");
        clock.advance(Duration.ofDays(179));
        assertTrue(devices.isKnown(cookie, "ann@example.org"));
        clock.advance(Duration.ofDays(1));
        assertFalse(devices.isKnown(cookie, "ann@example.org"));
    }

    @Test
    void aShortSecretIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new KnownDevices("short", Duration.ofDays(1), clock));
    }
}
