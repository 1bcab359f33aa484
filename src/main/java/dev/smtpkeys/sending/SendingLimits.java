package dev.smtpkeys.sending;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import javax.sql.DataSource;

import dev.smtpkeys.account.Account;
import dev.smtpkeys.account.Actor;
import dev.smtpkeys.audit.AuditAction;
import dev.smtpkeys.audit.AuditLog;
import dev.smtpkeys.audit.WrittenReason;
import dev.smtpkeys.web.Messages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * An account's sending limits: the defaults from {@link SendingConfig}, support's override for one
 * account (set with a written reason, or reset to the defaults, audited in the same transaction), and
 * what the account has used. The relay's counting is {@link SendingQuota}'s.
 */
@ApplicationScoped
public class SendingLimits {

    public static final int MAX_PER_MINUTE = 1_000_000;
    public static final int MAX_PER_DAY = 100_000_000;

    /** A pair of limits: messages per minute and per day. */
    public record Limits(int perMinute, int perDay) {
    }

    /**
     * What {@link #usage(ResultSet)} reads, with the account's id as its one parameter: for a page that
     * sends it with statements of its own, in one round trip. The account always gives the one row; the
     * override and the counts are null where it has none.
     */
    public static final String USAGE = """
            select l.per_minute, l.per_day, u.minute_start, u.minute_count, u.day, u.day_count
              from (select ?::bigint as account_id) a
              left join sending_limit l on l.account_id = a.account_id
              left join sending_usage u on u.account_id = a.account_id""";

    private final SendingConfig config;
    private final DataSource dataSource;
    private final EntityManager entityManager;
    private final AuditLog audit;
    private final Messages messages;
    private volatile Clock clock = Clock.systemUTC();

    SendingLimits(SendingConfig config, DataSource dataSource, EntityManager entityManager, AuditLog audit,
            Messages messages) {
        this.config = config;
        this.dataSource = dataSource;
        this.entityManager = entityManager;
        this.audit = audit;
        this.messages = messages;
    }

    /** The limits of every account without an override (configuration). */
    public Limits defaults() {
        return new Limits(config.perMinute(), config.perDay());
    }

    /** The limits in force for an account, read on the caller's connection. */
    Limits effective(Connection connection, long accountId) throws SQLException {
        try (PreparedStatement read = connection.prepareStatement(
                "select per_minute, per_day from sending_limit where account_id = ?")) {
            read.setLong(1, accountId);
            try (ResultSet row = read.executeQuery()) {
                return row.next() ? new Limits(row.getInt(1), row.getInt(2)) : defaults();
            }
        }
    }

    /**
     * The account's limits and what it sent this minute and today (UTC), for support's pages; the SMTP
     * tab sends {@link #USAGE} with its own statement instead.
     */
    public SendingUsage usage(long accountId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement read = connection.prepareStatement(USAGE)) {
            read.setLong(1, accountId);
            try (ResultSet row = read.executeQuery()) {
                return usage(row);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("sending usage lookup failed", e);
        }
    }

    /** The limits and usage in the answer to {@link #USAGE}. */
    public SendingUsage usage(ResultSet row) throws SQLException {
        row.next();
        boolean overridden = row.getObject(1) != null;
        Limits limits = overridden ? new Limits(row.getInt(1), row.getInt(2)) : defaults();
        int minute = 0;
        int today = 0;
        OffsetDateTime minuteStart = row.getObject(3, OffsetDateTime.class);
        if (minuteStart != null) {
            Instant now = now();
            minute = minuteStart.toInstant().equals(now.truncatedTo(ChronoUnit.MINUTES)) ? row.getInt(4) : 0;
            today = row.getObject(5, LocalDate.class).equals(LocalDate.ofInstant(now, ZoneOffset.UTC)) ? row.getInt(6) : 0;
        }
        return new SendingUsage(limits.perMinute(), limits.perDay(), overridden, minute, today);
    }

    /**
     * Sets support's limits for {@code account}, audited with the written reason. Answers the form
     * with its errors (and changes nothing) when a value or the reason is not acceptable, else null.
     */
    @Transactional
    public LimitsForm override(Actor actor, Account account, LimitsForm form) {
        SendingMessages msg = messages.get(SendingMessages.class);
        Integer perMinute = number(form.perMinute(), MAX_PER_MINUTE);
        Integer perDay = number(form.perDay(), MAX_PER_DAY);
        String reason = WrittenReason.normalize(form.reason());
        LimitsForm checked = form.withErrors(perMinute == null ? msg.problem_number(1, MAX_PER_MINUTE) : null,
                perDay == null ? msg.problem_number(1, MAX_PER_DAY) : null, reasonProblem(reason, msg));
        if (checked.hasErrors()) {
            return checked;
        }
        entityManager.createNativeQuery("""
                insert into sending_limit (account_id, per_minute, per_day, updated_at) values (?1, ?2, ?3, now())
                on conflict (account_id) do update
                   set per_minute = excluded.per_minute, per_day = excluded.per_day, updated_at = excluded.updated_at""")
                .setParameter(1, account.id).setParameter(2, perMinute).setParameter(3, perDay).executeUpdate();
        audit.record(actor, account, AuditAction.SENDING_LIMITS_SET, null, reason, perMinute + "/" + perDay);
        return null;
    }

    /** Removes support's limits for {@code account}, so the defaults apply again; audited like {@link #override}. */
    @Transactional
    public LimitsForm reset(Actor actor, Account account, LimitsForm form) {
        String reason = WrittenReason.normalize(form.reason());
        String problem = reasonProblem(reason, messages.get(SendingMessages.class));
        if (problem != null) {
            return form.withErrors(null, null, problem);
        }
        entityManager.createNativeQuery("delete from sending_limit where account_id = ?1")
                .setParameter(1, account.id).executeUpdate();
        audit.record(actor, account, AuditAction.SENDING_LIMITS_RESET, null, reason, null);
        return null;
    }

    /** Now, on the clock the counting windows are taken from. */
    Instant now() {
        return clock.instant();
    }

    /** Moves the windows' clock (tests, instead of waiting for a minute or a day to pass). */
    void useClock(Clock windows) {
        this.clock = windows;
    }

    /** A whole number from 1 to {@code max} as typed (spaces and thousands separators allowed), else null. */
    static Integer number(String typed, int max) {
        String digits = typed == null ? "" : typed.strip().replaceAll("[\\s,.'\u00a0\u202f_]", "");
        if (!digits.matches("\\d{1,10}")) {
            return null;
        }
        long value = Long.parseLong(digits);
        return value >= 1 && value <= max ? (int) value : null;
    }

    private static String reasonProblem(String reason, SendingMessages msg) {
        WrittenReason.Problem problem = WrittenReason.problem(reason);
        if (problem == null) {
            return null;
        }
        return problem == WrittenReason.Problem.TOO_SHORT ? msg.problem_reason_too_short(WrittenReason.MIN_LENGTH)
                : msg.problem_reason_too_long(WrittenReason.MAX_LENGTH);
    }
}
