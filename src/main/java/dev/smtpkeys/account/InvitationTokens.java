package dev.smtpkeys.account;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The set-password tokens of invitations ({@code account_invitation}): 256 random bits, only their
 * SHA-256 stored, one live token per user. Always inside the caller's transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
class InvitationTokens {

    /** 32 bytes in base64url without padding. */
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final EntityManager em;
    private final AccountConfig config;
    private final Clock clock;

    InvitationTokens(EntityManager em, AccountConfig config, Clock clock) {
        this.em = em;
        this.config = config;
        this.clock = clock;
    }

    /** A new token for {@code user}, replacing any earlier one, so an older link stops working. */
    IssuedInvitation issue(User user) {
        String token = TokenHash.newToken();
        Instant now = clock.instant();
        Instant expires = now.plus(config.inviteValidFor());
        em.createNativeQuery("insert into account_invitation (user_id, token_hash, expires_at, sent_at)"
                + " values (?1, ?2, ?3, ?4) on conflict (user_id) do update"
                + " set token_hash = excluded.token_hash, expires_at = excluded.expires_at, sent_at = excluded.sent_at")
                .setParameter(1, user.id).setParameter(2, TokenHash.sha256(token))
                .setParameter(3, utc(expires)).setParameter(4, utc(now)).executeUpdate();
        return new IssuedInvitation(user, token, expires);
    }

    /** The user whose live (known, unused, unexpired) token this is. */
    Optional<User> user(String token) {
        if (!wellFormed(token)) {
            return Optional.empty();
        }
        List<?> ids = em.createNativeQuery("select user_id from account_invitation where token_hash = ?1 and expires_at > ?2")
                .setParameter(1, TokenHash.sha256(token)).setParameter(2, utc(clock.instant())).getResultList();
        return ids.isEmpty() ? Optional.empty() : Optional.ofNullable(User.findById(((Number) ids.get(0)).longValue()));
    }

    /**
     * Uses the token up: true for exactly one caller, however many try at once (the row is deleted by
     * one statement; a parallel delete waits for it and then finds nothing).
     */
    boolean consume(String token, long userId) {
        return em.createNativeQuery("delete from account_invitation where token_hash = ?1 and user_id = ?2 and expires_at > ?3")
                .setParameter(1, TokenHash.sha256(token)).setParameter(2, userId).setParameter(3, utc(clock.instant()))
                .executeUpdate() == 1;
    }

    private static boolean wellFormed(String token) {
        return token != null && FORMAT.matcher(token).matches();
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
