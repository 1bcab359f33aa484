package dev.smtpkeys.alerts;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** Security alert and expiry reminder e-mails (the mail server itself is Quarkus Mailer's {@code quarkus.mailer.*}). */
@ConfigMapping(prefix = "smtpkeys.alerts")
public interface AlertsConfig {

    /** Whether alerts are sent at all. */
    @WithDefault("true")
    boolean enabled();

    /** The app's public address ({@code https://app.example.com}); with it, a mail links to the activity log. */
    Optional<String> baseUrl();

    /** How often keys that expire within 7 days or 1 day are looked for, to remind their users. */
    @WithDefault("10M")
    Duration expiryReminderInterval();

    /** How many runs try to mail one expiry reminder before it is given up (the mail server refused or was down). */
    @WithDefault("12")
    @Min(1)
    @Max(1000)
    int expiryReminderTries();
}
