package dev.smtpkeys.audit;

import java.time.Instant;
import java.util.List;

import dev.smtpkeys.account.Account;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
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

/**
 * One line of the append-only audit log. The key's id, name, suffix and master flag are copied, not
 * referenced ({@link KeyRef}), so the line still says which key it was after the key is deleted.
 */
@Entity
@Table(name = "audit_event")
public class AuditEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "account_id", updatable = false)
    public Account account;

    @Column(name = "actor_id", updatable = false)
    public Long actorId;

    @Column(name = "actor_role", nullable = false, updatable = false)
    public String actorRole;

    @Column(name = "actor_email", updatable = false)
    public String actorEmail;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public AuditAction action;

    @Column(name = "key_id", updatable = false)
    public Long keyId;

    @Column(name = "key_name", updatable = false)
    public String keyName;

    @Column(name = "key_suffix", updatable = false)
    public String keySuffix;

    /** Whether the key was the account's master key, which has no name ({@code keyName} is null). */
    @Column(name = "key_master", nullable = false, updatable = false)
    public boolean keyMaster;

    @Column(updatable = false)
    public String reason;

    @Column(updatable = false)
    public String ip;

    /** What the change set, in a neutral form the activity page puts into words (e.g. "100/1000"); mostly null. */
    @Column(updatable = false)
    public String detail;

    @Column(nullable = false, updatable = false)
    public Instant at = Instant.now();

    /** A key as the log remembers it, also after it was deleted. */
    public record KeySeen(Long keyId, String keyName, String keySuffix, boolean keyMaster) {
    }

    /** The account's events, newest first, optionally of one key; {@code limit} rows from {@code offset}. */
    public static List<AuditEvent> pageOwned(Account account, Long keyId, int offset, int limit) {
        PanacheQuery<AuditEvent> query = keyId == null
                ? find("account = ?1 order by at desc, id desc", account)
                : find("account = ?1 and keyId = ?2 order by at desc, id desc", account, keyId);
        return query.range(offset, offset + limit - 1).list();
    }

    /** Every key the account's log mentions, by id. */
    public static List<KeySeen> keysSeen(Account account) {
        return getEntityManager().createQuery("select distinct e.keyId, e.keyName, e.keySuffix, e.keyMaster"
                + " from AuditEvent e where e.account = ?1 and e.keyId is not null order by e.keyName", KeySeen.class)
                .setParameter(1, account).getResultList();
    }
}
