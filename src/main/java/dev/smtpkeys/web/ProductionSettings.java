package dev.smtpkeys.web;

import java.util.List;
import java.util.Optional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses to start in production without a fixed session encryption key. Quarkus would silently
 * make up a random one, and every restart (or a second instance) would then sign everybody out.
 * In every mode, refuses proxy forwarding without trusted proxies: Quarkus would then believe a
 * forged {@code X-Forwarded-For} from anyone.
 */
@ApplicationScoped
public class ProductionSettings {

    static final int MIN_KEY_LENGTH = 32;

    void check(@Observes StartupEvent start,
            @ConfigProperty(name = "quarkus.http.auth.session.encryption-key") Optional<String> sessionKey,
            @ConfigProperty(name = "quarkus.http.proxy.proxy-address-forwarding") boolean forwarding,
            @ConfigProperty(name = "quarkus.http.proxy.trusted-proxies") Optional<List<String>> trustedProxies) {
        if (forwarding && trustedProxies.filter(list -> !list.isEmpty()).isEmpty()) {
            throw new IllegalStateException("HTTP_TRUSTED_PROXIES must name the proxies whose X-Forwarded-For is "
                    + "believed (or set HTTP_PROXY_FORWARDING=false); see README, Web security");
        }
        if (LaunchMode.current() == LaunchMode.NORMAL
                && sessionKey.filter(k -> k.length() >= MIN_KEY_LENGTH).isEmpty()) {
            throw new IllegalStateException("SESSION_ENCRYPTION_KEY must be set to at least " + MIN_KEY_LENGTH
                    + " characters in production (see README, Configuration)");
        }
    }
}
