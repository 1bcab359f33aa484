package dev.smtpkeys.support;

import java.util.UUID;

import dev.smtpkeys.account.AccountService;
import dev.smtpkeys.account.Actor;
import dev.smtpkeys.account.User;
import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Creates accounts with unique e-mail addresses, so tests never share data. Their users' password is
 * stored as a bcrypt hash of the lowest cost: the suite signs in some hundred times, and at the real
 * cost each sign-in would spend most of its time in bcrypt. Sign-up and the password change keep the
 * real cost (SignupTest, LoginTest).
 */
@ApplicationScoped
public class TestAccounts {

    public static final String PASSWORD = "correct-horse-battery";

    private static final String FAST_HASH = BcryptUtil.bcryptHash(PASSWORD, 4);

    private final AccountService accounts;

    TestAccounts(AccountService accounts) {
        this.accounts = accounts;
    }

    public record Created(long userId, long accountId, String email, String smtpLogin) {
    }

    @Transactional
    public Created create() {
        String email = "user-" + UUID.randomUUID() + "@example.org";
        User user = accounts.createAccount(Actor.system(), "Test Co " + email.substring(5, 13), email, PASSWORD);
        user.passwordHash = FAST_HASH;
        return new Created(user.id, user.account.id, user.email, user.account.smtpLogin);
    }

    @Transactional
    public String createSupport() {
        String email = "support-" + UUID.randomUUID() + "@example.org";
        accounts.createSupportUser(email, PASSWORD).passwordHash = FAST_HASH;
        return email;
    }
}
