package dev.smtpkeys.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import dev.smtpkeys.account.Actor;
import dev.smtpkeys.audit.AuditAction;
import dev.smtpkeys.support.SignedInOwnerTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/** Expiry chosen at generation: verify refuses from the moment on, the key shows "Expired", stays so. */
@QuarkusTest
class KeyExpiryTest extends SignedInOwnerTest {

    static final String HOME = "/settings/keys/smtp";

    @Inject
    KeyService keys;

    @Inject
    KeyDeadlines deadlines;

    @Test
    void anExpiredKeyFailsVerifyIsShownExpiredAndCannotBeActivated() {
        String secret = secretOf(generate("Shop", "30", ""));
        long id = data.keyId(owner.accountId(), "Shop");
        clock.advance(Duration.ofDays(30).minusMinutes(1));
        assertTrue(verifies(secret));

        clock.advance(Duration.ofMinutes(2));
        assertFalse(verifies(secret), "refused at once, before the job has written EXPIRED");
        deadlines.applyDue();
        assertEquals(KeyStatus.EXPIRED, data.status(id));
        assertEquals(Actor.SYSTEM_ROLE, data.events(owner.accountId(), AuditAction.KEY_EXPIRED).get(0).actorRole);

        Document page = Jsoup.parse(session.get(HOME).asString());
        assertTrue(page.getElementById("key-" + id).text().contains("Expired"));

        session.post(HOME + "/" + id + "/activate").then().statusCode(303);
        assertTrue(Jsoup.parse(session.get(HOME).asString()).select(".flash").text()
                .startsWith("The key has expired."));
        assertEquals(KeyStatus.EXPIRED, data.status(id));
        assertFalse(verifies(secret));

        session.post(HOME + "/" + id + "/delete").then().statusCode(303);
        assertFalse(data.keyExists(id));
    }

    @Test
    void anInactiveKeyThatExpiresCannotBeActivatedEvenBeforeTheJobRuns() {
        generate("Shop", "90", "");
        long id = data.keyId(owner.accountId(), "Shop");
        data.deactivate(owner, id);
        clock.advance(Duration.ofDays(91));
        session.post(HOME + "/" + id + "/activate").then().statusCode(303);
        assertEquals(KeyStatus.INACTIVE, data.status(id));
    }

    @Test
    void aKeyExpiresAtTheEndOfTheChosenDate() {
        LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(3);
        String secret = secretOf(generate("Shop", "date", day.toString()));
        clock.advance(Duration.between(clock.instant(), day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())
                .minusSeconds(5));
        assertTrue(verifies(secret));
        clock.advance(Duration.ofSeconds(10));
        assertFalse(verifies(secret));
    }

    @Test
    void aKeyWithoutExpiryKeepsWorking() {
        String secret = secretOf(generate("Shop", "never", ""));
        clock.advance(Duration.ofDays(3650));
        deadlines.applyDue();
        assertTrue(verifies(secret));
    }

    @Test
    void aPastOrMalformedDateIsRefusedBesideTheFieldWithTheInputKept() {
        Response past = generate("Shop", "date", "2020-01-01");
        past.then().statusCode(400);
        Document page = Jsoup.parse(past.asString());
        assertTrue(page.text().contains("The expiry date must be in the future."));
        assertEquals("Shop", page.getElementById("key-name").val());

        Response malformed = generate("Shop", "date", "31.12.2030");
        malformed.then().statusCode(400);
        assertTrue(malformed.asString().contains("a date must look like 2027-03-31"));

        generate("Shop", "12", "").then().statusCode(400);
        assertEquals(0, data.auditCount(owner.accountId(), AuditAction.KEY_GENERATED));
    }

    @Test
    void theGermanPageSaysAbgelaufen() {
        generate("Shop", "30", "");
        clock.advance(Duration.ofDays(31));
        String page = session.language("de").get(HOME).asString();
        assertTrue(page.contains("Abgelaufen"));
    }

    private Response generate(String name, String expires, String date) {
        return session.post(HOME, "name", name, "nonce", UUID.randomUUID().toString(), "expires", expires,
                "expires_on", date);
    }

    private static String secretOf(Response created) {
        created.then().statusCode(200);
        return Jsoup.parse(created.asString()).getElementById("new-key").val();
    }

    private boolean verifies(String secret) {
        return keys.verify(owner.smtpLogin(), secret).isPresent();
    }
}
