package dev.smtpkeys.keys;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.smtpkeys.account.Account;

/** A client IP a key authenticated from, and when last; the relay keeps the last five per key. */
public record ClientIp(String ip, Instant lastSeen) {

    /** The client IPs of every key of the account, newest first per key, in one query. */
    public static Map<Long, List<ClientIp>> ofAccount(Account account) {
        List<?> rows = SmtpKey.getEntityManager().createNativeQuery("""
                select c.key_id, c.ip, c.last_seen_at
                  from smtp_key_client_ip c join smtp_key k on k.id = c.key_id
                 where k.account_id = ?1
                 order by c.key_id, c.last_seen_at desc, c.ip""").setParameter(1, account.id).getResultList();
        Map<Long, List<ClientIp>> byKey = new LinkedHashMap<>();
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            byKey.computeIfAbsent(((Number) columns[0]).longValue(), id -> new java.util.ArrayList<>())
                    .add(new ClientIp((String) columns[1], instant(columns[2])));
        }
        return byKey;
    }

    /** The client IPs of key {@code keyId}, newest first. */
    public static List<ClientIp> ofKey(long keyId) {
        List<?> rows = SmtpKey.getEntityManager().createNativeQuery("""
                select ip, last_seen_at from smtp_key_client_ip where key_id = ?1
                 order by last_seen_at desc, ip""").setParameter(1, keyId).getResultList();
        return rows.stream().map(row -> (Object[]) row)
                .map(columns -> new ClientIp((String) columns[0], instant(columns[1]))).toList();
    }

    private static Instant instant(Object value) {
        return value instanceof OffsetDateTime time ? time.toInstant()
                : value instanceof java.sql.Timestamp stamp ? stamp.toInstant() : (Instant) value;
    }
}
