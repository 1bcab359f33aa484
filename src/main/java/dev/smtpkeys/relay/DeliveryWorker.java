package dev.smtpkeys.relay;

import java.io.ByteArrayInputStream;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;

/**
 * Hands queued messages to the upstream smarthost. Rows are claimed in a short transaction with
 * {@code FOR UPDATE SKIP LOCKED} and marked SENDING with a lease, so several instances never take
 * the same message; a worker that dies mid-send leaves its rows to be taken again after the lease
 * (at-least-once, as with any MTA). A temporary failure retries with exponential backoff; a
 * permanent {@code 5xx} or the end of the message's lifetime makes it FAILED with the reason kept.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);
    private static final int MAX_ROUNDS_PER_POLL = 20;
    private static final int MAX_ERROR_LENGTH = 1000;

    private static final String CLAIM = """
            update outbound_message
               set status = 'SENDING', attempts = attempts + 1, next_attempt_at = now() + make_interval(secs => ?)
             where id in (select id from outbound_message
                           where status in ('QUEUED', 'SENDING') and next_attempt_at <= now()
                           order by next_attempt_at
                           limit ?
                           for update skip locked)
            returning id, envelope_from, recipients, raw_mime, attempts, received_at""";

    // a SENT message keeps the error of an earlier try: it tells why it came late
    private static final String FINISH = """
            update outbound_message set status = ?, next_attempt_at = ?, last_error = coalesce(?, last_error), sent_at = ?
             where id = ? and status = 'SENDING'""";

    private static final String DEPTH = "select count(*) from outbound_message where status in ('QUEUED', 'SENDING')";

    private final RelayConfig.Upstream upstream;
    private final RelayConfig.Delivery delivery;
    private final DataSource dataSource;
    private final RelayMetrics metrics;

    DeliveryWorker(RelayConfig config, DataSource dataSource, RelayMetrics metrics) {
        this.upstream = config.upstream();
        this.delivery = config.delivery();
        this.dataSource = dataSource;
        this.metrics = metrics;
    }

    /** A claimed message. */
    record Claimed(long id, String from, String[] recipients, byte[] raw, int attempts, Instant receivedAt) {

        @Override
        public String toString() {
            return "Claimed[" + id + "]";
        }
    }

    @Scheduled(every = "${smtpkeys.relay.delivery.poll-interval:2s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        try {
            if (upstream.host().isPresent()) {
                for (int round = 0; round < MAX_ROUNDS_PER_POLL; round++) {
                    List<Claimed> batch = claim(delivery.batchSize());
                    deliver(batch);
                    if (batch.size() < delivery.batchSize()) {
                        break;
                    }
                }
            }
            metrics.queueDepth(depth());
        } catch (RuntimeException e) {
            LOG.warnf("delivery round failed: %s", e.getClass().getName());
        }
    }

    /** Takes up to {@code limit} due messages for this worker; none of them can be taken by another. */
    List<Claimed> claim(int limit) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement claim = connection.prepareStatement(CLAIM)) {
                claim.setLong(1, delivery.lease().toSeconds());
                claim.setInt(2, limit);
                List<Claimed> claimed = new ArrayList<>();
                try (ResultSet row = claim.executeQuery()) {
                    while (row.next()) {
                        Array recipients = row.getArray(3);
                        claimed.add(new Claimed(row.getLong(1), row.getString(2), (String[]) recipients.getArray(),
                                row.getBytes(4), row.getInt(5), row.getTimestamp(6).toInstant()));
                    }
                }
                return claimed;
            }
        });
    }

    private void deliver(List<Claimed> batch) {
        if (batch.isEmpty()) {
            return;
        }
        UpstreamClient client = new UpstreamClient(upstream);
        try {
            for (Claimed message : batch) {
                deliverOne(client, message);
            }
        } finally {
            client.close();
        }
    }

    private void deliverOne(UpstreamClient client, Claimed message) {
        try {
            Transport transport = client.connected();
            Address[] to = new Address[message.recipients().length];
            for (int i = 0; i < to.length; i++) {
                to[i] = new InternetAddress(message.recipients()[i], false);
            }
            transport.sendMessage(client.message(message.from(), new ByteArrayInputStream(message.raw())), to);
            finish(message.id(), MessageStatus.SENT, null, null);
            metrics.delivery("sent");
        } catch (MessagingException | IllegalStateException e) {
            client.forget();
            String reason = UpstreamClient.describe(e);
            boolean tooOld = Instant.now().isAfter(message.receivedAt().plus(delivery.lifetime()));
            if (UpstreamClient.isPermanent(e) || tooOld) {
                String why = tooOld && !UpstreamClient.isPermanent(e)
                        ? "Gave up after " + message.attempts() + " attempts: " + reason : reason;
                finish(message.id(), MessageStatus.FAILED, null, why);
                metrics.delivery("failed");
            } else {
                finish(message.id(), MessageStatus.QUEUED, Instant.now().plus(backoff(message.attempts())), reason);
                metrics.delivery("retry");
            }
        }
    }

    /** The wait before try {@code attempts + 1}: the initial wait, doubled per earlier failure, capped. */
    Duration backoff(int attempts) {
        Duration wait = delivery.retryInitial();
        for (int i = 1; i < attempts && wait.compareTo(delivery.retryMax()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(delivery.retryMax()) > 0 ? delivery.retryMax() : wait;
    }

    private void finish(long id, MessageStatus status, Instant nextAttempt, String error) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement finish = connection.prepareStatement(FINISH)) {
            finish.setString(1, status.name());
            finish.setTimestamp(2, Timestamp.from(nextAttempt == null ? Instant.now() : nextAttempt));
            finish.setString(3, error == null ? null
                    : error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error);
            finish.setTimestamp(4, status == MessageStatus.SENT ? Timestamp.from(Instant.now()) : null);
            finish.setLong(5, id);
            finish.executeUpdate();
        } catch (SQLException e) {
            // the lease runs out and the message is tried again: delivered twice at worst, never lost
            LOG.warnf("could not record the delivery state of message %d: %s", id, e.getSQLState());
        }
    }

    private long depth() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement count = connection.prepareStatement(DEPTH);
                ResultSet row = count.executeQuery()) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            return -1;
        }
    }
}
