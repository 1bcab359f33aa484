package dev.smtpkeys.sending;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/** Sending limits set and read straight in the database, and the counting clock, for the tests. */
@ApplicationScoped
public class SendingFixtures {

    private final DataSource dataSource;
    private final SendingLimits limits;

    SendingFixtures(DataSource dataSource, SendingLimits limits) {
        this.dataSource = dataSource;
        this.limits = limits;
    }

    public void useClock(Clock clock) {
        limits.useClock(clock);
    }

    /** An override as support's form stores it (without the audit line, which the page tests check). */
    public void override(long accountId, int perMinute, int perDay) {
        update("insert into sending_limit (account_id, per_minute, per_day, updated_at) values (?, ?, ?, now())"
                + " on conflict (account_id) do update set per_minute = excluded.per_minute, per_day = excluded.per_day",
                accountId, perMinute, perDay);
    }

    /** What another instance's relay would leave behind: today's count of {@code accountId} set to {@code count}. */
    public void countedElsewhere(long accountId, int count) {
        update("update sending_usage set day_count = ? where account_id = ?", count, accountId);
    }

    /** Today's count as stored, or -1 without a row. */
    public int dayCount(long accountId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement read = c.prepareStatement("select day_count from sending_usage where account_id = ?")) {
            read.setLong(1, accountId);
            try (ResultSet row = read.executeQuery()) {
                return row.next() ? row.getInt(1) : -1;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The stored override as "perMinute/perDay", or null without one. */
    public String storedOverride(long accountId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement read = c.prepareStatement("select per_minute, per_day from sending_limit where account_id = ?")) {
            read.setLong(1, accountId);
            try (ResultSet row = read.executeQuery()) {
                return row.next() ? row.getInt(1) + "/" + row.getInt(2) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void update(String sql, Object... values) {
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                update.setObject(i + 1, values[i]);
            }
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
