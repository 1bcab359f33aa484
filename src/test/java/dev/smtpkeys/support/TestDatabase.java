package dev.smtpkeys.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A fresh schema for each test run in the real PostgreSQL (DB_URL/DB_USER/DB_PASSWORD, defaulting to
 * localhost), dropped again at the end: runs never see each other's data and can run side by side.
 */
public class TestDatabase implements QuarkusTestResourceLifecycleManager {

    private static final String BASE_URL = env("DB_URL", "jdbc:postgresql://localhost:5432/postgres").replaceAll("\\?.*$", "");
    private static final String USER = env("DB_USER", "postgres");
    private static final String PASSWORD = env("DB_PASSWORD", "");

    private String schema;

    @Override
    public Map<String, String> start() {
        schema = newSchema();
        return Map.of(
                "quarkus.datasource.jdbc.url", BASE_URL + "?currentSchema=" + schema,
                "quarkus.flyway.schemas", schema,
                "quarkus.hibernate-orm.database.default-schema", schema);
    }

    @Override
    public void stop() {
        if (schema != null) {
            execute("drop schema if exists " + schema + " cascade");
        }
    }

    /** A new empty schema, for a test that migrates one itself; {@link #drop} removes it. */
    public static String newSchema() {
        String schema = "test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute("create schema " + schema);
        return schema;
    }

    public static void drop(String schema) {
        execute("drop schema if exists " + schema + " cascade");
    }

    /** A connection to {@code schema}. */
    public static Connection connect(String schema) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(schema), USER, PASSWORD);
    }

    public static String user() {
        return USER;
    }

    public static String password() {
        return PASSWORD;
    }

    /** The JDBC URL of this run's schema, for tests that must talk to the database directly. */
    public static String jdbcUrl(String schema) {
        return BASE_URL + "?currentSchema=" + schema;
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(BASE_URL, USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("test database: " + e.getMessage()
                    + " (is PostgreSQL running on " + BASE_URL + "?)", e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
