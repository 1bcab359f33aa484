package dev.smtpkeys.account;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.scheduler.Scheduled;

/**
 * Counts failed sign-ins per IP address and per e-mail address over a sliding window, in memory:
 * enough to make password guessing slow on one instance, and it forgets on restart (a deliberate
 * trade against a table written on every failure). Once a limit is reached, sign-in pauses for that
 * IP or address until the oldest counted failure leaves the window.
 */
@ApplicationScoped
public class LoginThrottle {

    /** Beyond this many tracked keys, new e-mail addresses are no longer tracked (IPs always are). */
    static final int MAX_TRACKED = 100_000;

    private final Map<String, ArrayDeque<Long>> failures = new ConcurrentHashMap<>();
    private final int maxPerEmail;
    private final int maxPerIp;
    private final long windowMillis;
    private final Clock clock;

    @Inject
    LoginThrottle(AccountConfig config) {
        this(config.loginMaxFailures(), config.loginMaxFailuresPerIp(), config.loginThrottleWindow(), Clock.systemUTC());
    }

    LoginThrottle(int maxPerEmail, int maxPerIp, Duration window, Clock clock) {
        this.maxPerEmail = maxPerEmail;
        this.maxPerIp = maxPerIp;
        this.windowMillis = window.toMillis();
        this.clock = clock;
    }

    /** Whether sign-in is paused for this IP or this e-mail address (either may be null). */
    public boolean isBlocked(String ip, String email) {
        return count(ipKey(ip)) >= maxPerIp || count(emailKey(email)) >= maxPerEmail;
    }

    /** Counts one failed sign-in. */
    public void failed(String ip, String email) {
        add(ipKey(ip), true);
        add(emailKey(email), false);
    }

    /** A correct password clears the count of its address, not of the IP it came from. */
    public void succeeded(String email) {
        String key = emailKey(email);
        if (key != null) {
            failures.remove(key);
        }
    }

    /** Forgets windows that have run out, so the map holds only recent failures. */
    @Scheduled(every = "1m", delayed = "1m")
    void prune() {
        long oldest = clock.millis() - windowMillis;
        failures.entrySet().removeIf(entry -> {
            synchronized (entry.getValue()) {
                trim(entry.getValue(), oldest);
                return entry.getValue().isEmpty();
            }
        });
    }

    private int count(String key) {
        if (key == null) {
            return 0;
        }
        ArrayDeque<Long> times = failures.get(key);
        if (times == null) {
            return 0;
        }
        synchronized (times) {
            trim(times, clock.millis() - windowMillis);
            return times.size();
        }
    }

    private void add(String key, boolean always) {
        if (key == null || (!always && failures.size() >= MAX_TRACKED && !failures.containsKey(key))) {
            return;
        }
        long now = clock.millis();
        ArrayDeque<Long> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            trim(times, now - windowMillis);
            times.addLast(now);
            // more than the limit need not be remembered: the pause depends only on the newest ones
            while (times.size() > Math.max(maxPerEmail, maxPerIp)) {
                times.removeFirst();
            }
        }
    }

    private static void trim(ArrayDeque<Long> times, long oldest) {
        while (!times.isEmpty() && times.peekFirst() <= oldest) {
            times.removeFirst();
        }
    }

    private static String ipKey(String ip) {
        return ip == null || ip.isBlank() ? null : "ip:" + ip;
    }

    private static String emailKey(String email) {
        return email == null || email.isBlank() ? null : "email:" + email.strip().toLowerCase(Locale.ROOT);
    }
}
