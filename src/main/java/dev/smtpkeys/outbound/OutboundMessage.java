package dev.smtpkeys.outbound;

import java.time.Instant;
import java.util.List;

import org.hibernate.annotations.Immutable;

import dev.smtpkeys.account.Account;
import dev.smtpkeys.keys.NamedKey;
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
 * A message in the queue, as the pages read it. Rows are written by plain JDBC only
 * ({@link MessageQueue}, {@link DeliveryWorker}), hence immutable here; the raw MIME is not mapped,
 * so listing messages never loads their bodies.
 */
@Entity
@Immutable
@Table(name = "outbound_message")
public class OutboundMessage extends PanacheEntityBase implements NamedKey {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id")
    public Account account;

    /** A copy, not a reference: the message outlives its key. */
    @Column(name = "key_id")
    public long keyId;

    /** Null when the key was the master key, which has no name. */
    @Column(name = "key_name")
    public String keyName;

    @Column(name = "key_master")
    public boolean keyMaster;

    @Column(name = "client_ip")
    public String clientIp;

    @Column(name = "envelope_from")
    public String envelopeFrom;

    public String[] recipients;

    public String subject;

    @Column(name = "size_bytes")
    public int sizeBytes;

    @Enumerated(EnumType.STRING)
    public MessageStatus status;

    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "received_at")
    public Instant receivedAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    /** Parallel to {@link #recipients} once a try refused one of several; see {@code RecipientResults}. */
    @Column(name = "recipient_results")
    public String[] recipientResults;

    /** When it became SENT, FAILED or DROPPED; retention counts from here. */
    @Column(name = "finished_at")
    public Instant finishedAt;

    /** Set while someone holds it (status HELD, or a try under way that will end HELD). */
    @Column(name = "held_at")
    public Instant heldAt;

    /** The first envelope recipient, for the list; the others are counted beside it. */
    public String firstRecipient() {
        return recipients == null || recipients.length == 0 ? "" : recipients[0];
    }

    @Override
    public boolean isMasterKey() {
        return keyMaster;
    }

    @Override
    public String givenName() {
        return keyName;
    }

    /** The account's messages, newest first; only those of key {@code keyId} when it is not null. */
    public static List<OutboundMessage> pageOwned(Account account, Long keyId, int offset, int limit) {
        return (keyId == null
                ? find("account = ?1 order by receivedAt desc, id desc", account)
                : find("account = ?1 and keyId = ?2 order by receivedAt desc, id desc", account, keyId))
                .range(offset, offset + limit - 1).list();
    }
}
