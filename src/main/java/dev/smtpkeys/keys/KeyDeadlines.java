package dev.smtpkeys.keys;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import dev.smtpkeys.account.Account;
import dev.smtpkeys.account.Actor;
import dev.smtpkeys.audit.AuditAction;
import dev.smtpkeys.audit.AuditLog;
import dev.smtpkeys.audit.KeyRef;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.transaction.Transactional;

/**
 * Writes what time has decided: rotated keys past their deadline become INACTIVE, keys past their
 * expiry EXPIRED, each audited as done by the system. {@code verify} already refuses such keys from
 * the due moment on; this makes the table, the relay's per-message check and the audit log agree.
 * Safe with several instances: each rule is one {@code UPDATE … WHERE due}, so a row changes (and is
 * audited) once, whoever runs first.
 */
@ApplicationScoped
public class KeyDeadlines {

    private static final String RETIRE_DUE = """
            update smtp_key set status = 'INACTIVE', version = version + 1
             where status = 'ACTIVE' and retire_at <= ?1
            returning id, account_id, name, suffix, master""";

    private static final String EXPIRE_DUE = """
            update smtp_key set status = 'EXPIRED', version = version + 1
             where status <> 'EXPIRED' and expires_at <= ?1
            returning id, account_id, name, suffix, master""";

    private final AuditLog audit;
    private final Clock clock;

    KeyDeadlines(AuditLog audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    // the interval and its default live in KeysConfig#deadlineCheckInterval only
    @Scheduled(every = "${smtpkeys.keys.deadline-check-interval}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        applyDue();
    }

    /** Applies every due retirement and expiry; answers how many keys it changed. */
    @ActivateRequestContext
    @Transactional
    public int applyDue() {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        return apply(RETIRE_DUE, AuditAction.KEY_RETIRED, now) + apply(EXPIRE_DUE, AuditAction.KEY_EXPIRED, now);
    }

    private int apply(String sql, AuditAction action, OffsetDateTime now) {
        List<?> rows = SmtpKey.getEntityManager().createNativeQuery(sql).setParameter(1, now).getResultList();
        rows.forEach(row -> recordSystemChange(audit, action, (Object[]) row));
        return rows.size();
    }

    /** Audits a change the system made, from a {@code returning id, account_id, name, suffix, master} row. */
    static void recordSystemChange(AuditLog audit, AuditAction action, Object[] row) {
        Account account = Account.getEntityManager().getReference(Account.class, ((Number) row[1]).longValue());
        audit.record(Actor.system(), account, action,
                new KeyRef(((Number) row[0]).longValue(), (String) row[2], (String) row[3], (Boolean) row[4]), null);
    }
}
