package dev.smtpkeys.outbound;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Keeps delivery up with intake: a drain runs {@code upstream.connections} lanes side by side, each a
 * {@link DeliveryWorker} with its own upstream connection, claiming batches until nothing is due. A
 * drain starts on the timer and, so that mail does not wait for it, when the relay queues a message
 * ({@link #nudge()}); never two drains at once in one process (several processes share the queue
 * through their claims).
 */
@ApplicationScoped
public class DeliveryDispatcher {

    private static final Logger LOG = Logger.getLogger(DeliveryDispatcher.class);

    private final DeliveryWorker worker;
    private final DeliveryClaims claims;
    private final OutboundMetrics metrics;
    private final OutboundConfig config;
    private final ExecutorService lanes;
    private final ExecutorService starter;
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private final AtomicBoolean starting = new AtomicBoolean();

    DeliveryDispatcher(DeliveryWorker worker, DeliveryClaims claims, OutboundMetrics metrics, OutboundConfig config) {
        this.worker = worker;
        this.claims = claims;
        this.metrics = metrics;
        this.config = config;
        AtomicInteger number = new AtomicInteger();
        this.lanes = Executors.newFixedThreadPool(config.upstream().connections(),
                r -> daemon(r, "delivery-lane-" + number.incrementAndGet()));
        this.starter = Executors.newSingleThreadExecutor(r -> daemon(r, "delivery-drain"));
    }

    // the interval and its default live in OutboundConfig.Delivery#pollInterval only
    @Scheduled(every = "${smtpkeys.relay.delivery.poll-interval}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        drain();
        metrics.queueDepth(claims.depth());
    }

    /** Says a message was queued: a drain starts now unless one runs, which then goes round once more. */
    public void nudge() {
        if (config.upstream().host().isEmpty()) {
            return;
        }
        again.set(true);
        if (!draining.get() && starting.compareAndSet(false, true)) {
            starter.execute(() -> {
                starting.set(false);
                drain();
            });
        }
    }

    /** Delivers until nothing is due; returns at once if another drain of this process runs. */
    void drain() {
        if (config.upstream().host().isEmpty()) {
            return;
        }
        while (draining.compareAndSet(false, true)) {
            // each lane keeps its connection from round to round while mail keeps coming
            List<UpstreamClient> clients = new ArrayList<>();
            try {
                for (int i = 0; i < config.upstream().connections(); i++) {
                    clients.add(new UpstreamClient(config.upstream()));
                }
                do {
                    again.set(false);
                    runLanes(clients);
                } while (again.get());
            } finally {
                clients.forEach(UpstreamClient::close);
                draining.set(false);
            }
            // a nudge between the last round and the release above would be lost otherwise
            if (!again.get()) {
                return;
            }
        }
    }

    private void runLanes(List<UpstreamClient> clients) {
        List<Future<?>> running = new ArrayList<>();
        for (UpstreamClient client : clients) {
            try {
                running.add(lanes.submit(() -> lane(client)));
            } catch (RejectedExecutionException e) {
                // shutting down: what is not claimed stays queued for the next start or another instance
                break;
            }
        }
        for (Future<?> lane : running) {
            try {
                lane.get();
            } catch (ExecutionException e) {
                LOG.warnf("delivery lane failed: %s", e.getCause().getClass().getName());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** One connection's share: batches until none is due. */
    private void lane(UpstreamClient client) {
        int batchSize = config.delivery().batchSize();
        List<DeliveryWorker.Claimed> batch;
        do {
            batch = worker.claim(batchSize);
            worker.deliver(client, batch);
        } while (batch.size() == batchSize && !lanes.isShutdown());
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        starter.shutdownNow();
        lanes.shutdown();
        // a send under way finishes and is recorded; what is left is claimed again after its lease
        lanes.awaitTermination(config.upstream().timeout().toSeconds(), TimeUnit.SECONDS);
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }
}
