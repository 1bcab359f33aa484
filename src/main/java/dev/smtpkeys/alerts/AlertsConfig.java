package dev.smtpkeys.alerts;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Security alert e-mails (the mail server itself is Quarkus Mailer's {@code quarkus.mailer.*}). */
@ConfigMapping(prefix = "smtpkeys.alerts")
public interface AlertsConfig {

    /** Whether alerts are sent at all. */
    @WithDefault("true")
    boolean enabled();

    /** The app's public address ({@code https://app.example.com}); with it, a mail links to the activity log. */
    Optional<String> baseUrl();
}
