package dev.smtpkeys.relay;

import java.util.List;

import dev.smtpkeys.keys.SmtpEndpoint;
import jakarta.enterprise.context.ApplicationScoped;

/** The host and ports the SMTP tab tells customers to configure: the relay's, or the configured public ones. */
@ApplicationScoped
public class RelayEndpoint implements SmtpEndpoint {

    private final RelayConfig config;
    private final RelayServer relay;

    RelayEndpoint(RelayConfig config, RelayServer relay) {
        this.config = config;
        this.relay = relay;
    }

    /** The configured public host, else the host this page was reached by. */
    @Override
    public String host(String requestHost) {
        return config.publicHost().orElse(requestHost == null || requestHost.isBlank() ? "localhost" : requestHost);
    }

    /** The configured public port, else the listener {@code smtp}'s, else the first STARTTLS port. */
    @Override
    public int port() {
        if (config.publicPort().isPresent()) {
            return config.publicPort().get();
        }
        if (relay.boundPort() > 0) {
            return relay.boundPort();
        }
        return ports().stream().filter(p -> p.security() == Security.STARTTLS).mapToInt(Port::number).findFirst()
                .orElse(config.port());
    }

    /** Every listener the relay runs, by the port customers are told to use. */
    @Override
    public List<Port> ports() {
        return relay.listeners().stream().sorted(ListenerSpec.byPublicPort())
                .map(spec -> new Port(publicPort(spec), spec.tls() == RelayConfig.TlsMode.IMPLICIT
                        ? Security.IMPLICIT_TLS : Security.STARTTLS))
                .distinct().toList();
    }

    private int publicPort(ListenerSpec spec) {
        if (spec.publicPort().isPresent()) {
            return spec.publicPort().getAsInt();
        }
        if (spec.name().equals(ListenerSpec.PRIMARY) && config.publicPort().isPresent()) {
            return config.publicPort().get();
        }
        return spec.port();
    }
}
