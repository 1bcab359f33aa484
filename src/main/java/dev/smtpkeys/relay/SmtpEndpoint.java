package dev.smtpkeys.relay;

import jakarta.enterprise.context.ApplicationScoped;

/** The host and port the SMTP tab tells customers to configure. */
@ApplicationScoped
public class SmtpEndpoint {

    private final RelayConfig config;

    SmtpEndpoint(RelayConfig config) {
        this.config = config;
    }

    /** The configured public host, else the host this page was reached by. */
    public String host(String requestHost) {
        return config.publicHost().orElse(requestHost == null || requestHost.isBlank() ? "localhost" : requestHost);
    }

    public int port() {
        return config.publicPort().orElse(config.port());
    }
}
