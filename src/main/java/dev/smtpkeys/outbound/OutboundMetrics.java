package dev.smtpkeys.outbound;

import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The queue's and the delivery's Micrometer meters, shown on {@code /q/metrics}. Their names keep the
 * {@code smtpkeys.relay.} prefix they had when the relay owned the queue, so dashboards need no change.
 */
@ApplicationScoped
public class OutboundMetrics {

    private final MeterRegistry registry;
    private final AtomicLong queueDepth = new AtomicLong();

    OutboundMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("smtpkeys.relay.queue.depth", queueDepth, AtomicLong::get)
                .description("Messages waiting for delivery (queued or being sent)").register(registry);
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
