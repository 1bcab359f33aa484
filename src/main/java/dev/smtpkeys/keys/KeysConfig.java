package dev.smtpkeys.keys;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

/** Settings of the key feature. */
@ConfigMapping(prefix = "smtpkeys.keys")
public interface KeysConfig {

    /** How many keys, the master included, one account may hold. */
    @WithDefault("100")
    @Min(1)
    @Max(10_000)
    int maxPerAccount();

    /** How often rotated keys past their deadline and keys past their expiry are written as such. */
    @WithDefault("30S")
    Duration deadlineCheckInterval();

    /** A key not used for this long (never used: since it was made) is flagged as stale. */
    @WithDefault("90D")
    Duration staleAfter();

    /** Base64 of the 32-byte AES key that encrypts master keys; no default, so prod must set it. */
    @Pattern(regexp = "[A-Za-z0-9+/]{43}=", message = "must be the base64 of exactly 32 bytes")
    String encryptionKey();
}
