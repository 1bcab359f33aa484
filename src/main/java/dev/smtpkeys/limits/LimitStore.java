package dev.smtpkeys.limits;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The counters of every {@link Limit}, in PostgreSQL's {@code limit_counter}, so that all instances
 * count together. A hit is one statement, {@code INSERT … ON CONFLICT … DO UPDATE … RETURNING}: the
 * row lock makes parallel hits on one subject count one after the other, never past the limit.
 * Nothing is held in memory. Usable with or without a caller's transaction.
 */
@ApplicationScoped
public class LimitStore {

    /** One hit of a {@link #takeAll} sequence; {@code counted} only counts, it is never refused. */
    public record Step(Limit limit, String subject, boolean countedOnly) {
    }

    private final DataSource dataSource;
    private final Clock clock;

    @Inject
    LimitStore(DataSource dataSource) {
        this(dataSource, Clock.systemUTC());
    }

    /** A store on {@code dataSource} that tells time by {@code clock} (tests move it). */
    public LimitStore(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** The time every hit is counted at. */
    public Instant now() {
        // PostgreSQL keeps microseconds
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** Counts one hit, even past the limit, and answers the count. */
    public Counter hit(Limit limit, String subject) {
        try (Connection connection = dataSource.getConnection()) {
            return upsert(connection, LimitSql.HIT, limit, subject).orElseThrow();
        } catch (SQLException e) {
            throw new LimitStoreException(e);
        }
    }

    /**
     * Counts one hit only if the subject has room under {@code limit} (not blocked, below the maximum);
     * empty when it had none, and then nothing was counted.
     */
    public Optional<Counter> take(Limit limit, String subject) {
        try (Connection connection = dataSource.getConnection()) {
            return upsert(connection, LimitSql.TAKE, limit, subject);
        } catch (SQLException e) {
            throw new LimitStoreException(e);
        }
    }

    /**
     * Takes from every step in one transaction, all or nothing: the first step without room rolls the
     * others back and is answered; empty when every step was counted.
     */
    public Optional<Step> takeAll(List<Step> steps) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                try (Connection connection = dataSource.getConnection()) {
                    for (Step step : steps) {
                        if (upsert(connection, step.countedOnly() ? LimitSql.HIT : LimitSql.TAKE, step.limit(),
                                step.subject()).isEmpty()) {
                            throw new NoRoom(step);
                        }
                    }
                } catch (SQLException e) {
                    throw new LimitStoreException(e);
                }
            });
            return Optional.empty();
        } catch (NoRoom refused) {
            return Optional.of(refused.step);
        }
    }

    /** Rolls a {@link #takeAll} back: a step had no room. */
    private static final class NoRoom extends RuntimeException {
        private final transient Step step;

        NoRoom(Step step) {
            super(null, null, false, false);
            this.step = step;
        }
    }

    /** The subject's count, if it has one whose window has not ended. */
    public Optional<Counter> peek(Limit limit, String subject) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(LimitSql.PEEK)) {
            select.setString(1, limit.purpose());
            select.setString(2, key(subject));
            select.setObject(3, at(now()));
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(counter(row)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new LimitStoreException(e);
        }
    }

    /** Takes one hit back (an attempt counted in advance that turned out well). */
    public void giveBack(Limit limit, String subject) {
        update(LimitSql.GIVE_BACK, limit, subject);
    }

    /** Forgets the subject's count and any block. */
    public void forget(Limit limit, String subject) {
        update(LimitSql.FORGET, limit, subject);
    }

    /** Deletes up to {@code batch} rows whose window has ended; answers how many. */
    public int purgeExpired(int batch) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(LimitSql.PURGE)) {
            OffsetDateTime now = at(now());
            delete.setObject(1, now);
            delete.setInt(2, batch);
            delete.setObject(3, now);
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new LimitStoreException(e);
        }
    }

    private Optional<Counter> upsert(Connection connection, LimitSql.Named sql, Limit limit, String subject)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql.jdbc())) {
            sql.bind(statement, name -> switch (name) {
                case "purpose" -> limit.purpose();
                case "subject" -> key(subject);
                case "now" -> at(now());
                case "max" -> limit.max();
                case "window_ms" -> limit.window().toMillis();
                case "block_ms" -> limit.block().toMillis();
                case "free" -> limit.free();
                case "base_ms" -> limit.base().toMillis();
                case "cap_ms" -> limit.cap().toMillis();
                default -> throw new IllegalArgumentException(name);
            });
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(counter(row)) : Optional.empty();
            }
        }
    }

    private void update(String sql, Limit limit, String subject) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, limit.purpose());
            statement.setString(2, key(subject));
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new LimitStoreException(e);
        }
    }

    private static Counter counter(ResultSet row) throws SQLException {
        OffsetDateTime blocked = row.getObject("blocked_until", OffsetDateTime.class);
        return new Counter(row.getInt("hits"), row.getObject("window_end", OffsetDateTime.class).toInstant(),
                blocked == null ? null : blocked.toInstant());
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** Subjects are stored as they are up to 128 characters, longer ones (anything typed) by their hash. */
    static String key(String subject) {
        String value = subject == null ? "" : subject;
        if (value.length() <= 128) {
            return value;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
