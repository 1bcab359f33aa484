package dev.smtpkeys.outbound;

import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.OptionalLong;

import javax.sql.DataSource;

import dev.smtpkeys.keys.VerifiedKey;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Puts a message the relay accepted into {@code outbound_message}. The hot path of the relay: one prepared
 * INSERT on a pooled connection in auto-commit, no Hibernate session and no JTA transaction, so
 * the row is durably committed (synchronous_commit stays on) when {@link #enqueue} returns.
 */
@ApplicationScoped
public class MessageQueue {

    // Inserting through the key row re-checks, in the same statement, that the key is still ACTIVE:
    // a key deactivated or deleted mid-session stores nothing more, at no extra round trip.
    private static final String INSERT = """
            insert into outbound_message
                   (account_id, key_id, key_name, key_master, client_ip, envelope_from, recipients, subject,
                    size_bytes, raw_mime, smtputf8)
            select k.account_id, k.id, k.name, k.master, ?, ?, ?, ?, ?, ?, ?
              from smtp_key k
             where k.id = ? and k.account_id = ? and k.status = 'ACTIVE'
            returning id""";

    private final DataSource dataSource;
    private final DeliveryDispatcher dispatcher;

    MessageQueue(DataSource dataSource, DeliveryDispatcher dispatcher) {
        this.dataSource = dataSource;
        this.dispatcher = dispatcher;
    }

    /**
     * A message as the relay accepted it: {@code rawMime} streams its {@code sizeBytes} bytes into the
     * INSERT, never as one array; {@code smtputf8} says it needs an SMTPUTF8 hop (RFC 6531) to go on.
     */
    public record Incoming(VerifiedKey key, String clientIp, String envelopeFrom, List<String> recipients,
            String subject, boolean smtputf8, int sizeBytes, InputStream rawMime) {

        @Override
        public String toString() {
            return "Incoming[key=" + key.keyId() + ", recipients=" + recipients.size() + ", bytes=" + sizeBytes + "]";
        }
    }

    /**
     * Stores {@code message}; answers its id once committed, or empty when the key is no longer an
     * active key of its account. A database failure throws and stores nothing.
     */
    public OptionalLong enqueue(Incoming message) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, message.clientIp());
            insert.setString(2, message.envelopeFrom());
            insert.setArray(3, connection.createArrayOf("text", message.recipients().toArray()));
            insert.setString(4, message.subject());
            insert.setInt(5, message.sizeBytes());
            // streamed to the server in chunks: no copy of the message in the heap
            insert.setBinaryStream(6, message.rawMime(), message.sizeBytes());
            insert.setBoolean(7, message.smtputf8());
            insert.setLong(8, message.key().keyId());
            insert.setLong(9, message.key().accountId());
            try (ResultSet row = insert.executeQuery()) {
                if (!row.next()) {
                    return OptionalLong.empty();
                }
                dispatcher.nudge();
                return OptionalLong.of(row.getLong(1));
            }
        }
    }
}
