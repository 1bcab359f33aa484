package dev.smtpkeys.sending;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import javax.sql.DataSource;

import dev.smtpkeys.support.Sql;
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

    /** Counts as the relay leaves them: {@code minuteCount} in the minute from {@code minute}, {@code dayCount} on {@code day}. */
    public void counted(long accountId, Instant minute, int minuteCount, LocalDate day, int dayCount) {
        update("insert into sending_usage (account_id, minute_start, minute_count, day, day_count) values (?, ?, ?, ?, ?)"
                + " on conflict (account_id) do update set minute_start = excluded.minute_start,"
                + " minute_count = excluded.minute_count, day = excluded.day, day_count = excluded.day_count",
                accountId, Timestamp.from(minute), minuteCount, day, dayCount);
    }

    /** Today's count as stored, or -1 without a row. */
    public int dayCount(long accountId) {
        return Sql.first(dataSource, "select day_count from sending_usage where account_id = ?", row -> row.getInt(1), -1,
                accountId);
    }

    /** The stored override as "perMinute/perDay", or null without one. */
    public String storedOverride(long accountId) {
        return Sql.first(dataSource, "select per_minute, per_day from sending_limit where account_id = ?",
                row -> row.getInt(1) + "/" + row.getInt(2), null, accountId);
    }

    private void update(String sql, Object... values) {
        Sql.update(dataSource, sql, values);
    }
}
