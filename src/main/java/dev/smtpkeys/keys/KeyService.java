package dev.smtpkeys.keys;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import dev.smtpkeys.account.Account;
import dev.smtpkeys.account.Actor;
import dev.smtpkeys.account.User;
import dev.smtpkeys.audit.AuditAction;
import dev.smtpkeys.audit.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;

/**
 * The key use cases. Every method takes the owning account, so no caller can reach another
 * account's key, and every change writes its audit event in the same transaction.
 */
@ApplicationScoped
@Transactional
public class KeyService {

    // One indexed lookup; the left join is a primary-key probe, only for a replacement, that says
    // whether its predecessor waits for this key's first use. Times are checked here, so an expiry or
    // a rotation deadline bites at once, before the scheduled job has written the new status.
    private static final String VERIFY_SQL = """
            select k.id, k.account_id, o.id is not null,
                   (cast(? as inet) is null
                    or not exists (select 1 from smtp_key_allowed_network n where n.key_id = k.id)
                    or exists (select 1 from smtp_key_allowed_network n
                                where n.key_id = k.id and n.network >>= cast(? as inet)))
              from smtp_key k join account a on a.id = k.account_id
              left join smtp_key o on o.id = k.replaces_id and o.status = 'ACTIVE' and o.retire_at is null
             where k.token_hash = ? and a.smtp_login = ? and k.status = 'ACTIVE'
               and (k.expires_at is null or k.expires_at > ?) and (k.retire_at is null or k.retire_at > ?)""";

    private final KeysConfig config;
    private final MasterKeyCipher cipher;
    private final AuditLog audit;
    private final DataSource dataSource;
    private final Clock clock;

