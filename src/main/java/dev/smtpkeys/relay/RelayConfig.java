package dev.smtpkeys.relay;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the SMTP relay. */
@ConfigMapping(prefix = "smtpkeys.relay")
public interface RelayConfig {

    /** The port the relay listens on; 0 picks a free one (tests). */
    @WithDefault("2525")
    int port();

    /** The host name customers are told to use; defaults to the host the web page was opened with. */
    Optional<String> publicHost();

    /** The port customers are told to use, when a proxy or NAT maps another one onto the relay. */
    Optional<Integer> publicPort();
}
