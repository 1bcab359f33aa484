package dev.smtpkeys.outbound;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Purges what delivery no longer needs: the body of a finished message (SENT, FAILED, DROPPED) after
 * {@code retention.bodies}, the whole row after {@code retention.records}. Each batch is one
 * {@code LIMIT}-ed statement in its own transaction, skipping rows someone else has locked, so the
 * queue, the relay's inserts and the workers' claims never wait behind it.
 */
@ApplicationScoped
public class MessageRetention {

    private static final Logger LOG = Logger.getLogger(MessageRetention.class);
    private static final int MAX_BATCHES_PER_RUN = 1000;

    private static final String PURGE_BODIES = """
            update outbound_message set raw_mime = null
             where id in (select id from outbound_message
                           where finished_at < ? and raw_mime is not null
                           order by finished_at
                           limit ?
                           for update skip locked)""";

    private static final String DELETE_ROWS = """
            delete from outbound_message
             where id in (select id from outbound_message
                           where finished_at < ?
                           order by finished_at
                           limit ?
                           for update skip locked)""";

    private final DataSource dataSource;
    private final OutboundConfig.Retention retention;
    private Clock clock = Clock.systemUTC();

    MessageRetention(DataSource dataSource, OutboundConfig config) {
        this.dataSource = dataSource;
        this.retention = config.retention();
    }

    /** For tests: the clock that says what "now" is. */
    MessageRetention withClock(Clock clock) {
        this.clock = clock;
        return this;
    }

    /** How many bodies and rows one run removed. */
    record Purged(long bodies, long rows) {
    }

    // the interval and its default live in OutboundConfig.Retention#interval only
    @Scheduled(every = "${smtpkeys.relay.retention.interval}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        try {
            Purged purged = purge();
            if (purged.bodies() + purged.rows() > 0) {
                LOG.infof("retention: %d message bodies and %d messages removed", purged.bodies(), purged.rows());
            }
        } catch (SQLException e) {
            LOG.warnf("retention run failed: %s", e.getSQLState());
        }
    }

    /** Removes, batch by batch, the bodies and rows that are past their time by the clock. */
    Purged purge() throws SQLException {
        Instant now = clock.instant();
        long rows = inBatches(DELETE_ROWS, now.minus(retention.records()));
        long bodies = inBatches(PURGE_BODIES, now.minus(retention.bodies()));
        return new Purged(bodies, rows);
    }

    private long inBatches(String sql, Instant before) throws SQLException {
        long total = 0;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement batch = connection.prepareStatement(sql)) {
            // auto-commit: each batch commits on its own and holds its row locks only that long
            connection.setAutoCommit(true);
            batch.setTimestamp(1, Timestamp.from(before));
            batch.setInt(2, retention.batchSize());
            for (int i = 0; i < MAX_BATCHES_PER_RUN; i++) {
                int changed = batch.executeUpdate();
                total += changed;
                if (changed < retention.batchSize()) {
                    break;
                }
            }
        }
        return total;
    }
}
