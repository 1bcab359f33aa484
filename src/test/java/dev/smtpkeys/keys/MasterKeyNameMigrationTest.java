package dev.smtpkeys.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.smtpkeys.support.TestDatabase;

/**
 * V6 takes the English "Master password" out of the database: rows written before it (the master
 * key, its audit lines, its queued messages) come out without a name and with the master flag, so
 * pages show them by the translated label, and other keys' rows are left as they were.
 */
class MasterKeyNameMigrationTest {

    private String schema;

    @BeforeEach
    void migrateToV5() {
        schema = TestDatabase.newSchema();
        flyway("5").migrate();
    }

    @AfterEach
    void dropSchema() {
        TestDatabase.drop(schema);
    }

    @Test
    void rowsOfTheMasterKeyLoseTheStoredNameAndGainTheFlag() throws SQLException {
        long master;
        long shop;
        try (Connection c = TestDatabase.connect(schema)) {
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

        flyway(null).migrate();

        try (Connection c = TestDatabase.connect(schema)) {
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

    private Flyway flyway(String target) {
        var config = Flyway.configure()
                .dataSource(TestDatabase.jdbcUrl(schema), TestDatabase.user(), TestDatabase.password())
                .schemas(schema).locations("classpath:db/migration");
        return (target == null ? config : config.target(target)).load();
    }

    private static long id(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet row = s.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static void update(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    private static String text(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet row = s.executeQuery()) {
            assertTrue(row.next(), sql);
            return row.getString(1);
        }
    }

    private static boolean flag(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet row = s.executeQuery()) {
            assertTrue(row.next(), sql);
            return row.getBoolean(1);
        }
    }
}
