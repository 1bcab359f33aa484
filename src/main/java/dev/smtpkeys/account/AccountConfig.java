package dev.smtpkeys.account;

import java.time.Duration;

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

    /** Failed sign-ins for one e-mail address before sign-in with it pauses. */
    @WithDefault("10")
    @Min(1)
    int loginMaxFailures();

    /**
     * Failed sign-ins from one IP address before sign-in from it pauses; higher than per address,
     * since an office or a mobile network puts many people behind one IP.
     */
    @WithDefault("50")
    @Min(1)
    int loginMaxFailuresPerIp();

    /** How long failed sign-ins are counted, and so how long the pause lasts at most. */
    @WithDefault("PT15M")
    Duration loginThrottleWindow();

    /** How long a sign-in lasts at most, however active; then the user signs in again. */
    @WithDefault("12H")
    Duration sessionMaxAge();
}
