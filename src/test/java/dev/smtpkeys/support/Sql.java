package dev.smtpkeys.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

/** One statement by plain JDBC, for fixtures that set or read rows as no use case of the app does. */
public final class Sql {

    /** Reads the current row of a result. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    private Sql() {
    }

    public static void update(DataSource dataSource, String sql, Object... values) {
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement(sql)) {
            bind(update, values);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The query's first row as {@code reader} reads it, or {@code none} when there is no row. */
    public static <T> T first(DataSource dataSource, String sql, RowReader<T> reader, T none, Object... values) {
        return query(dataSource, sql, reader, false, none, values);
    }

    /** The query's first row as {@code reader} reads it; there must be one. */
    public static <T> T one(DataSource dataSource, String sql, RowReader<T> reader, Object... values) {
        return query(dataSource, sql, reader, true, null, values);
    }

    private static <T> T query(DataSource dataSource, String sql, RowReader<T> reader, boolean required, T none,
            Object... values) {
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(sql)) {
            bind(select, values);
            try (ResultSet row = select.executeQuery()) {
                if (row.next()) {
                    return reader.read(row);
                }
                if (required) {
                    throw new IllegalStateException("no row for: " + sql);
                }
                return none;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void bind(PreparedStatement statement, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            statement.setObject(i + 1, values[i]);
        }
    }
}
