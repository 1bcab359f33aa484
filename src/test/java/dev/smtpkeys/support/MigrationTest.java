package dev.smtpkeys.support;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A test of one migration: a schema of its own, migrated up to the version before it
 * ({@link #before()}), rows written as they were then, the rest migrated with {@link #migrateAll()},
 * and what came out read back by plain JDBC. The schema is dropped afterwards.
 */
public abstract class MigrationTest {

    protected String schema;

    /** The last version before the migration under test, e.g. {@code "16"}. */
    protected abstract String before();

    @BeforeEach
    void migrateToBefore() {
        schema = TestDatabase.newSchema();
        flyway(before()).migrate();
    }

    @AfterEach
    void dropSchema() {
        TestDatabase.drop(schema);
    }

    protected void migrateAll() {
        flyway(null).migrate();
    }

    protected Connection connect() throws SQLException {
        return TestDatabase.connect(schema);
    }

    private Flyway flyway(String target) {
        var config = Flyway.configure()
                .dataSource(TestDatabase.jdbcUrl(schema), TestDatabase.user(), TestDatabase.password())
                .schemas(schema).locations("classpath:db/migration");
        return (target == null ? config : config.target(target)).load();
    }

    protected static long id(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet row = s.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    protected static void update(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    protected static String text(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet row = s.executeQuery()) {
            assertTrue(row.next(), sql);
            return row.getString(1);
        }
    }

    protected static boolean flag(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet row = s.executeQuery()) {
            assertTrue(row.next(), sql);
            return row.getBoolean(1);
        }
    }
}
