package dev.smtpkeys.support;

import java.util.UUID;

import dev.smtpkeys.account.AccountService;
import dev.smtpkeys.account.Actor;
import dev.smtpkeys.account.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Creates accounts with unique e-mail addresses, so tests never share data. */
@ApplicationScoped
public class TestAccounts {

    public static final String PASSWORD = "correct-horse-battery";

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
        return new Created(user.id, user.account.id, user.email, user.account.smtpLogin);
    }

    @Transactional
    public String createSupport() {
        String email = "support-" + UUID.randomUUID() + "@example.org";
        accounts.createSupportUser(email, PASSWORD);
        return email;
    }
}
