package dev.smtpkeys.keys;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import dev.smtpkeys.audit.AuditAction;
import dev.smtpkeys.support.SignedInOwnerTest;
import dev.smtpkeys.support.TestAccounts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Sudo mode: revealing the master key after an older sign-in needs the password again, audited so. */
@QuarkusTest
class MasterRevealTest extends SignedInOwnerTest {

    static final String REVEAL = "/settings/keys/smtp/master/reveal";

    @Test
    void aFreshSignInRevealsWithoutAskingAndTheAuditSaysSo() {
        clock.advance(Duration.ofMinutes(9));
        assertNotNull(secret(session.post(REVEAL)));
        assertEquals(1, data.auditCount(owner.accountId(), AuditAction.MASTER_REVEALED));
        assertEquals(0, data.auditCount(owner.accountId(), AuditAction.MASTER_REVEALED_CONFIRMED));
    }

    @Test
    void anOlderSignInMustConfirmThePasswordFirst() {
        clock.advance(Duration.ofMinutes(11));
        Response asked = session.post(REVEAL);
        asked.then().statusCode(200).header("Cache-Control", containsString("no-store"));
        Document prompt = Jsoup.parse(asked.asString());
        assertNull(prompt.getElementById("master-key"), "no secret before the password");
        assertNotNull(prompt.selectFirst("form[action=" + REVEAL + "] input[type=password][name=password]"));
        assertEquals(0, data.auditCount(owner.accountId(), AuditAction.MASTER_REVEALED));

        Response wrong = session.post(REVEAL, "password", "not-the-password");
        wrong.then().statusCode(400);
        assertNull(Jsoup.parse(wrong.asString()).getElementById("master-key"));
        assertTrue(wrong.asString().contains("The password is not correct."));
        session.post(REVEAL, "password", "").then().statusCode(400);

        assertNotNull(secret(session.post(REVEAL, "password", TestAccounts.PASSWORD)));
        assertEquals(1, data.auditCount(owner.accountId(), AuditAction.MASTER_REVEALED_CONFIRMED));
        assertEquals(0, data.auditCount(owner.accountId(), AuditAction.MASTER_REVEALED));

        // the confirmation counts for the next ten minutes, like a sign-in
        clock.advance(Duration.ofMinutes(9));
        assertNotNull(secret(session.post(REVEAL)));
        assertEquals(1, data.auditCount(owner.accountId(), AuditAction.MASTER_REVEALED));
        clock.advance(Duration.ofMinutes(2));
        assertNull(Jsoup.parse(session.post(REVEAL).asString()).getElementById("master-key"));
    }

    @Test
    void wrongPasswordsArePausedLikeSignIns() {
        clock.advance(Duration.ofMinutes(11));
        Response last = null;
        for (int i = 0; i < 12; i++) {
            last = session.post(REVEAL, "password", "guess-" + i);
        }
        assertTrue(last.asString().contains("Too many wrong passwords."));
        Response right = session.post(REVEAL, "password", TestAccounts.PASSWORD);
        assertNull(Jsoup.parse(right.asString()).getElementById("master-key"), "paused even for the right one");
        assertFalse(right.asString().contains("smtpk_"));
    }

    private static String secret(Response answer) {
        answer.then().statusCode(200);
        var field = Jsoup.parse(answer.asString()).getElementById("master-key");
        return field == null ? null : field.val();
    }
}
