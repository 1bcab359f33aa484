package dev.smtpkeys.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import dev.smtpkeys.support.MigrationTest;

/**
 * V19 gives the client IPs and allowlist rows their key's account, which the SMTP tab reads them by:
 * rows written before it come out with the account of their key, and a row without one is refused.
 */
class KeySideTablesMigrationTest extends MigrationTest {

    @Override
    protected String before() {
        return "18";
    }

    @Test
    void rowsWrittenBeforeGetTheirKeysAccount() throws SQLException {
        long first;
        long second;
        long key;
        long other;
        try (Connection c = connect()) {
            first = id(c, "insert into account (name, smtp_login) values ('One', 'one@smtp.example.test') returning id");
            second = id(c, "insert into account (name, smtp_login) values ('Two', 'two@smtp.example.test') returning id");
            key = id(c, "insert into smtp_key (account_id, name, token_hash, suffix, master, status)"
                    + " values (" + first + ", 'Shop', '\\x01', 'ab', false, 'ACTIVE') returning id");
            other = id(c, "insert into smtp_key (account_id, name, token_hash, suffix, master, status)"
                    + " values (" + second + ", 'CRM', '\\x02', 'cd', false, 'ACTIVE') returning id");
            for (long k : new long[] {key, other}) {
                update(c, "insert into smtp_key_client_ip (key_id, ip, last_seen_at) values (" + k + ", '192.0.2.7', now())");
                update(c, "insert into smtp_key_allowed_network (key_id, network) values (" + k + ", '192.0.2.0/24')");
            }
        }

        migrateAll();

        try (Connection c = connect()) {
            for (String table : new String[] {"smtp_key_client_ip", "smtp_key_allowed_network"}) {
                assertEquals(first, id(c, "select account_id from " + table + " where key_id = " + key), table);
                assertEquals(second, id(c, "select account_id from " + table + " where key_id = " + other), table);
            }
            assertThrows(SQLException.class, () -> update(c,
                    "insert into smtp_key_client_ip (key_id, ip, last_seen_at) values (" + key + ", '192.0.2.8', now())"));
        }
    }
}
