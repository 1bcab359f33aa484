package dev.smtpkeys.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import io.quarkus.elytron.security.common.BcryptUtil;

/**
 * V17 closes the hole for accounts opened before it: an initial password that support was shown, and
 * the user had not yet changed, stops working, and so do the sessions made with it. Users who chose
 * their own password keep it.
 */
class InitialPasswordMigrationTest {

    private String schema;

    @BeforeEach
    void migrateToV16() {
        schema = TestDatabase.newSchema();
        flyway("16").migrate();
    }

    @AfterEach
    void dropSchema() {
        TestDatabase.drop(schema);
    }

    @Test
    void theInitialPasswordSupportSawStopsWorkingAndItsSessionsEnd() throws SQLException {
        String initial = "k3RtZ-9aPqe-Hm2xW-c7JdN";
        String chosenHash = BcryptUtil.bcryptHash("chosen-by-the-user-1", 4);
        long invited;
        long settled;
        try (Connection c = TestDatabase.connect(schema)) {
            long account = id(c, "insert into account (name, smtp_login) values ('Old GmbH', 'old@smtp.example.test')"
                    + " returning id");
            invited = id(c, "insert into app_user (email, password_hash, role, account_id, must_change_password)"
                    + " values ('phone@example.org', '" + BcryptUtil.bcryptHash(initial, 4) + "', 'user', " + account
                    + ", true) returning id");
            settled = id(c, "insert into app_user (email, password_hash, role, account_id) values ('own@example.org', '"
                    + chosenHash + "', 'user', " + account + ") returning id");
            update(c, "insert into user_session (token_hash, user_id) values ('\\x01', " + invited + "), ('\\x02', "
                    + settled + ")");
        }

        flyway(null).migrate();

        try (Connection c = TestDatabase.connect(schema)) {
            String hash = text(c, "select password_hash from app_user where id = " + invited);
            assertFalse(BcryptUtil.matches(initial, hash), "the initial password no longer signs in");
            assertTrue(hash.startsWith("$2a$10$"), "a bcrypt hash of the usual cost: sign-in takes the usual time");
            assertEquals("0", text(c, "select count(*) from user_session where user_id = " + invited));
            assertEquals(chosenHash, text(c, "select password_hash from app_user where id = " + settled));
            assertEquals("1", text(c, "select count(*) from user_session where user_id = " + settled));
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
}
