package dev.smtpkeys.keys;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import dev.smtpkeys.audit.KeyRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.transaction.Transactional;

/**
 * Which keys are due for a reminder of their expiry, and the claim that makes each reminder go out
 * once, whichever instance runs first. Mailing is the alerts feature's; this owns the columns (V18).
 * Only ACTIVE keys not being rotated out are reminded: a deactivated key stops nothing when it expires,
 * and a rotated one already has its replacement. Of the two reminders only the one whose moment lay
 * ahead when the key was made, and the nearest due one, is sent: a key made with 3 days left gets the
 * 1-day reminder only, and a run after a long pause does not send both.
 */
@ApplicationScoped
public class ExpiryReminders {

    /** A reminder before expiry: how long before, and the column that records its claim. */
    public enum Threshold {
        WEEK(Duration.ofDays(7), "expiry_reminded_7d_at"), DAY(Duration.ofDays(1), "expiry_reminded_1d_at");

        private final Duration before;
        private final String column;

        Threshold(Duration before, String column) {
            this.before = before;
            this.column = column;
        }

        public Duration before() {
            return before;
        }

        /** The threshold after this one, whose window ends this one's; none after the last. */
        Duration nextBefore() {
            return this == WEEK ? DAY.before : Duration.ZERO;
        }

        /** Once the next reminder is out, this one is stale (an instance whose clock lags must not send it). */
        private String nextNotSent() {
            return this == WEEK ? "and " + DAY.column + " is null" : "";
        }

        // one statement: of several runners at the same moment, one claims a row, the others skip it
        private String claimSql() {
            return """
                    update smtp_key set %1$s = ?1
                     where id in (select id from smtp_key
                                   where status = 'ACTIVE' and rotated_at is null and %1$s is null %2$s
                                     and expires_at <= ?2 and expires_at > ?3
                                     and created_at <= expires_at - make_interval(secs => ?4)
                                   order by expires_at, id limit ?5
                                   for update skip locked)
                       and %1$s is null
                    returning id, account_id, name, suffix, master, expires_at, expiry_reminder_failures"""
                    .formatted(column, nextNotSent());
        }
    }

    /** A claimed reminder: the key as mails name it, when it expires, and how often sending it failed before. */
    public record Due(Threshold threshold, long accountId, KeyRef key, Instant expiresAt, int failures) {
    }

    private final Clock clock;

    ExpiryReminders(Clock clock) {
        this.clock = clock;
    }

    /**
     * Claims up to {@code limit} reminders of {@code threshold} that are due now and answers them; the
     * claim is committed when this returns, so the caller mails outside any transaction.
     */
    @ActivateRequestContext
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Due> claimDue(Threshold threshold, int limit) {
        Instant now = clock.instant();
        List<?> rows = SmtpKey.getEntityManager().createNativeQuery(threshold.claimSql())
                .setParameter(1, utc(now))
                .setParameter(2, utc(now.plus(threshold.before)))
                .setParameter(3, utc(now.plus(threshold.nextBefore())))
                .setParameter(4, (double) threshold.before.toSeconds())
                .setParameter(5, limit)
                .getResultList();
        return rows.stream().map(r -> {
            Object[] row = (Object[]) r;
            return new Due(threshold, ((Number) row[1]).longValue(),
                    new KeyRef(((Number) row[0]).longValue(), (String) row[2], (String) row[3], (Boolean) row[4]),
                    ClientIp.instant(row[5]), ((Number) row[6]).intValue());
        }).toList();
    }

    /**
     * The reminder could not be mailed: gives the claim back so a later run tries again, unless this
     * was try number {@code maxTries}; then it stays claimed (given up). Answers whether it will be retried.
     */
    @ActivateRequestContext
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean release(Due due, int maxTries) {
        boolean retry = due.failures() + 1 < maxTries;
        SmtpKey.getEntityManager().createNativeQuery("""
                update smtp_key set %1$s = case when ?2 then null else %1$s end,
                       expiry_reminder_failures = case when ?2 then expiry_reminder_failures + 1 else 0 end
                 where id = ?1 and %1$s is not null""".formatted(due.threshold().column))
                .setParameter(1, due.key().id())
                .setParameter(2, retry)
                .executeUpdate();
        return retry;
    }

    /** The reminder was mailed after earlier failures: the next reminder starts with all its tries. */
    @ActivateRequestContext
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void sent(Due due) {
        if (due.failures() > 0) {
            SmtpKey.getEntityManager().createNativeQuery("update smtp_key set expiry_reminder_failures = 0 where id = ?1")
                    .setParameter(1, due.key().id())
                    .executeUpdate();
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
