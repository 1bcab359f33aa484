package dev.smtpkeys.relay;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code /q/health/ready}: up while the relay listens and wants connections; down from the start of a
 * shutdown, so a balancer stops sending new SMTP connections before the relay stops listening.
 */
@Readiness
@ApplicationScoped
public class RelayReadiness implements HealthCheck {

    private final RelayConfig config;
    private final RelayServer relay;

    RelayReadiness(RelayConfig config, RelayServer relay) {
        this.config = config;
        this.relay = relay;
    }

    @Override
    public HealthCheckResponse call() {
        if (!config.enabled()) {
            return HealthCheckResponse.named("SMTP relay").up().withData("enabled", false).build();
        }
        var response = HealthCheckResponse.named("SMTP relay").status(relay.isReady());
        relay.listeners().forEach(spec -> response.withData(spec.name(), spec.port()));
        return response.build();
    }
}
