package dev.smtpkeys.keys;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import dev.smtpkeys.sending.SendingLimits;
import dev.smtpkeys.sending.SendingUsage;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * What the SMTP tab shows of the database, read in one round trip: the account's keys in order, each
 * with its client IPs (newest first) and its allowlist, in one query, sent together with the account's
 * sending usage ({@link SendingLimits#USAGE}). The keys are plain objects, not managed entities: the
 * page only reads them, and Hibernate has nothing to load lazily or to check.
 */
record KeyTable(List<SmtpKey> keys, Map<Long, List<ClientIp>> clientIps, Map<Long, List<String>> networks,
        SendingUsage sending) {

    // IPs and networks hold neither ',' nor ' ', so they travel as one aggregated text per key; each side
    // table is read by the account (one index range scan), not probed once per key
    static final String SQL = """
            select k.id, k.master, k.name, k.suffix, k.status, k.created_at, k.last_used_at, k.last_used_ip,
                   k.use_count, k.expires_at, k.rotated_at, k.retire_at, k.replaces_id, k.version, c.ips, n.networks
              from smtp_key k
              left join (select c.key_id,
                                string_agg(c.ip || ' ' || (extract(epoch from c.last_seen_at) * 1000000)::bigint, ','
                                           order by c.last_seen_at desc, c.ip) as ips
                           from smtp_key_client_ip c where c.account_id = ? group by c.key_id) c on c.key_id = k.id
              left join (select n.key_id, string_agg(n.network::text, ',' order by n.id) as networks
                           from smtp_key_allowed_network n where n.account_id = ? group by n.key_id) n on n.key_id = k.id
             where k.account_id = ?
             order by k.master desc, k.created_at, k.id""";

    /**
     * The account's table. Plain JDBC, as Hibernate would map the untyped row anew on every execution;
     * from the pool, which inside a transaction answers with the transaction's own connection, flushed
     * first as a native query would be, so an answer in the same transaction shows what it changed.
     * Not Hibernate's doReturningWork: outside a transaction it keeps the connection to the end of the
     * request.
     */
    static KeyTable of(DataSource dataSource, long accountId, SendingLimits sending) {
        // asked of the transaction, not of Hibernate: a page view without one then opens no session
        if (QuarkusTransaction.isActive()) {
            SmtpKey.getSession().flush();
        }
        try (Connection connection = dataSource.getConnection()) {
            return read(connection, accountId, sending);
        } catch (SQLException e) {
            throw new IllegalStateException("key table lookup failed", e);
        }
    }

    /**
     * The table of account {@code accountId} with its sending usage, in one round trip on
     * {@code connection}: the driver sends both statements before it waits for an answer.
     */
    static KeyTable read(Connection connection, long accountId, SendingLimits sending) throws SQLException {
        List<SmtpKey> keys = new ArrayList<>();
        Map<Long, List<ClientIp>> clientIps = new HashMap<>();
        Map<Long, List<String>> networks = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(SQL + ";\n" + SendingLimits.USAGE)) {
            // the account, three times in the table's statement and once in the usage's
            for (int parameter = 1; parameter <= 4; parameter++) {
                select.setLong(parameter, accountId);
            }
            select.execute();
            try (ResultSet row = select.getResultSet()) {
                while (row.next()) {
                    SmtpKey key = key(row);
                    keys.add(key);
                    String ips = row.getString(15);
                    if (ips != null) {
                        clientIps.put(key.id, clientIps(ips));
                    }
                    String allowed = row.getString(16);
                    if (allowed != null) {
                        List<String> shown = new ArrayList<>();
                        for (String network : allowed.split(",")) {
                            shown.add(Networks.display(network));
                        }
                        networks.put(key.id, shown);
                    }
                }
            }
            if (!select.getMoreResults()) {
                throw new SQLException("the sending usage did not come with the key table");
            }
            try (ResultSet row = select.getResultSet()) {
                return new KeyTable(keys, clientIps, networks, sending.usage(row));
            }
        }
    }

    private static SmtpKey key(ResultSet row) throws SQLException {
        SmtpKey key = new SmtpKey();
        key.id = row.getLong(1);
        key.master = row.getBoolean(2);
        key.name = row.getString(3);
        key.suffix = row.getString(4);
        key.status = KeyStatus.valueOf(row.getString(5));
        key.createdAt = instant(row, 6);
        key.lastUsedAt = instant(row, 7);
        key.lastUsedIp = row.getString(8);
        key.useCount = row.getLong(9);
        key.expiresAt = instant(row, 10);
        key.rotatedAt = instant(row, 11);
        key.retireAt = instant(row, 12);
        key.replacesId = row.getObject(13, Long.class);
        key.version = row.getInt(14);
        return key;
    }

    private static List<ClientIp> clientIps(String aggregated) {
        List<ClientIp> ips = new ArrayList<>();
        for (String seen : aggregated.split(",")) {
            int space = seen.indexOf(' ');
            long micros = Long.parseLong(seen.substring(space + 1));
            ips.add(new ClientIp(seen.substring(0, space),
                    Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1000L)));
        }
        return ips;
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime time = row.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }
}
