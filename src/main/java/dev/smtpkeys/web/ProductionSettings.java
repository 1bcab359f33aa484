package dev.smtpkeys.web;

import java.util.Optional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses to start in production without a fixed session encryption key. Quarkus would silently
 * make up a random one, and every restart (or a second instance) would then sign everybody out.
 */
@ApplicationScoped
public class ProductionSettings {

    static final int MIN_KEY_LENGTH = 32;

    void check(@Observes StartupEvent start,
            @ConfigProperty(name = "quarkus.http.auth.session.encryption-key") Optional<String> sessionKey) {
        if (LaunchMode.current() == LaunchMode.NORMAL
                && sessionKey.filter(k -> k.length() >= MIN_KEY_LENGTH).isEmpty()) {
            throw new IllegalStateException("SESSION_ENCRYPTION_KEY must be set to at least " + MIN_KEY_LENGTH
                    + " characters in production (see README, Configuration)");
        }
    }
}
