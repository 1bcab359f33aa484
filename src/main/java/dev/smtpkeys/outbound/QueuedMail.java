package dev.smtpkeys.outbound;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.smtpkeys.account.Account;
import dev.smtpkeys.account.Actor;
import dev.smtpkeys.audit.AuditLog;
import dev.smtpkeys.keys.KeyReasons;
import dev.smtpkeys.keys.SmtpKey;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Hold, release or drop the mail a key has queued: for a compromised key, deactivating stops new mail
 * and this stops what is already waiting. Each use case changes the key's waiting messages in one
 * statement and writes its audit event in the same transaction. A message being handed to the
 * smarthost at that moment finishes its try; held while under way, it waits HELD if that try fails.
 */
@ApplicationScoped
@Transactional
public class QueuedMail {

    // Affects only the key's own rows of this account: the key id alone could be another account's.
    private static final String HOLD = """
            update outbound_message
               set held_at = now(), status = case when status = 'QUEUED' then 'HELD' else status end
             where key_id = ?1 and account_id = ?2 and status in ('QUEUED', 'SENDING') and held_at is null""";

    private static final String RELEASE = """
            update outbound_message
               set held_at = null, next_attempt_at = case when status = 'HELD' then now() else next_attempt_at end,
                   status = case when status = 'HELD' then 'QUEUED' else status end
             where key_id = ?1 and account_id = ?2 and status in ('HELD', 'SENDING') and held_at is not null""";

    private static final String DROP = """
            update outbound_message
               set status = 'DROPPED', held_at = null, raw_mime = null, finished_at = now(), next_attempt_at = now()
             where key_id = ?1 and account_id = ?2 and status in ('QUEUED', 'HELD')""";

    private static final String COUNT = """
            select count(*) filter (where status in ('QUEUED', 'SENDING') and held_at is null),
                   count(*) filter (where status = 'HELD' or (status = 'SENDING' and held_at is not null))
              from outbound_message where key_id = ?1 and account_id = ?2 and status in ('QUEUED', 'SENDING', 'HELD')""";

    private static final String COUNT_BY_KEY = """
            select key_id, count(*) filter (where status in ('QUEUED', 'SENDING') and held_at is null),
                   count(*) filter (where status = 'HELD' or (status = 'SENDING' and held_at is not null))
              from outbound_message where account_id = ?1 and status in ('QUEUED', 'SENDING', 'HELD')
             group by key_id""";

    private final AuditLog audit;

    QueuedMail(AuditLog audit) {
        this.audit = audit;
    }

    /** How many of a key's messages wait for delivery, and how many of them are held. */
    public record Waiting(long queued, long held) {

        public boolean any() {
            return queued + held > 0;
        }
    }

    /** A key of the account that has mail waiting. */
    public record KeyWaiting(SmtpKey key, Waiting waiting) {
    }

    /** Those of the account's {@code keys} (in the key table's order) that have mail waiting or held. */
    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public List<KeyWaiting> waitingByKey(Account account, List<SmtpKey> keys) {
        Map<Long, Waiting> byKey = new HashMap<>();
        for (Object[] row : (List<Object[]>) Panache.getEntityManager().createNativeQuery(COUNT_BY_KEY)
                .setParameter(1, account.id).getResultList()) {
            byKey.put(((Number) row[0]).longValue(), new Waiting(((Number) row[1]).longValue(), ((Number) row[2]).longValue()));
        }
        return keys.stream().filter(k -> byKey.containsKey(k.id))
                .map(k -> new KeyWaiting(k, byKey.get(k.id))).toList();
    }

    /** The key's waiting and held messages (the caller found the key among its account's: {@link SmtpKey#owned}). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Waiting waiting(SmtpKey key) {
        Object[] counts = (Object[]) Panache.getEntityManager().createNativeQuery(COUNT)
                .setParameter(1, key.id).setParameter(2, key.account.id).getSingleResult();
        return new Waiting(((Number) counts[0]).longValue(), ((Number) counts[1]).longValue());
    }

    /**
     * Takes {@code action} on the mail key {@code keyId} of {@code account} has queued, audited with the
     * reason support must give (a user's own needs none); answers how many messages it changed.
     */
    public int apply(QueueAction action, Actor actor, Account account, long keyId, String reason) {
        SmtpKey key = SmtpKey.owned(keyId, account);
        String stored = KeyReasons.forActor(actor, reason);
        String sql = switch (action) {
            case HOLD -> HOLD;
            case RELEASE -> RELEASE;
            case DROP -> DROP;
        };
        int changed = Panache.getEntityManager().createNativeQuery(sql)
                .setParameter(1, keyId).setParameter(2, account.id).executeUpdate();
        audit.record(actor, account, action.audited(), key.ref(), stored);
        return changed;
    }
}
