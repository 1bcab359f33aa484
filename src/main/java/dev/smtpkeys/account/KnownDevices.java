package dev.smtpkeys.account;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The "known device" cookie: set at every successful sign-in, it lets that browser past the per-account
 * and per-network failure limits for the same user, so an attacker's failures cannot lock the user out
 * of a device they signed in from before. Its value is an expiry and an HMAC-SHA256 over the user's
 * e-mail address and that expiry; the HMAC key is derived from the configured secret (by default the
 * session encryption key, which every instance shares), so it cannot be forged nor moved to another user.
 */
@ApplicationScoped
public class KnownDevices {

    public static final String COOKIE = "known-device";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final byte[] key;
    private final Duration maxAge;
    private final Clock clock;

    @Inject
    KnownDevices(AccountConfig config) {
        this(config.knownDeviceKey(), config.knownDeviceMaxAge(), Clock.systemUTC());
    }

    KnownDevices(String secret, Duration maxAge, Clock clock) {
        if (secret == null || secret.length() < 32) {
            throw new IllegalArgumentException("smtpkeys.account.known-device-key must have at least 32 characters");
        }
        // its own key, so the cookie's MAC never equals anything made with the session key itself
        this.key = mac(secret.getBytes(StandardCharsets.UTF_8), "smtpkeys known-device cookie v1");
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /** How long the cookie lasts. */
    public Duration maxAge() {
        return maxAge;
    }

    /** A new cookie value for the user with {@code email}. */
    public String issue(String email) {
        long expires = clock.instant().plus(maxAge).getEpochSecond();
        return expires + "." + ENCODER.encodeToString(mac(key, payload(email, expires)));
    }

    /** Whether {@code value} is an unexpired cookie issued for {@code email}. */
    public boolean isKnown(String value, String email) {
        if (value == null || email == null || value.length() > 100) {
            return false;
        }
        int dot = value.indexOf('.');
        if (dot < 1) {
            return false;
        }
        long expires;
        try {
            expires = Long.parseLong(value.substring(0, dot));
        } catch (NumberFormatException e) {
            return false;
        }
        if (expires <= clock.instant().getEpochSecond()) {
            return false;
        }
        byte[] expected = mac(key, payload(email, expires));
        byte[] given = value.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(ENCODER.encode(expected), given);
    }

    private static String payload(String email, long expires) {
        return "known-device\0" + User.normalizeEmail(email) + "\0" + expires;
    }

    private static byte[] mac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
