package dev.smtpkeys.keys;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import dev.smtpkeys.account.Account;
import dev.smtpkeys.account.User;
import dev.smtpkeys.audit.Actor;
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

    static final String MASTER_NAME = "Master password";

    private static final String VERIFY_SQL = """
            select k.id, k.account_id, k.name
              from smtp_key k join account a on a.id = k.account_id
             where k.token_hash = ? and a.smtp_login = ? and k.status = 'ACTIVE'""";

    private final KeysConfig config;
    private final MasterKeyCipher cipher;
    private final AuditLog audit;
    private final DataSource dataSource;

    KeyService(KeysConfig config, MasterKeyCipher cipher, AuditLog audit, DataSource dataSource) {
        this.config = config;
        this.cipher = cipher;
        this.audit = audit;
        this.dataSource = dataSource;
    }

    /** Creates the master key of a new account; called once, by account creation. */
    public SmtpKey createMaster(Account account, User createdBy) {
        String secret = KeySecret.generate();
        SmtpKey key = newKey(account, MASTER_NAME, secret, createdBy);
        key.master = true;
        key.secretEncrypted = cipher.encrypt(secret, account.id);
        key.persist();
        return key;
    }

    /**
     * Generates a named key. A form submitted twice carries the same {@code nonce} and gets
     * {@link KeyProblem#ALREADY_GENERATED} instead of a second key.
     */
    public GeneratedKey generate(Actor actor, Account owner, String rawName, UUID nonce) {
        String name = KeyNames.normalize(rawName);
        // one generate at a time per account keeps the cap, the name check and the nonce check exact
        Account account = Account.findById(owner.id, LockModeType.PESSIMISTIC_WRITE);
        if (nonce != null && SmtpKey.findByNonce(account, nonce).isPresent()) {
            throw new KeyException(KeyProblem.ALREADY_GENERATED);
        }
        if (SmtpKey.countOwned(account) >= config.maxPerAccount()) {
            throw new KeyException(KeyProblem.LIMIT_REACHED);
        }
        if (SmtpKey.nameTaken(account, name)) {
            throw new KeyException(KeyProblem.NAME_TAKEN);
        }
        String secret = KeySecret.generate();
        User creator = actor.userId() == null ? null : User.findById(actor.userId());
        SmtpKey key = newKey(account, name, secret, creator);
        key.creationNonce = nonce;
        key.persist();
        audit.record(actor, account, AuditAction.KEY_GENERATED, key, null);
        return new GeneratedKey(key, secret);
    }

    /** Stops the relay from accepting the key, from the next AUTH or message on. */
    public SmtpKey deactivate(Actor actor, Account account, long keyId, Integer expectedVersion, String reason) {
        return changeStatus(actor, account, keyId, expectedVersion, reason, KeyStatus.INACTIVE);
    }

    /** Lets the relay accept the key again. */
    public SmtpKey activate(Actor actor, Account account, long keyId, Integer expectedVersion, String reason) {
        return changeStatus(actor, account, keyId, expectedVersion, reason, KeyStatus.ACTIVE);
    }

    /** Removes the key for good; the master key cannot be deleted. Answers the deleted key's last state. */
    public SmtpKey delete(Actor actor, Account account, long keyId, Integer expectedVersion, String reason) {
        String checkedReason = KeyReasons.forActor(actor, reason);
        SmtpKey key = owned(account, keyId, expectedVersion);
        if (key.master) {
            throw new KeyException(KeyProblem.MASTER_NOT_DELETABLE);
        }
        audit.record(actor, account, AuditAction.KEY_DELETED, key, checkedReason);
        key.delete();
        flush();
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
                audit.record(actor, account, AuditAction.KEY_DEACTIVATED, key, checkedReason);
                changed++;
            }
        }
        flush();
        return changed;
    }

    /** The master key's secret, decrypted for the eye icon; audited. */
    public String revealMaster(Actor actor, Account account) {
        SmtpKey master = SmtpKey.find("account = ?1 and master = true", account).<SmtpKey>firstResultOptional()
                .orElseThrow(() -> new IllegalStateException("account " + account.id + " has no master key"));
        audit.record(actor, account, AuditAction.MASTER_REVEALED, master, null);
        return cipher.decrypt(master.secretEncrypted, account.id);
    }

    /**
     * Whether {@code key} is an ACTIVE key of the account whose SMTP login is {@code login}. A
     * malformed key costs no database work; a well-formed one costs one indexed lookup.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<VerifiedKey> verify(String login, String key) {
        if (login == null || !KeySecret.isWellFormed(key)) {
            return Optional.empty();
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(VERIFY_SQL)) {
            statement.setBytes(1, KeySecret.hash(key));
            statement.setString(2, login.strip().toLowerCase(Locale.ROOT));
            try (ResultSet row = statement.executeQuery()) {
                return row.next()
                        ? Optional.of(new VerifiedKey(row.getLong(1), row.getLong(2), row.getString(3)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new KeyStoreUnavailableException(e);
        }
    }

    private SmtpKey changeStatus(Actor actor, Account account, long keyId, Integer expectedVersion,
            String reason, KeyStatus target) {
        String checkedReason = KeyReasons.forActor(actor, reason);
        SmtpKey key = owned(account, keyId, expectedVersion);
        if (key.status == target) {
            throw new KeyException(target == KeyStatus.ACTIVE ? KeyProblem.ALREADY_ACTIVE : KeyProblem.ALREADY_INACTIVE);
        }
        key.status = target;
        flush();
        audit.record(actor, account,
                target == KeyStatus.ACTIVE ? AuditAction.KEY_ACTIVATED : AuditAction.KEY_DEACTIVATED, key, checkedReason);
        return key;
    }

    private static SmtpKey owned(Account account, long keyId, Integer expectedVersion) {
        SmtpKey key = SmtpKey.findOwned(keyId, account).orElseThrow(KeyNotFoundException::new);
        if (expectedVersion != null && expectedVersion != key.version) {
            throw new KeyException(KeyProblem.CHANGED_MEANWHILE);
        }
        return key;
    }

    /** Flushes now, so a concurrent change shows up as our own clear problem, not as a failed commit. */
    private static void flush() {
        try {
            SmtpKey.getEntityManager().flush();
        } catch (OptimisticLockException | org.hibernate.StaleStateException e) {
            throw new KeyException(KeyProblem.CHANGED_MEANWHILE);
        }
    }

    private static SmtpKey newKey(Account account, String name, String secret, User createdBy) {
        SmtpKey key = new SmtpKey();
        key.account = account;
        key.name = name;
        key.tokenHash = KeySecret.hash(secret);
        key.suffix = KeySecret.suffix(secret);
        key.createdBy = createdBy;
        return key;
    }
}
