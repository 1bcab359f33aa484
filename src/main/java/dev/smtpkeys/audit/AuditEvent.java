package dev.smtpkeys.audit;

import java.time.Instant;

import dev.smtpkeys.account.Account;
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

/**
 * One line of the append-only audit log. The key's id, name and suffix are copied, not referenced,
 * so the line still says which key it was after the key is deleted.
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

    @Column(updatable = false)
    public String reason;

    @Column(updatable = false)
    public String ip;

    @Column(nullable = false, updatable = false)
    public Instant at = Instant.now();
}
