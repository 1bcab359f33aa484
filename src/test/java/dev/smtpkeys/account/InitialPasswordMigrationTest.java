package dev.smtpkeys.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import dev.smtpkeys.support.MigrationTest;
import io.quarkus.elytron.security.common.BcryptUtil;

/**
 * V17 closes the hole for accounts opened before it: an initial password that support was shown, and
 * the user had not yet changed, stops working, and so do the sessions made with it. Users who chose
 * their own password keep it.
 */
class InitialPasswordMigrationTest extends MigrationTest {

    @Override
    protected String before() {
        return "16";
    }

    @Test
    void theInitialPasswordSupportSawStopsWorkingAndItsSessionsEnd() throws SQLException {
        String initial = "k3RtZ-9aPqe-Hm2xW-c7JdN";
        String chosenHash = BcryptUtil.bcryptHash("chosen-by-the-user-1", 4);
        long invited;
        long settled;
        try (Connection c = connect()) {
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

        migrateAll();

        try (Connection c = connect()) {
            String hash = text(c, "select password_hash from app_user where id = " + invited);
            assertFalse(BcryptUtil.matches(initial, hash), "the initial password no longer signs in");
            assertTrue(hash.startsWith("$2a$10$"), "a bcrypt hash of the usual cost: sign-in takes the usual time");
            assertEquals("0", text(c, "select count(*) from user_session where user_id = " + invited));
            assertEquals(chosenHash, text(c, "select password_hash from app_user where id = " + settled));
            assertEquals("1", text(c, "select count(*) from user_session where user_id = " + settled));
        }
    }
}
