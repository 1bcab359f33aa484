package dev.smtpkeys.account;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import javax.sql.DataSource;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The server-side half of a sign-in: a random token in the {@code sid} cookie whose hash must be in
 * {@code user_session} for the form-login cookie to count. Logging out deletes the row, a password
 * change deletes the user's other rows, so a copied cookie stops working at once. Plain JDBC: it runs
 * on every signed-in request and inside the sign-in itself, where no transaction is open.
 */
@ApplicationScoped
public class UserSessions {

    public static final String COOKIE = "sid";

    private final DataSource dataSource;
    private final AccountConfig config;

    UserSessions(DataSource dataSource, AccountConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    /** Records a new session of the user with this e-mail address; answers the cookie's token. */
    public String open(String email) {
        String token = TokenHash.newToken();
        update("insert into user_session (token_hash, user_id) select ?, id from app_user where email = ?",
                TokenHash.sha256(token), email);
        return token;
    }

    /**
     * The user signed in as {@code email} with session {@code token}, with their account, read in one
     * statement with the session: empty when the session is not live or not that user's (or the user is
     * gone). It runs on every signed-in request, so the pages take what they show of the user from here.
     */
    Optional<SignedIn> signedIn(String email, String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                select u.email, u.locale, u.must_change_password, a.id, a.name, a.smtp_login
                  from user_session s join app_user u on u.id = s.user_id left join account a on a.id = u.account_id
                 where s.token_hash = ? and u.email = ? and s.created_at > ?""")) {
            s.setBytes(1, TokenHash.sha256(token));
            s.setString(2, User.normalizeEmail(email));
            s.setObject(3, oldestLive());
            try (ResultSet row = s.executeQuery()) {
                return row.next() ? Optional.of(new SignedIn(row.getString(1), row.getString(2), row.getBoolean(3),
                        row.getObject(4, Long.class), row.getString(5), row.getString(6))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("session lookup failed", e);
        }
    }

    /**
     * When the user of session {@code token} last proved their password: at sign-in, or at the latest
     * confirmation ({@link SudoMode}). Empty for no live session.
     */
    public Optional<Instant> provenAt(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "select greatest(created_at, confirmed_at) from user_session where token_hash = ?")) {
            s.setBytes(1, TokenHash.sha256(token));
            try (ResultSet row = s.executeQuery()) {
                return row.next() ? Optional.of(row.getObject(1, OffsetDateTime.class).toInstant()) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("session lookup failed", e);
        }
    }

    /** Records that the user of session {@code token} confirmed their password at {@code at}. */
    public void confirmed(String token, Instant at) {
        if (token != null && !token.isEmpty()) {
            update("update user_session set confirmed_at = ? where token_hash = ?",
                    OffsetDateTime.ofInstant(at, ZoneOffset.UTC), TokenHash.sha256(token));
        }
    }

    /** Ends the session of {@code token} (logout). */
    public void close(String token) {
        if (token != null && !token.isEmpty()) {
            update("delete from user_session where token_hash = ?", TokenHash.sha256(token));
        }
    }

    /** Ends every session of the user but {@code keep} (password changed). */
    public void closeOthers(long userId, String keep) {
        update("delete from user_session where user_id = ? and token_hash <> ?", userId,
                TokenHash.sha256(keep == null ? "" : keep));
    }

    /** Removes sessions past their maximum age; they no longer count anyway. */
    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeExpired() {
        update("delete from user_session where created_at <= ?", oldestLive());
    }

    private OffsetDateTime oldestLive() {
        return OffsetDateTime.now(ZoneOffset.UTC).minus(config.sessionMaxAge());
    }

    private void update(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("session update failed", e);
        }
    }
}
