package dev.smtpkeys.relay;

import java.util.Optional;

import dev.smtpkeys.keys.KeyService;
import dev.smtpkeys.keys.VerifiedKey;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * SMTP AUTH's decision: {@link KeyService#verify} (a checksum test, then one indexed lookup), the
 * failure count per client network (shared by all instances), the metrics and the key's last use. Never logs what was typed.
 */
@ApplicationScoped
public class KeyAuthenticator {

    private final KeyService keys;
    private final AuthThrottle throttle;
    private final KeyUsage usage;
    private final RelayMetrics metrics;

    KeyAuthenticator(KeyService keys, AuthThrottle throttle, KeyUsage usage, RelayMetrics metrics) {
        this.keys = keys;
        this.throttle = throttle;
        this.usage = usage;
        this.metrics = metrics;
    }

    /** Outcome of one AUTH attempt. */
    public enum Outcome { SUCCESS, FAILURE, BLOCKED, UNAVAILABLE }

    /** The result of {@link #authenticate}: the key on success. */
    public record Result(Outcome outcome, VerifiedKey key) {
    }

    /** Whether {@code ip}'s network is blocked from authenticating, on any instance (one read at most). */
    public boolean isBlocked(String ip) {
        return throttle.isBlocked(ip);
    }

    /** The same as far as this instance has seen: no database work, for the AUTH command itself. */
    public boolean isKnownBlocked(String ip) {
        return throttle.isKnownBlocked(ip);
    }

    /**
     * Checks {@code login} and {@code secret} for a client at {@code ip}. Every failure looks the same
     * to the caller; a failure that reaches the limit answers {@link Outcome#BLOCKED}.
     */
    public Result authenticate(String login, String secret, String ip) {
        Optional<VerifiedKey> verified;
        try {
            verified = keys.verify(login, secret);
        } catch (RuntimeException e) {
            metrics.auth("unavailable");
            return new Result(Outcome.UNAVAILABLE, null);
        }
        if (verified.isEmpty()) {
            metrics.auth("failure");
            return new Result(throttle.recordFailure(ip) ? Outcome.BLOCKED : Outcome.FAILURE, null);
        }
        VerifiedKey key = verified.get();
        metrics.auth("success");
        usage.authenticated(key.keyId(), ip);
        return new Result(Outcome.SUCCESS, key);
    }
}
