package dev.smtpkeys.relay;

import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/** The relay's Micrometer meters, shown on {@code /q/metrics}. */
@ApplicationScoped
public class RelayMetrics {

    private final MeterRegistry registry;
    private final AtomicLong queueDepth = new AtomicLong();

    RelayMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("smtpkeys.relay.queue.depth", queueDepth, AtomicLong::get)
                .description("Messages waiting for delivery (queued or being sent)").register(registry);
    }

    /** An AUTH attempt: success, failure, blocked or unavailable. */
    void auth(String result) {
        Counter.builder("smtpkeys.relay.auth").tag("result", result)
                .description("SMTP AUTH attempts").register(registry).increment();
    }

    /** A message at the end of DATA: accepted, or rejected with a reason. */
    void message(String result, String reason) {
        Counter.builder("smtpkeys.relay.messages").tag("result", result).tag("reason", reason)
                .description("Messages at the end of DATA").register(registry).increment();
    }

    /** A delivery try: sent, retry or failed. */
    void delivery(String outcome) {
        Counter.builder("smtpkeys.relay.deliveries").tag("outcome", outcome)
                .description("Delivery tries to the upstream").register(registry).increment();
    }

    void queueDepth(long depth) {
        queueDepth.set(depth);
    }
}
