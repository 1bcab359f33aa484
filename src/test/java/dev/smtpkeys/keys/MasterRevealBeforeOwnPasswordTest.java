package dev.smtpkeys.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.smtpkeys.account.Account;
import dev.smtpkeys.account.Actor;
import dev.smtpkeys.account.User;
import dev.smtpkeys.support.NewOwnerTest;
import dev.smtpkeys.support.TestAccounts;
import dev.smtpkeys.support.WebSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/**
 * The master key is revealed only once the user chose their own password: not with the initial
 * password support set (and read), whatever path the request takes.
 */
@QuarkusTest
class MasterRevealBeforeOwnPasswordTest extends NewOwnerTest {

    @Inject
    KeyService keys;

    @Test
    void withThePasswordSupportSetTheMasterKeyIsNotRevealed() {
        setMustChange(owner.userId(), true);
        KeyException refused = assertThrows(KeyException.class, () -> reveal(owner));
        assertEquals(KeyProblem.PASSWORD_NOT_CHOSEN, refused.problem());

        setMustChange(owner.userId(), false); // the user chose their own
        assertTrue(reveal(owner).startsWith("smtpk_"));
    }

    @Test
    void theRevealPostWithTheInitialPasswordShowsNoSecret() {
        WebSession session = WebSession.signIn(owner.email(), TestAccounts.PASSWORD);
        String token = session.csrfToken();
        setMustChange(owner.userId(), true);
        Response answer = session.postRaw("/settings/keys/smtp/master/reveal", java.util.Map.of("csrf-token", token));
        assertEquals(303, answer.statusCode());
        assertFalse(answer.asString().contains("smtpk_"));
    }

    private String reveal(TestAccounts.Created owner) {
        return QuarkusTransaction.requiringNew().call(() -> keys.revealMaster(
                Actor.of(User.findById(owner.userId()), "127.0.0.1"), Account.findById(owner.accountId())));
    }

    private static void setMustChange(long userId, boolean mustChange) {
        QuarkusTransaction.requiringNew().run(() -> User.<User>findById(userId).mustChangePassword = mustChange);
    }
}
