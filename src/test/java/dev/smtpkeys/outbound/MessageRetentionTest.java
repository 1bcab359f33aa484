package dev.smtpkeys.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import dev.smtpkeys.support.RelayFixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** Retention: bodies of finished messages after 7 days, whole messages after 30, by the clock it is given. */
@QuarkusTest
class MessageRetentionTest {

    @Inject
    MessageRetention retention;

    @Inject
    RelayFixtures fixtures;

    @Inject
    DataSource dataSource;

    @Test
    void bodiesGoAfterTheirPeriodAndWholeMessagesAfterTheirsButNothingWaiting() throws SQLException {
        // a fixed clock; the test schema holds no other message finished days ago
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        RelayFixtures.Key key = fixtures.newAccountWithKey("Shop");
        long sentYesterday = finished(key, "SENT", now.minus(Duration.ofDays(1)));
        long sentLastWeek = finished(key, "SENT", now.minus(Duration.ofDays(7)).minusSeconds(1));
        long failedLastWeek = finished(key, "FAILED", now.minus(Duration.ofDays(8)));
        long droppedLastMonth = finished(key, "DROPPED", now.minus(Duration.ofDays(30)).minusSeconds(1));
        long sentLastMonthButOne = finished(key, "SENT", now.minus(Duration.ofDays(29)));
        long queued = fixtures.insertDue(key, 1).get(0);

        MessageRetention.Purged purged = retention.withClock(Clock.fixed(now, ZoneOffset.UTC)).purge();

        assertTrue(hasBody(sentYesterday), "a day after delivery the body stays");
        assertFalse(hasBody(sentLastWeek), "a week after delivery the body goes");
        assertFalse(hasBody(failedLastWeek));
        assertTrue(exists(sentLastWeek), "the line on the sent-mail page stays");
        assertFalse(exists(droppedLastMonth), "after 30 days the message goes");
        assertTrue(exists(sentLastMonthButOne));
        assertFalse(hasBody(sentLastMonthButOne));
        assertTrue(hasBody(queued), "a message not yet delivered keeps its body however old");
        assertTrue(purged.rows() >= 1 && purged.bodies() >= 3, purged.toString());
    }

    @Test
    void manyOldMessagesArePurgedInBatchesUntilNoneIsLeft() throws SQLException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        RelayFixtures.Key key = fixtures.newAccountWithKey("Shop");
        int count = 1200; // more than two batches of the default 500
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(
                "insert into outbound_message (account_id, key_id, key_name, key_master, envelope_from, recipients,"
                        + " size_bytes, raw_mime, status, finished_at) select ?, ?, 'Shop', false, 'a@example.org',"
                        + " array['b@example.net'], 1, 'x'::bytea, 'SENT', ? from generate_series(1, ?)")) {
            insert.setLong(1, key.accountId());
            insert.setLong(2, key.keyId());
            insert.setTimestamp(3, Timestamp.from(now.minus(Duration.ofDays(10))));
            insert.setInt(4, count);
            insert.executeUpdate();
        }

        retention.withClock(Clock.fixed(now, ZoneOffset.UTC)).purge();

        assertEquals(0, count("key_id = " + key.keyId() + " and raw_mime is not null"));
        assertEquals(count, count("key_id = " + key.keyId()));
    }

    private long finished(RelayFixtures.Key key, String status, Instant at) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(
                "insert into outbound_message (account_id, key_id, key_name, key_master, envelope_from, recipients,"
                        + " size_bytes, raw_mime, status, finished_at) values (?, ?, 'Shop', false, 'a@example.org',"
                        + " array['b@example.net'], 1, 'x'::bytea, ?, ?) returning id")) {
            insert.setLong(1, key.accountId());
            insert.setLong(2, key.keyId());
            insert.setString(3, status);
            insert.setTimestamp(4, Timestamp.from(at));
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private boolean hasBody(long id) throws SQLException {
        return count("id = " + id + " and raw_mime is not null") == 1;
    }

    private boolean exists(long id) throws SQLException {
        return count("id = " + id) == 1;
    }

    private long count(String where) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement("select count(*) from outbound_message where " + where);
                ResultSet row = select.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }
}
