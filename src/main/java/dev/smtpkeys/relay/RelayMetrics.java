package dev.smtpkeys.relay;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/** The relay intake's Micrometer meters, shown on {@code /q/metrics}; delivery has its own (outbound). */
@ApplicationScoped
public class RelayMetrics {

    private final MeterRegistry registry;

    RelayMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** An AUTH attempt: success, failure, blocked or unavailable. */
    void auth(String result) {
        Counter.builder("smtpkeys.relay.auth").tag("result", result)
                .description("SMTP AUTH attempts").register(registry).increment();
    }

    /** A connection at admission (accepted, or refused with a reason) or closed early by a pre-AUTH limit. */
    void connection(String result, String reason) {
        Counter.builder("smtpkeys.relay.connections").tag("result", result).tag("reason", reason)
                .description("SMTP connections at admission and pre-AUTH limits").register(registry).increment();
    }

    /** A message at the end of DATA: accepted, or rejected with a reason. */
    void message(String result, String reason) {
        Counter.builder("smtpkeys.relay.messages").tag("result", result).tag("reason", reason)
                .description("Messages at the end of DATA").register(registry).increment();
    }
}
