package dev.smtpkeys.relay;

import java.util.Optional;

import org.jboss.logging.Logger;

import dev.smtpkeys.keys.KeyCheck;
import dev.smtpkeys.keys.KeyRotation;
import dev.smtpkeys.keys.KeyService;
import dev.smtpkeys.keys.VerifiedKey;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * SMTP AUTH's decision: {@link KeyService#verify} (a checksum test, then one indexed lookup), the
 * failure count per client IP, the metrics and the key's last use. A right key from an address its
 * allowlist does not hold fails like a wrong one and is logged for the account ({@link RefusedAddresses}).
 * Never logs what was typed.
 */
@ApplicationScoped
public class KeyAuthenticator {

    private static final Logger LOG = Logger.getLogger(KeyAuthenticator.class);

    private final KeyService keys;
    private final AuthThrottle throttle;
    private final KeyUsage usage;
    private final RelayMetrics metrics;
    private final RefusedAddresses refused;
    private final KeyRotation rotation;

    KeyAuthenticator(KeyService keys, AuthThrottle throttle, KeyUsage usage, RelayMetrics metrics,
            RefusedAddresses refused, KeyRotation rotation) {
        this.keys = keys;
        this.throttle = throttle;
        this.usage = usage;
        this.metrics = metrics;
        this.refused = refused;
        this.rotation = rotation;
    }

    /** Outcome of one AUTH attempt. */
    public enum Outcome { SUCCESS, FAILURE, BLOCKED, UNAVAILABLE }

    /** The result of {@link #authenticate}: the key on success. */
    public record Result(Outcome outcome, VerifiedKey key) {
    }

    /** Whether {@code ip} may try to authenticate at all right now. */
    public boolean isBlocked(String ip) {
        return throttle.isBlocked(ip);
    }

    /**
     * Checks {@code login} and {@code secret} for a client at {@code ip}. Every failure looks the same
     * to the caller; a failure that reaches the limit answers {@link Outcome#BLOCKED}.
     */
    public Result authenticate(String login, String secret, String ip) {
        Optional<KeyCheck> verified;
        try {
            verified = keys.verify(login, secret, address(ip));
        } catch (RuntimeException e) {
            metrics.auth("unavailable");
            return new Result(Outcome.UNAVAILABLE, null);
        }
        if (verified.isEmpty()) {
            metrics.auth("failure");
            return new Result(throttle.recordFailure(ip) ? Outcome.BLOCKED : Outcome.FAILURE, null);
        }
        VerifiedKey key = verified.get().key();
        if (!verified.get().addressAllowed()) {
            metrics.auth("address_refused");
            refused.refused(key.keyId(), ip);
            return new Result(throttle.recordFailure(ip) ? Outcome.BLOCKED : Outcome.FAILURE, null);
        }
        metrics.auth("success");
        usage.authenticated(key.keyId(), ip);
        if (key.retiresPredecessor()) {
            retirePredecessor(key);
        }
        return new Result(Outcome.SUCCESS, key);
    }

    /** The replacement's first use ends its predecessor's grace; a failure here is retried at its next AUTH. */
    private void retirePredecessor(VerifiedKey key) {
        try {
            rotation.firstUse(key);
        } catch (RuntimeException e) {
            LOG.warnf("could not retire the key replaced by key %d: %s", key.keyId(), e.getClass().getName());
        }
    }

    /** The address as PostgreSQL's inet reads it: Java adds an IPv6 scope ({@code %eth0}) that it does not know. */
    private static String address(String ip) {
        int scope = ip == null ? -1 : ip.indexOf('%');
        return scope < 0 ? ip : ip.substring(0, scope);
    }
}
