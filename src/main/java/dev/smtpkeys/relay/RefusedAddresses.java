package dev.smtpkeys.relay;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

import org.jboss.logging.Logger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.smtpkeys.keys.KeyAllowlist;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Writes the activity log's "blocked IP" lines without slowing AUTH and without letting a flood write
 * without bound: at most one line per key and address per minute on this instance, written by one
 * background thread from a short queue (what does not fit is dropped and counted in the log).
 */
@ApplicationScoped
public class RefusedAddresses {

    private static final Logger LOG = Logger.getLogger(RefusedAddresses.class);
    static final Duration QUIET = Duration.ofMinutes(1);
    private static final int REMEMBERED = 10_000;
    private static final int QUEUED = 1_000;

    private final Cache<String, Boolean> recent;
    private final BiConsumer<Long, String> writer;
    private final Executor executor;

    @Inject
    RefusedAddresses(KeyAllowlist allowlist) {
        this(allowlist::recordRefused, Clock.systemUTC(), background());
    }

    RefusedAddresses(BiConsumer<Long, String> writer, Clock clock, Executor executor) {
        this.writer = writer;
        this.executor = executor;
        this.recent = Caffeine.newBuilder().maximumSize(REMEMBERED).expireAfterWrite(QUIET)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis())).executor(Runnable::run).build();
    }

    /** The key {@code keyId} was refused from {@code ip}: logged unless it was logged within the last minute. */
    public void refused(long keyId, String ip) {
        if (recent.asMap().putIfAbsent(keyId + "|" + ip, Boolean.TRUE) != null) {
            return;
        }
        executor.execute(() -> {
            try {
                writer.accept(keyId, ip);
            } catch (RuntimeException e) {
                LOG.warnf("could not record a refused address for key %d: %s", keyId, e.getClass().getName());
            }
        });
    }

    private static Executor background() {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(QUEUED), r -> {
                    Thread thread = new Thread(r, "refused-address-log");
                    thread.setDaemon(true);
                    return thread;
                }, (r, pool2) -> LOG.warn("refused-address log queue full: a blocked-IP line was dropped"));
        return pool;
    }
}
