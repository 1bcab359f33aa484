package dev.smtpkeys.sending;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The relay's side of the sending limits: a message takes its place in the account's counts when its
 * mail transaction starts (MAIL FROM), and gives it back if it is not acknowledged after all. One
 * atomic upsert on {@code sending_usage} per message, shared by every instance; the check and the
 * increment are one statement, so parallel sessions of one account never get past the limit together.
 * Windows are the calendar minute and the calendar day in UTC, on {@link SendingLimits#now()}'s clock;
 * they only move forward, so instances whose clocks differ a little never reset each other's counts.
 */
@ApplicationScoped
public class SendingQuota {

    // The CTE reads the account's override (if any) with the defaults as fallback; the conflict
    // clause increments only while both counts are under their limits, or starts a newer window.
    private static final String RESERVE = """
            with lim as (
                select coalesce(max(o.per_minute), ?) as per_minute, coalesce(max(o.per_day), ?) as per_day
                  from sending_limit o where o.account_id = ?)
            insert into sending_usage as u (account_id, minute_start, minute_count, day, day_count)
            select ?, ?, 1, ?, 1 from lim
            on conflict (account_id) do update set
                minute_count = case when excluded.minute_start > u.minute_start then 1 else u.minute_count + 1 end,
                minute_start = greatest(u.minute_start, excluded.minute_start),
                day_count = case when excluded.day > u.day then 1 else u.day_count + 1 end,
                day = greatest(u.day, excluded.day)
             where (excluded.day > u.day or u.day_count < (select per_day from lim))
               and (excluded.minute_start > u.minute_start or u.minute_count < (select per_minute from lim))
            returning u.day_count""";

    // gives a place back only in the windows it was taken in: a later window has started from zero
    private static final String RELEASE = """
            update sending_usage set
                minute_count = case when minute_start = ? then greatest(minute_count - 1, 0) else minute_count end,
                day_count = case when day = ? then greatest(day_count - 1, 0) else day_count end
             where account_id = ?""";

    private static final String STATE = """
            select u.minute_start, u.minute_count, u.day, u.day_count
              from sending_usage u where u.account_id = ?""";

    private final DataSource dataSource;
    private final SendingLimits limits;

    SendingQuota(DataSource dataSource, SendingLimits limits) {
        this.dataSource = dataSource;
        this.limits = limits;
    }

    /** The place one message holds in its account's counts until it is acknowledged or given back. */
    public record Reservation(long accountId, Instant minute, LocalDate day) {
    }

    /** Which limit a refused message ran into, the limit itself, and how long until its window ends. */
    public record Refusal(boolean daily, int limit, Duration retryAfter) {
    }

    /** Thrown by {@link #reserve} when the account has used up its minute or its day. */
    public static final class OverLimitException extends Exception {

        private final transient Refusal refusal;

        OverLimitException(Refusal refusal) {
            super(null, null, false, false);
            this.refusal = refusal;
        }

        public Refusal refusal() {
            return refusal;
        }
    }

    /** Counts one more message of {@code accountId}, or refuses it; a database failure throws and counts nothing. */
    public Reservation reserve(long accountId) throws SQLException, OverLimitException {
        Instant now = limits.now();
        Reservation reservation = new Reservation(accountId, now.truncatedTo(ChronoUnit.MINUTES),
                LocalDate.ofInstant(now, ZoneOffset.UTC));
        SendingLimits.Limits defaults = limits.defaults();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement reserve = connection.prepareStatement(RESERVE)) {
            reserve.setInt(1, defaults.perMinute());
            reserve.setInt(2, defaults.perDay());
            reserve.setLong(3, accountId);
            reserve.setLong(4, accountId);
            reserve.setTimestamp(5, Timestamp.from(reservation.minute()));
            reserve.setObject(6, reservation.day());
            try (ResultSet row = reserve.executeQuery()) {
                if (row.next()) {
                    return reservation;
                }
            }
            throw new OverLimitException(refusal(connection, reservation, now));
        }
    }

    /** Gives back the place of a message that was not acknowledged (refused, failed, or cut off). */
    public void release(Reservation reservation) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement release = connection.prepareStatement(RELEASE)) {
            release.setTimestamp(1, Timestamp.from(reservation.minute()));
            release.setObject(2, reservation.day());
            release.setLong(3, reservation.accountId());
            release.executeUpdate();
        }
    }

    /** Why the upsert refused: the day comes first, as waiting a minute would not help. */
    private Refusal refusal(Connection connection, Reservation reservation, Instant now) throws SQLException {
        SendingLimits.Limits effective = limits.effective(connection, reservation.accountId());
        try (PreparedStatement state = connection.prepareStatement(STATE)) {
            state.setLong(1, reservation.accountId());
            try (ResultSet row = state.executeQuery()) {
                boolean dayFull = row.next() && !row.getObject(3, LocalDate.class).isBefore(reservation.day())
                        && row.getInt(4) >= effective.perDay();
                if (dayFull) {
                    Instant midnight = reservation.day().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
                    return new Refusal(true, effective.perDay(), Duration.between(now, midnight));
                }
                return new Refusal(false, effective.perMinute(),
                        Duration.between(now, reservation.minute().plus(1, ChronoUnit.MINUTES)));
            }
        }
    }
}