    KeyService(KeysConfig config, MasterKeyCipher cipher, AuditLog audit, DataSource dataSource, Clock clock) {
        this.config = config;
        this.cipher = cipher;
        this.audit = audit;
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Creates the master key of a new account; called once, by account creation ({@link MasterKeys}). */
    SmtpKey createMaster(Account account, User createdBy) {
        String secret = KeySecret.generate();
        // no name: pages show the master key by its label, in the reader's language
        SmtpKey key = newKey(account, null, secret, createdBy);
        key.master = true;
        key.secretEncrypted = cipher.encrypt(secret, account.id);
        key.persist();
        return key;
    }

    /** Generates a named key that never expires; see {@link #generate(Actor, Account, String, UUID, Instant)}. */
    public GeneratedKey generate(Actor actor, Account owner, String rawName, UUID nonce) {
        return generate(actor, owner, rawName, nonce, null);
    }

    /**
     * Generates a named key. A form submitted twice carries the same {@code nonce} and gets
     * {@link KeyProblem#ALREADY_GENERATED} instead of a second key. {@code expiresAt} (null: never)
     * must lie in the future.
     */
    public GeneratedKey generate(Actor actor, Account owner, String rawName, UUID nonce, Instant expiresAt) {
        String name = KeyNames.normalize(rawName);
        if (expiresAt != null && !expiresAt.isAfter(clock.instant())) {
            throw new KeyException(KeyProblem.EXPIRY_PAST);
        }
        // one generate at a time per account keeps the cap, the name check and the nonce check exact
        Account account = Account.findById(owner.id, LockModeType.PESSIMISTIC_WRITE);
        if (nonce != null && SmtpKey.findByNonce(account, nonce).isPresent()) {
            throw new KeyException(KeyProblem.ALREADY_GENERATED);
        }
        if (SmtpKey.countOwned(account) >= config.maxPerAccount()) {
            throw new KeyException(KeyProblem.LIMIT_REACHED);
        }
        if (KeyNames.isReserved(name) || SmtpKey.nameTaken(account, name)) {
            throw new KeyException(KeyProblem.NAME_TAKEN);
        }
        String secret = KeySecret.generate();
        User creator = actor.userId() == null ? null : User.findById(actor.userId());
        SmtpKey key = newKey(account, name, secret, creator);
        key.creationNonce = nonce;
        key.expiresAt = expiresAt;
        key.persist();
        audit.record(actor, account, AuditAction.KEY_GENERATED, key.ref(), null);
        return new GeneratedKey(key, secret);
    }

    /** Stops the relay from accepting the key, from the next AUTH or message on. */
    public SmtpKey deactivate(Actor actor, Account account, long keyId, Integer expectedVersion, String reason) {
        return change(KeyAction.DEACTIVATE, actor, account, keyId, expectedVersion, reason);
    }

    /** Lets the relay accept the key again. */
    public SmtpKey activate(Actor actor, Account account, long keyId, Integer expectedVersion, String reason) {
        return change(KeyAction.ACTIVATE, actor, account, keyId, expectedVersion, reason);
    }

    /** Removes the key for good; the master key cannot be deleted. Answers the deleted key's last state. */
    public SmtpKey delete(Actor actor, Account account, long keyId, Integer expectedVersion, String reason) {
        return change(KeyAction.DELETE, actor, account, keyId, expectedVersion, reason);
    }

    /**
     * Takes {@code action} on the key, if {@link SmtpKey#problemWith} allows it and the key still has
     * {@code expectedVersion} (when given); the use case behind every confirmed key button.
     */
    public SmtpKey change(KeyAction action, Actor actor, Account account, long keyId, Integer expectedVersion,
            String reason) {
        String checkedReason = KeyReasons.forActor(actor, reason);
        SmtpKey key = owned(account, keyId, expectedVersion);
        Optional<KeyProblem> problem = key.problemWith(action, clock.instant());
        if (problem.isPresent()) {
            throw new KeyException(problem.get());
        }
        switch (action) {
            case DEACTIVATE -> setStatus(actor, account, key, KeyStatus.INACTIVE, AuditAction.KEY_DEACTIVATED,
                    checkedReason);
            case ACTIVATE -> setStatus(actor, account, key, KeyStatus.ACTIVE, AuditAction.KEY_ACTIVATED,
                    checkedReason);
            case DELETE -> {
                audit.record(actor, account, AuditAction.KEY_DELETED, key.ref(), checkedReason);
                key.delete();
                flush();
            }
        }
        return key;
    }

    /**
     * Deactivates every active key of the account at once (a compromised account): one transaction,
     * one audit event per key it changed. Answers how many keys it deactivated.
     */
    public int deactivateAll(Actor actor, Account owner, String reason) {
        String checkedReason = KeyReasons.forActor(actor, reason);
        // the same lock as generate, so no key can be added while the account is being shut off
        Account account = Account.findById(owner.id, LockModeType.PESSIMISTIC_WRITE);
        if (account == null) {
            throw new KeyNotFoundException();
        }
        int changed = 0;
        for (SmtpKey key : SmtpKey.listOwned(account)) {
            if (key.isActive()) {
                key.status = KeyStatus.INACTIVE;
                audit.record(actor, account, AuditAction.KEY_DEACTIVATED, key.ref(), checkedReason);
                changed++;
            }
        }
        flush();
        return changed;
    }

    /** The master key's secret, decrypted for the eye icon; audited. */
    public String revealMaster(Actor actor, Account account) {
        return revealMaster(actor, account, false);
    }

    /**
     * The secret of the master key in use (after a rotation, the new one), decrypted for the eye icon;
     * audited, saying whether the user had to confirm their password first (sudo mode).
     */
    public String revealMaster(Actor actor, Account account, boolean passwordConfirmed) {
        User user = actor.userId() == null ? null : User.findById(actor.userId());
        if (user != null && user.mustChangePassword) {
            // whoever knows the initial password (support) must not read the master key with it
            throw new KeyException(KeyProblem.PASSWORD_NOT_CHOSEN);
        }
        SmtpKey master = SmtpKey.findCurrentMaster(account)
                .orElseThrow(() -> new IllegalStateException("account " + account.id + " has no master key"));
        audit.record(actor, account, passwordConfirmed ? AuditAction.MASTER_REVEALED_CONFIRMED
                : AuditAction.MASTER_REVEALED, master.ref(), null);
        return cipher.decrypt(master.secretEncrypted, account.id);
    }

    /**
     * Whether {@code key} is an ACTIVE key of the account whose SMTP login is {@code login}. A
     * malformed key costs no database work; a well-formed one costs one indexed lookup.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<VerifiedKey> verify(String login, String key) {
        return verify(login, key, null).map(KeyCheck::key);
    }

    /**
     * {@link #verify(String, String)}, and in the same lookup whether {@code clientIp} (an address
     * literal; null: not asked) is on the key's allowlist.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<KeyCheck> verify(String login, String key, String clientIp) {
        if (login == null || !KeySecret.isWellFormed(key)) {
            return Optional.empty();
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(VERIFY_SQL)) {
            statement.setString(1, clientIp);
            statement.setString(2, clientIp);
            statement.setBytes(3, KeySecret.hash(key));
            statement.setString(4, login.strip().toLowerCase(Locale.ROOT));
            OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
            statement.setObject(5, now);
            statement.setObject(6, now);
            try (ResultSet row = statement.executeQuery()) {
                return row.next()
                        ? Optional.of(new KeyCheck(new VerifiedKey(row.getLong(1), row.getLong(2), row.getBoolean(3)),
                                row.getBoolean(4)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new KeyStoreUnavailableException(e);
        }
    }

    private void setStatus(Actor actor, Account account, SmtpKey key, KeyStatus target, AuditAction action,
            String reason) {
        key.status = target;
        flush();
        audit.record(actor, account, action, key.ref(), reason);
    }

    static SmtpKey owned(Account account, long keyId, Integer expectedVersion) {
        SmtpKey key = SmtpKey.owned(keyId, account);
        if (expectedVersion != null && expectedVersion != key.version) {
            throw new KeyException(KeyProblem.CHANGED_MEANWHILE);
        }
        return key;
    }

    /** Flushes now, so a concurrent change shows up as our own clear problem, not as a failed commit. */
    static void flush() {
        try {
            SmtpKey.getEntityManager().flush();
        } catch (OptimisticLockException | org.hibernate.StaleStateException e) {
            throw new KeyException(KeyProblem.CHANGED_MEANWHILE);
        }
    }

    /** A new key row, not yet persisted; also the replacement that {@link KeyRotation} makes. */
    SmtpKey newKey(Account account, String name, String secret, User createdBy) {
        SmtpKey key = new SmtpKey();
        key.createdAt = clock.instant();
        key.account = account;
        key.name = name;
        key.tokenHash = KeySecret.hash(secret);
        key.suffix = KeySecret.suffix(secret);
        key.createdBy = createdBy;
        return key;
    }
}
