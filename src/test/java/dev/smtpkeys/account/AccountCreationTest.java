package dev.smtpkeys.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import dev.smtpkeys.audit.AuditAction;
import dev.smtpkeys.audit.AuditEvent;
import dev.smtpkeys.keys.SmtpKey;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Every way an account comes to be (sign-up, support's form, and the path of the dev seed and the
 * tests) gives it its master key and its audit line in the same transaction, through
 * {@link AccountCreated}; a failure anywhere in it leaves nothing behind.
 */
@QuarkusTest
class AccountCreationTest {

    static final String PASSWORD = "a-long-enough-password";

    @Inject
    AccountService accounts;

    /** The three ways, each answering the new user's e-mail address. */
    private List<Function<String, String>> ways() {
        return List.of(
                company -> accounts.signUp(company, fresh(), PASSWORD, PASSWORD, "127.0.0.1").email,
                company -> accounts.createForCustomer(Actor.system(), company, fresh(), null).user().email,
                company -> accounts.createAccount(Actor.system(), company, fresh(), PASSWORD).email);
    }

    @Test
    void aNewAccountHasItsMasterKeyAndItsAuditLine() {
        for (Function<String, String> way : ways()) {
            String email = QuarkusTransaction.requiringNew().call(() -> way.apply("Complete Ltd"));
            QuarkusTransaction.requiringNew().run(() -> {
                Account account = User.findByEmail(email).orElseThrow().account;
                List<SmtpKey> keys = SmtpKey.listOwned(account);
                assertEquals(1, keys.size());
                assertTrue(keys.get(0).master);
                assertNull(keys.get(0).name, "the master key stores no display text");
                assertEquals(1, AuditEvent.count("account = ?1 and action = ?2", account, AuditAction.ACCOUNT_CREATED));
            });
        }
    }

    @Test
    void aFailureAfterTheMasterKeyRollsTheWholeAccountBack() {
        for (Function<String, String> way : ways()) {
            long accounts = count();
            assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew()
                    .call(() -> way.apply(FailingAccountObserver.FAILING_COMPANY)));
            assertEquals(accounts, count());
            QuarkusTransaction.requiringNew().run(() -> {
                assertEquals(0, Account.count("name", FailingAccountObserver.FAILING_COMPANY));
                assertEquals(0, SmtpKey.count("account.name", FailingAccountObserver.FAILING_COMPANY));
                assertEquals(0, AuditEvent.count("account.name", FailingAccountObserver.FAILING_COMPANY));
            });
        }
    }

    private static long count() {
        return QuarkusTransaction.requiringNew().call(() -> Account.count() + User.count() + SmtpKey.count());
    }

    private static String fresh() {
        return "creation-" + UUID.randomUUID() + "@example.org";
    }
}
