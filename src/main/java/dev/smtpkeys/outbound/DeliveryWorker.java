package dev.smtpkeys.outbound;

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
import java.util.UUID;

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
 * {@code FOR UPDATE SKIP LOCKED} and marked SENDING with a lease and a fresh claim token, so several
 * instances never take the same message; a worker that dies mid-send leaves its rows to be taken
 * again after the lease (at-least-once, as with any MTA). A batch can take longer than the lease,
 * so each message's claim is renewed just before its send, and the send is skipped when another
 * worker has claimed the message meanwhile; the result is recorded only under the same token.
 * A temporary failure retries with exponential backoff; a permanent {@code 5xx} or the end of the
 * message's lifetime makes it FAILED with a {@link DeliveryError} the customer may read.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);
    private static final int MAX_ROUNDS_PER_POLL = 20;

    private static final String CLAIM = """
            update outbound_message
               set status = 'SENDING', attempts = attempts + 1, next_attempt_at = now() + make_interval(secs => ?),
                   claim_token = ?
             where id in (select id from outbound_message
                           where status in ('QUEUED', 'SENDING') and next_attempt_at <= now()
                           order by next_attempt_at
                           limit ?
                           for update skip locked)
            returning id, envelope_from, recipients, raw_mime, attempts, received_at""";

    // A send lasts at most a few upstream timeouts, far less than the lease: once renewed, the
    // message stays this worker's until FINISH.
    private static final String RENEW = """
            update outbound_message set next_attempt_at = now() + make_interval(secs => ?)
             where id = ? and status = 'SENDING' and claim_token = ?""";

    // a SENT message keeps the error of an earlier try: it tells why it came late
    private static final String FINISH = """
            update outbound_message
               set status = ?, next_attempt_at = ?, last_error = coalesce(?, last_error), sent_at = ?, claim_token = null
             where id = ? and status = 'SENDING' and claim_token = ?""";

    private static final String DEPTH = "select count(*) from outbound_message where status in ('QUEUED', 'SENDING')";

    private final OutboundConfig.Upstream upstream;
    private final OutboundConfig.Delivery delivery;
    private final DataSource dataSource;
    private final OutboundMetrics metrics;

    DeliveryWorker(OutboundConfig config, DataSource dataSource, OutboundMetrics metrics) {
        this.upstream = config.upstream();
        this.delivery = config.delivery();
        this.dataSource = dataSource;
        this.metrics = metrics;
    }

    /** A claimed message; {@code token} tells this claim from a later one of the same message. */
    record Claimed(long id, UUID token, String from, String[] recipients, byte[] raw, int attempts, Instant receivedAt) {

        @Override
        public String toString() {
            return "Claimed[" + id + "]";
        }
    }

    // the interval and its default live in OutboundConfig.Delivery#pollInterval only
    @Scheduled(every = "${smtpkeys.relay.delivery.poll-interval}", delayed = "1s",
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
                UUID token = UUID.randomUUID();
                claim.setLong(1, delivery.lease().toSeconds());
                claim.setObject(2, token);
                claim.setInt(3, limit);
                List<Claimed> claimed = new ArrayList<>();
                try (ResultSet row = claim.executeQuery()) {
                    while (row.next()) {
                        Array recipients = row.getArray(3);
                        claimed.add(new Claimed(row.getLong(1), token, row.getString(2), (String[]) recipients.getArray(),
                                row.getBytes(4), row.getInt(5), row.getTimestamp(6).toInstant()));
                    }
                }
                return claimed;
            }
        });
    }

    /** Sends {@code batch} over one upstream connection, each message only while its claim holds. */
    void deliver(List<Claimed> batch) {
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
        if (!renew(message)) {
            LOG.infof("message %d was claimed by another worker after this one's lease ran out; skipped", message.id());
            metrics.delivery("reclaimed");
            return;
        }
        try {
            Transport transport = client.connected();
            Address[] to = new Address[message.recipients().length];
            for (int i = 0; i < to.length; i++) {
                to[i] = new InternetAddress(message.recipients()[i], false);
            }
            transport.sendMessage(client.message(message.from(), new ByteArrayInputStream(message.raw())), to);
            finish(message, MessageStatus.SENT, null, null);
            metrics.delivery("sent");
        } catch (MessagingException | IllegalStateException e) {
            client.forget();
            DeliveryError error = DeliveryError.of(e);
            boolean permanent = UpstreamClient.isPermanent(e);
            boolean tooOld = Instant.now().isAfter(message.receivedAt().plus(delivery.lifetime()));
            // the full cause (it can name internal hosts) only here; the customer sees the code
            LOG.infof("message %d, try %d: %s", message.id(), message.attempts(), UpstreamClient.describe(e));
            if (permanent || tooOld) {
                finish(message, MessageStatus.FAILED, null, permanent ? error : error.expired());
                metrics.delivery("failed");
            } else {
                finish(message, MessageStatus.QUEUED, Instant.now().plus(backoff(message.attempts())), error);
                metrics.delivery("retry");
            }
        }
    }

    /** Extends the lease of {@code message}; false when it is no longer this claim's. */
    private boolean renew(Claimed message) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement renew = connection.prepareStatement(RENEW)) {
            renew.setLong(1, delivery.lease().toSeconds());
            renew.setLong(2, message.id());
            renew.setObject(3, message.token());
            return renew.executeUpdate() == 1;
        } catch (SQLException e) {
            // not sure it is still ours: leave it to whoever holds it, or to the next claim
            LOG.warnf("could not renew the claim of message %d: %s", message.id(), e.getSQLState());
            return false;
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

    /** Records the try's outcome, unless another worker claimed the message meanwhile. */
    private void finish(Claimed message, MessageStatus status, Instant nextAttempt, DeliveryError error) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement finish = connection.prepareStatement(FINISH)) {
            finish.setString(1, status.name());
            finish.setTimestamp(2, Timestamp.from(nextAttempt == null ? Instant.now() : nextAttempt));
            finish.setString(3, error == null ? null : error.stored());
            finish.setTimestamp(4, status == MessageStatus.SENT ? Timestamp.from(Instant.now()) : null);
            finish.setLong(5, message.id());
            finish.setObject(6, message.token());
            if (finish.executeUpdate() == 0) {
                LOG.infof("message %d was claimed by another worker during its send; its outcome (%s) is not recorded",
                        message.id(), status);
            }
        } catch (SQLException e) {
            // the lease runs out and the message is tried again: delivered twice at worst, never lost
            LOG.warnf("could not record the delivery state of message %d: %s", message.id(), e.getSQLState());
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
