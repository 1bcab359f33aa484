package dev.smtpkeys.relay;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Counts failed SMTP AUTH per client IP: {@code max-failures} within {@code window} blocks that IP
 * for {@code block}. Successful clients never wait: a success costs one map read and no delay.
 * In memory per instance; each instance holds a flood to the same limit.
 */
@ApplicationScoped
public class AuthThrottle {

    /** Beyond this many tracked IPs the oldest windows are dropped first: a spoofed-source flood cannot fill memory. */
    static final int MAX_TRACKED = 100_000;

    private final RelayConfig.Throttle config;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
    private Clock clock = Clock.systemUTC();

    @Inject
    AuthThrottle(RelayConfig config) {
        this(config.throttle());
    }

    AuthThrottle(RelayConfig.Throttle config) {
        this.config = config;
    }

    /** For tests of the window arithmetic. */
    AuthThrottle withClock(Clock clock) {
        this.clock = clock;
        return this;
    }

    private static final class Window {
        Instant start;
        int failures;
        Instant blockedUntil;

        Window(Instant start) {
            this.start = start;
        }
    }

    /** Whether {@code ip} is blocked now. */
    public boolean isBlocked(String ip) {
        Window window = windows.get(ip);
        if (window == null) {
            return false;
        }
        synchronized (window) {
            return window.blockedUntil != null && clock.instant().isBefore(window.blockedUntil);
        }
    }

    /** Records a failed AUTH; answers whether {@code ip} is blocked from now on. */
    public boolean recordFailure(String ip) {
        Instant now = clock.instant();
        if (windows.size() >= MAX_TRACKED) {
            evictExpired(now);
        }
        Window window = windows.computeIfAbsent(ip, k -> new Window(now));
        synchronized (window) {
            if (window.blockedUntil != null && now.isBefore(window.blockedUntil)) {
                return true;
            }
            if (window.blockedUntil != null || now.isAfter(window.start.plus(config.window()))) {
                window.start = now;
                window.failures = 0;
                window.blockedUntil = null;
            }
            window.failures++;
            if (window.failures >= config.maxFailures()) {
                window.blockedUntil = now.plus(config.block());
                return true;
            }
            return false;
        }
    }

    @Scheduled(every = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void evictExpired() {
        evictExpired(clock.instant());
    }

    private void evictExpired(Instant now) {
        windows.entrySet().removeIf(e -> {
            Window w = e.getValue();
            synchronized (w) {
                boolean blocked = w.blockedUntil != null && now.isBefore(w.blockedUntil);
                return !blocked && now.isAfter(w.start.plus(config.window()));
            }
        });
        if (windows.size() >= MAX_TRACKED) {
            // everything still counts: forget the unblocked ones rather than grow without bound
            windows.entrySet().removeIf(e -> {
                synchronized (e.getValue()) {
                    return e.getValue().blockedUntil == null;
                }
            });
        }
    }
}
