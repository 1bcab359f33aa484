package dev.smtpkeys.keys;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** A client IP a key authenticated from, and when last; the relay keeps the last five per key. */
public record ClientIp(String ip, Instant lastSeen) {

    /** The client IPs of key {@code keyId}, newest first. */
    public static List<ClientIp> ofKey(long keyId) {
        List<?> rows = SmtpKey.getEntityManager().createNativeQuery("""
                select ip, last_seen_at from smtp_key_client_ip where key_id = ?1
                 order by last_seen_at desc, ip""").setParameter(1, keyId).getResultList();
        return rows.stream().map(row -> (Object[]) row)
                .map(columns -> new ClientIp((String) columns[0], instant(columns[1]))).toList();
    }

    /** A time as a native query answers it. */
    static Instant instant(Object value) {
        return value instanceof OffsetDateTime time ? time.toInstant()
                : value instanceof java.sql.Timestamp stamp ? stamp.toInstant() : (Instant) value;
    }
}
