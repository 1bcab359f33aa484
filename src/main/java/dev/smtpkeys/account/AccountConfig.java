package dev.smtpkeys.account;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;

/** Settings of accounts and sign-in. */
@ConfigMapping(prefix = "smtpkeys.account")
public interface AccountConfig {

    /** The domain of generated SMTP logins ({@code x7f3k2a@<domain>}). */
    @WithDefault("smtp.example.test")
    String loginDomain();

    /** Whether anyone may open an account at {@code /signup}; when off, support creates accounts. */
    @WithDefault("true")
    boolean signupEnabled();

    /**
     * Failed sign-ins for one e-mail address, from anywhere, before sign-in with it pauses for every
     * browser except the user's known devices (see {@link KnownDevices}).
     */
    @WithDefault("10")
    @Min(1)
    int loginMaxFailures();

    /**
     * Failed sign-ins from one client network (an IPv4 address, an IPv6 /64) before sign-in from it
     * pauses, known devices again excepted; higher than per address, since an office or a mobile
     * network puts many people behind one address.
     */
    @WithDefault("50")
    @Min(1)
    int loginMaxFailuresPerNetwork();

    /** How long failed sign-ins are counted (from the first), and so how long a pause lasts at most. */
    @WithDefault("PT15M")
    Duration loginThrottleWindow();

    /** Failures of one address from one network (or from its known devices) before each further try waits. */
    @WithDefault("3")
    @Min(0)
    int loginFreeFailures();

    /** The first wait after the free failures; it doubles with every further failure. */
    @WithDefault("1S")
    Duration loginDelay();

    /** The longest wait between two tries of one address from one network. */
    @WithDefault("1M")
    Duration loginMaxDelay();

    /** Signs the known-device cookie; by default the session encryption key (application.properties). */
    String knownDeviceKey();

    /** How long a browser stays a known device after its last successful sign-in. */
    @WithDefault("180D")
    Duration knownDeviceMaxAge();

    /** Wrong current passwords on the change-password form per user before it pauses (same window as sign-in). */
    @WithDefault("5")
    @Min(1)
    int passwordMaxFailures();

    /** Sign-up attempts (accounts made, or addresses found taken) per client network within {@code signup-window}. */
    @WithDefault("10")
    @Min(1)
    int signupMaxPerNetwork();

    @WithDefault("1H")
    Duration signupWindow();

    /** How long a sign-in lasts at most, however active; then the user signs in again. */
    @WithDefault("12H")
    Duration sessionMaxAge();

    /** How long the set-password link of an invitation (an account support opened) works. */
    @WithDefault("72H")
    Duration inviteValidFor();

    /**
     * The app's public address ({@code https://app.example.com}) for the link in an invitation; without
     * it, the address support's browser used. Set from {@code smtpkeys.alerts.base-url} (application.properties).
     */
    Optional<String> baseUrl();
}
