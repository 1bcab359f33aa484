package dev.smtpkeys.outbound;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;

/**
 * Settings of the queue's delivery: the upstream smarthost and the retries. They keep the names they
 * had when the relay owned them, so this mapping shares the prefix {@code smtpkeys.relay} with
 * the relay intake's {@code RelayConfig} and maps only its two groups.
 */
@ConfigMapping(prefix = "smtpkeys.relay")
public interface OutboundConfig {

    Upstream upstream();

    Delivery delivery();

    /** The smarthost the delivery worker hands messages to. Without a host, messages stay queued. */
    interface Upstream {

        Optional<String> host();

        @WithDefault("25")
        int port();

        @WithDefault("STARTTLS")
        UpstreamTls tls();

        Optional<String> username();

        Optional<String> password();

        @WithDefault("30S")
        Duration timeout();

        /** Connections to the smarthost at once, each reused for many messages. */
        @WithDefault("4")
        @Min(1)
        int connections();
    }

    /** How the delivery worker retries. */
    interface Delivery {

        /** How often the worker looks for due messages. */
        @WithDefault("2S")
        Duration pollInterval();

        /** Messages one connection claims at a time (ids and envelopes; bodies are read one by one). */
        @WithDefault("20")
        @Min(1)
        int batchSize();

        /** The wait after the first temporary failure; it doubles with each further one. */
        @WithDefault("1M")
        Duration retryInitial();

        @WithDefault("1H")
        Duration retryMax();

        /** How long a message may stay undelivered before it is given up as FAILED. */
        @WithDefault("5D")
        Duration lifetime();

        /** How long a claimed message stays with its worker before another may take it (a crashed worker). */
        @WithDefault("10M")
        Duration lease();
    }

    /** How the connection to the upstream is secured. */
    enum UpstreamTls {
        /** Plain SMTP: only for a local mail catcher. */
        NONE,
        /** STARTTLS, required. */
        STARTTLS,
        /** TLS from the first byte (port 465). */
        SMTPS
    }
}
