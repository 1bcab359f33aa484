package dev.smtpkeys.relay;

import dev.smtpkeys.keys.SmtpEndpoint;
import jakarta.enterprise.context.ApplicationScoped;

/** The host and port the SMTP tab tells customers to configure: the relay's, or the configured public ones. */
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

    /** The configured public port, else the port the relay really listens on. */
    @Override
    public int port() {
        if (config.publicPort().isPresent()) {
            return config.publicPort().get();
        }
        return relay.boundPort() > 0 ? relay.boundPort() : config.port();
    }
}
