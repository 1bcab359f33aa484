package dev.smtpkeys.keys;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.hibernate.jpa.HibernateHints;

import dev.smtpkeys.account.Account;
import dev.smtpkeys.account.User;
import dev.smtpkeys.audit.KeyRef;
import io.quarkus.arc.Arc;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * An SMTP key of an account. Only the SHA-256 of the secret is kept (plus, for the master key, an
 * encrypted copy); deleting the row is what makes a deletion irreversible.
 */
@Entity
@Table(name = "smtp_key")
public class SmtpKey extends PanacheEntityBase implements NamedKey {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id", updatable = false)
    public Account account;

    /** Unique per account, ignoring case; null for the master key, which pages show by its label. */
    public String name;

    @Column(name = "token_hash", nullable = false, updatable = false)
    public byte[] tokenHash;

    @Column(nullable = false, updatable = false)
    public String suffix;

    /** Exactly one per account, created with it; it can be revealed again but not deleted. */
    @Column(nullable = false, updatable = false)
    public boolean master;

    @Column(name = "secret_encrypted", updatable = false)
    public byte[] secretEncrypted;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public KeyStatus status = KeyStatus.ACTIVE;

    /** The generate form's one-time token: a resubmitted form finds its key instead of making a second. */
    @Column(name = "creation_nonce", updatable = false)
    public UUID creationNonce;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt = Instant.now();

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "created_by_id", updatable = false)
    public User createdBy;

    // Written only by the relay's batched last-use update (plain SQL, no version bump). Read-only here,
    // so saving a key (deactivate, rename…) never writes back a stale time or count over a newer one.
    @Column(name = "last_used_at", insertable = false, updatable = false)
    public Instant lastUsedAt;

    @Column(name = "last_used_ip", insertable = false, updatable = false)
    public String lastUsedIp;

    @Column(name = "use_count", nullable = false, insertable = false, updatable = false)
    public long useCount;

    /** When the key stops working for good (EXPIRED); null: never. Chosen at generation. */
    @Column(name = "expires_at", updatable = false)
    public Instant expiresAt;

    /** Set once the key has a replacement (rotation); from then on it only waits to be retired. */
    @Column(name = "rotated_at")
    public Instant rotatedAt;

    /** When a rotated key becomes INACTIVE; null while it waits for its replacement's first use. */
    @Column(name = "retire_at")
    public Instant retireAt;

    /** The id of the key this one replaced, while that one still exists (the database clears it). */
    @Column(name = "replaces_id", updatable = false)
    public Long replacesId;

    @Version
    public int version;

    private static final String OWNED_IN_ORDER = "account = ?1 order by master desc, createdAt, id";

    /**
     * The key {@code id} of {@code account}; a key of another account is as absent as one that does not
     * exist ({@link KeyNotFoundException} either way, so no page tells them apart).
     */
    public static SmtpKey owned(long id, Account account) {
        return find("id = ?1 and account = ?2", id, account).<SmtpKey>firstResultOptional()
                .orElseThrow(KeyNotFoundException::new);
    }

    /** The master key in use: a master key being replaced by a new one is no longer revealed. */
    public static Optional<SmtpKey> findCurrentMaster(Account account) {
        return find("account = ?1 and master = true and rotatedAt is null", account).firstResultOptional();
    }

    /** The account's keys, master first, then oldest first. */
    /** The account's keys, master first. */
    public static List<SmtpKey> listOwned(Account account) {
        return list(OWNED_IN_ORDER, account);
    }

    /** The same keys for a page to show: one query, loaded read-only (no snapshot kept to check for changes). */
    public static List<SmtpKey> listOwnedToShow(Account account) {
        return find(OWNED_IN_ORDER, account).withHint(HibernateHints.HINT_READ_ONLY, true).list();
    }

    public static long countOwned(Account account) {
        return count("account", account);
    }

    public static boolean nameTaken(Account account, String name) {
        return count("account = ?1 and lower(name) = lower(?2) and rotatedAt is null", account, name) > 0;
    }

    public static Optional<SmtpKey> findByNonce(Account account, UUID nonce) {
        return find("account = ?1 and creationNonce = ?2", account, nonce).firstResultOptional();
    }

    public boolean isActive() {
        return status == KeyStatus.ACTIVE;
    }

    /** The status as of {@code now}: a key past its expiry is EXPIRED even before the job has written it. */
    public KeyStatus statusAt(Instant now) {
        return isExpiredAt(now) ? KeyStatus.EXPIRED : status;
    }

    public boolean isExpiredAt(Instant now) {
        return status == KeyStatus.EXPIRED || (expiresAt != null && !expiresAt.isAfter(now));
    }

    /** Whether the key has a replacement and only waits to be retired (or has been). */
    public boolean isRotated() {
        return rotatedAt != null;
    }

    /**
     * Why {@code action} cannot be taken on this key as it is at {@code now}, if it cannot: the one
     * statement of these rules, for the confirmation pages and for {@link KeyService} alike.
     */
    public Optional<KeyProblem> problemWith(KeyAction action, Instant now) {
        KeyStatus current = statusAt(now);
        return Optional.ofNullable(switch (action) {
            case DEACTIVATE -> current == KeyStatus.ACTIVE ? null : KeyProblem.ALREADY_INACTIVE;
            case ACTIVATE -> current == KeyStatus.EXPIRED ? KeyProblem.EXPIRED
                    : current == KeyStatus.ACTIVE ? KeyProblem.ALREADY_ACTIVE
                    : isRotated() ? KeyProblem.REPLACED : null;
            case DELETE -> master && !isRotated() ? KeyProblem.MASTER_NOT_DELETABLE : null;
        });
    }

    /** {@link #problemWith(KeyAction, Instant)} as of the application's clock, for pages and support's views. */
    public Optional<KeyProblem> problemWith(KeyAction action) {
        return problemWith(action, now());
    }

    /** The application's {@link Clock}: entities and template extensions are not beans. */
    static Instant now() {
        return Arc.container().instance(Clock.class).get().instant();
    }

    /** Why this key cannot be rotated at {@code now}, if it cannot: only an active key not yet replaced. */
    public Optional<KeyProblem> rotationProblem(Instant now) {
        if (isRotated()) {
            return Optional.of(KeyProblem.REPLACED);
        }
        return statusAt(now) == KeyStatus.ACTIVE ? Optional.empty() : Optional.of(KeyProblem.NOT_ACTIVE);
    }

    /** The key as the audit log keeps it. */
    public KeyRef ref() {
        return new KeyRef(id, name, suffix, master);
    }

    @Override
    public boolean isMasterKey() {
        return master;
    }

    @Override
    public String givenName() {
        return name;
    }
}
