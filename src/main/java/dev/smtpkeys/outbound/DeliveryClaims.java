package dev.smtpkeys.outbound;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

import dev.smtpkeys.outbound.DeliveryWorker.Claimed;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The delivery's SQL. A claim takes ids and envelopes, never bodies, in one short transaction with
 * {@code FOR UPDATE SKIP LOCKED}, and marks them SENDING under a fresh token and a lease; a body is
 * read one at a time just before its send, and only while the claim is still this worker's; outcomes
 * are written in one batch per claim, each only under its token, so a worker whose lease ran out
 * never overwrites the claim of another.
 */
@ApplicationScoped
class DeliveryClaims {

    private static final Logger LOG = Logger.getLogger(DeliveryClaims.class);

    private static final String CLAIM = """
            update outbound_message
               set status = 'SENDING', attempts = attempts + 1, next_attempt_at = now() + make_interval(secs => ?),
                   claim_token = ?
             where id in (select id from outbound_message
                           where status in ('QUEUED', 'SENDING') and next_attempt_at <= now()
                           order by next_attempt_at
                           limit ?
                           for update skip locked)
            returning id, envelope_from, recipients, recipient_results, attempts, received_at, smtputf8""";

    // a read, no write, while the lease has at least half of its length to run: a send lasts a few
    // upstream timeouts at most, far less, so nobody else can claim the message before its FINISH
    private static final String BODY = """
            select raw_mime from outbound_message
             where id = ? and status = 'SENDING' and claim_token = ? and next_attempt_at > now() + make_interval(secs => ?)""";

    // the lease ran short (a long batch): extend it, and read the body in the same statement
    private static final String RENEW = """
            update outbound_message set next_attempt_at = now() + make_interval(secs => ?)
             where id = ? and status = 'SENDING' and claim_token = ?
            returning raw_mime""";

    // a SENT message keeps the error of an earlier try: it tells why it came late; a message held
    // while its try was under way waits HELD instead of QUEUED
    private static final String FINISH = """
            update outbound_message
               set status = case when ? = 'QUEUED' and held_at is not null then 'HELD' else ? end,
                   next_attempt_at = ?, last_error = coalesce(?, last_error), sent_at = ?, finished_at = ?,
                   recipient_results = ?, claim_token = null
             where id = ? and status = 'SENDING' and claim_token = ?""";

    private static final String DEPTH = "select count(*) from outbound_message where status in ('QUEUED', 'SENDING')";

    private final DataSource dataSource;
    private final long leaseSeconds;

    DeliveryClaims(DataSource dataSource, OutboundConfig config) {
        this.dataSource = dataSource;
        this.leaseSeconds = config.delivery().lease().toSeconds();
    }

    /** A try's outcome for one claimed message, to be written with the others of its batch. */
    record Finished(Claimed message, MessageOutcome outcome) {
    }

    /** Takes up to {@code limit} due messages; none of them can be taken by another worker meanwhile. */
    List<Claimed> claim(int limit) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement claim = connection.prepareStatement(CLAIM)) {
                UUID token = UUID.randomUUID();
                claim.setLong(1, leaseSeconds);
                claim.setObject(2, token);
                claim.setInt(3, limit);
                List<Claimed> claimed = new ArrayList<>();
                try (ResultSet row = claim.executeQuery()) {
                    while (row.next()) {
                        Array results = row.getArray(4);
                        claimed.add(new Claimed(row.getLong(1), token, row.getString(2),
                                (String[]) row.getArray(3).getArray(), results == null ? null : (String[]) results.getArray(),
                                row.getInt(5), row.getTimestamp(6).toInstant(), row.getBoolean(7)));
                    }
                }
                return claimed;
            }
        });
    }

    /** The body of {@code message} while its claim is this worker's (renewed when short), else null. */
    byte[] body(Claimed message) {
        try (Connection connection = dataSource.getConnection()) {
            byte[] body = read(connection, BODY, message, leaseSeconds / 2);
            return body != null ? body : read(connection, RENEW, message, leaseSeconds);
        } catch (SQLException e) {
            // not sure it is still ours: leave it to whoever holds it, or to the next claim
            LOG.warnf("could not read message %d for its send: %s", message.id(), e.getSQLState());
            return null;
        }
    }

    private static byte[] read(Connection connection, String sql, Claimed message, long seconds) throws SQLException {
        try (PreparedStatement read = connection.prepareStatement(sql)) {
            boolean renew = sql.equals(RENEW);
            read.setLong(renew ? 1 : 3, seconds);
            read.setLong(renew ? 2 : 1, message.id());
            read.setObject(renew ? 3 : 2, message.token());
            try (ResultSet row = read.executeQuery()) {
                return row.next() ? row.getBytes(1) : null;
            }
        }
    }

    /** Records the outcomes of a batch in one round trip, each unless another worker claimed its message meanwhile. */
    void finish(List<Finished> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement finish = connection.prepareStatement(FINISH)) {
            for (Finished done : batch) {
                bind(connection, finish, done);
                finish.addBatch();
            }
            int[] counts = finish.executeBatch();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == 0) {
                    LOG.infof("message %d was claimed by another worker during its send; its outcome (%s) is not recorded",
                            batch.get(i).message().id(), batch.get(i).outcome().status());
                }
            }
        } catch (SQLException e) {
            // the lease runs out and the messages are tried again: delivered twice at worst, never lost
            LOG.warnf("could not record the delivery state of %d messages: %s", batch.size(), e.getSQLState());
        }
    }

    private static void bind(Connection connection, PreparedStatement finish, Finished done) throws SQLException {
        MessageOutcome outcome = done.outcome();
        boolean sent = outcome.status() == MessageStatus.SENT;
        boolean finished = sent || outcome.status() == MessageStatus.FAILED;
        Timestamp at = Timestamp.from(outcome.nextAttempt());
        finish.setString(1, outcome.status().name());
        finish.setString(2, outcome.status().name());
        finish.setTimestamp(3, at);
        finish.setString(4, outcome.error() == null ? null : outcome.error().stored());
        finish.setTimestamp(5, sent ? at : null);
        finish.setTimestamp(6, finished ? at : null);
        finish.setArray(7, outcome.recipientResults() == null ? null
                : connection.createArrayOf("text", outcome.recipientResults()));
        finish.setLong(8, done.message().id());
        finish.setObject(9, done.message().token());
    }

    /** Messages waiting for delivery, or -1 when the database does not answer. */
    long depth() {
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
