package dev.smtpkeys.leaks;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The secret-scanning report endpoint. */
@ConfigMapping(prefix = "smtpkeys.leaks")
public interface LeaksConfig {

    /** The secret shared with the scanner, which signs each request with it; required in prod. Without it every report is refused. */
    Optional<String> secret();

    /** The largest request body accepted, in bytes; beyond it {@code 413}. */
    @WithDefault("65536")
    int maxBodySize();

    /** The most tokens one request may report. */
    @WithDefault("100")
    int maxTokens();
}
