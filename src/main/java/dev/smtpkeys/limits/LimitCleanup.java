package dev.smtpkeys.limits;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Deletes counters whose window has ended, in small batches so no statement holds many row locks or
 * runs long; every instance runs it, and two at once only share the work.
 */
@ApplicationScoped
public class LimitCleanup {

    private static final Logger LOG = Logger.getLogger(LimitCleanup.class);
    /** At most this many batches per run, so a huge backlog is worked off over several runs. */
    static final int MAX_BATCHES = 100;

    private final LimitStore store;
    private final LimitsConfig config;

    LimitCleanup(LimitStore store, LimitsConfig config) {
        this.store = store;
        this.config = config;
    }

    @Scheduled(every = "${smtpkeys.limits.cleanup-interval}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            purge(store);
        } catch (LimitStoreException e) {
            LOG.warn("could not delete ended limit counters; will try again", e);
        }
    }

    /** Deletes every ended row of {@code store}, batch by batch; answers how many. */
    public int purge(LimitStore from) {
        int total = 0;
        for (int i = 0; i < MAX_BATCHES; i++) {
            int deleted = from.purgeExpired(config.cleanupBatch());
            total += deleted;
            if (deleted < config.cleanupBatch()) {
                break;
            }
        }
        return total;
    }
}
