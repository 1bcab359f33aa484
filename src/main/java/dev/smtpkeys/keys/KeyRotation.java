package dev.smtpkeys.keys;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import dev.smtpkeys.account.Account;
import dev.smtpkeys.account.Actor;
import dev.smtpkeys.account.User;
import dev.smtpkeys.audit.AuditAction;
import dev.smtpkeys.audit.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/**
 * Rotation with grace: a replacement with the same name (and, for the master key, the master role)
 * while the old key works on until its deadline or the replacement's first use. Retiring is done by
 * the system: here at first use, in {@link KeyDeadlines} at a deadline.
 */
@ApplicationScoped
@Transactional
public class KeyRotation {

    // one statement, so two sessions using the new key at once retire the old one exactly once
    private static final String RETIRE_AT_FIRST_USE = """
            update smtp_key o set status = 'INACTIVE', retire_at = ?1, version = o.version + 1
              from smtp_key k
             where k.id = ?2 and o.id = k.replaces_id and o.status = 'ACTIVE' and o.retire_at is null
            returning o.id, o.account_id, o.name, o.suffix, o.master""";

    private final KeyService keys;
    private final KeysConfig config;
    private final MasterKeyCipher cipher;
    private final AuditLog audit;
    private final Clock clock;

    KeyRotation(KeyService keys, KeysConfig config, MasterKeyCipher cipher, AuditLog audit, Clock clock) {
        this.keys = keys;
        this.config = config;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Generates the replacement of key {@code keyId}, which keeps working for {@code grace}; answers the
     * replacement and its secret (shown once). A replacement of the master key becomes the master key,
     * the one the eye icon reveals from now on. A key with an expiry passes its lifetime on.
     */
    public GeneratedKey rotate(Actor actor, Account owner, long keyId, Integer expectedVersion, RotationGrace grace) {
        // the same lock as generate, so the cap holds and no two rotations of one key race
        Account account = Account.findById(owner.id, LockModeType.PESSIMISTIC_WRITE);
        SmtpKey old = KeyService.owned(account, keyId, expectedVersion);
        Instant now = clock.instant();
        old.rotationProblem(now).ifPresent(problem -> {
            throw new KeyException(problem);
        });
        if (SmtpKey.countOwned(account) >= config.maxPerAccount()) {
            throw new KeyException(KeyProblem.LIMIT_REACHED);
        }
        old.rotatedAt = now;
        old.retireAt = grace.duration().map(now::plus).orElse(null);
        // written before the insert: the name and master indexes leave rotated keys out
        KeyService.flush();
        String secret = KeySecret.generate();
        User creator = actor.userId() == null ? null : User.findById(actor.userId());
        SmtpKey fresh = keys.newKey(account, old.name, secret, creator);
        fresh.createdAt = now;
        fresh.master = old.master;
        fresh.secretEncrypted = old.master ? cipher.encrypt(secret, account.id) : null;
        fresh.replacesId = old.id;
        fresh.expiresAt = old.expiresAt == null ? null : now.plus(lifetime(old));
        fresh.persist();
        audit.record(actor, account, AuditAction.KEY_ROTATED, old.ref(), null);
        audit.record(actor, account, AuditAction.KEY_GENERATED, fresh.ref(), null);
        if (grace == RotationGrace.NOW) {
            old.status = KeyStatus.INACTIVE;
            KeyService.flush();
            audit.record(Actor.system(), account, AuditAction.KEY_RETIRED, old.ref(), null);
        }
        return new GeneratedKey(fresh, secret);
    }

    /** The lifetime the key was generated with, in whole minutes (its two times were read a moment apart). */
    private static Duration lifetime(SmtpKey key) {
        return Duration.ofMinutes(Math.round(Duration.between(key.createdAt, key.expiresAt).toSeconds() / 60.0));
    }

    /**
     * The replacement {@code key} has just authenticated: its predecessor, if it waits for this, stops
     * working now. Idempotent; answers whether this call retired it.
     */
    @ActivateRequestContext
    public boolean firstUse(VerifiedKey key) {
        List<?> rows = SmtpKey.getEntityManager().createNativeQuery(RETIRE_AT_FIRST_USE)
                .setParameter(1, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .setParameter(2, key.keyId())
                .getResultList();
        rows.forEach(row -> KeyDeadlines.recordSystemChange(audit, AuditAction.KEY_RETIRED, (Object[]) row));
        return !rows.isEmpty();
    }
}
