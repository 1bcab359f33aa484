package dev.smtpkeys.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import dev.smtpkeys.support.MigrationTest;

/**
 * V6 takes the English "Master password" out of the database: rows written before it (the master
 * key, its audit lines, its queued messages) come out without a name and with the master flag, so
 * pages show them by the translated label, and other keys' rows are left as they were.
 */
class MasterKeyNameMigrationTest extends MigrationTest {

    @Override
    protected String before() {
        return "5";
    }

    @Test
    void rowsOfTheMasterKeyLoseTheStoredNameAndGainTheFlag() throws SQLException {
        long master;
        long shop;
        try (Connection c = connect()) {
            long account = id(c, "insert into account (name, smtp_login) values ('Old GmbH', 'old@smtp.example.test')"
                    + " returning id");
            master = id(c, "insert into smtp_key (account_id, name, token_hash, suffix, master, secret_encrypted, status)"
                    + " values (" + account + ", 'Master password', '\\x01', 'ab', true, '\\x00', 'ACTIVE') returning id");
            shop = id(c, "insert into smtp_key (account_id, name, token_hash, suffix, master, status)"
                    + " values (" + account + ", 'Shop', '\\x02', 'cd', false, 'ACTIVE') returning id");
            for (long key : new long[] {master, shop}) {
                String name = key == master ? "Master password" : "Shop";
                update(c, "insert into audit_event (account_id, actor_role, action, key_id, key_name, key_suffix)"
                        + " values (" + account + ", 'user', 'KEY_ACTIVATED', " + key + ", '" + name + "', 'xy')");
                update(c, "insert into outbound_message (account_id, key_id, key_name, envelope_from, recipients,"
                        + " size_bytes, raw_mime) values (" + account + ", " + key + ", '" + name
                        + "', 'a@example.org', '{b@example.net}', 1, '\\x00')");
            }
        }

        migrateAll();

        try (Connection c = connect()) {
            assertNull(text(c, "select name from smtp_key where id = " + master));
            assertEquals("Shop", text(c, "select name from smtp_key where id = " + shop));
            for (String table : new String[] {"audit_event", "outbound_message"}) {
                assertNull(text(c, "select key_name from " + table + " where key_id = " + master), table);
                assertTrue(flag(c, "select key_master from " + table + " where key_id = " + master), table);
                assertEquals("Shop", text(c, "select key_name from " + table + " where key_id = " + shop), table);
                assertFalse(flag(c, "select key_master from " + table + " where key_id = " + shop), table);
            }
            // no display text can come back: a master key with a name, or another key without one, is refused
            assertThrows(SQLException.class, () -> update(c, "update smtp_key set name = 'Master' where id = " + master));
            assertThrows(SQLException.class, () -> update(c, "update smtp_key set name = null where id = " + shop));
        }
    }
}
