package dev.smtpkeys.keys;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import dev.smtpkeys.account.Actor;
import dev.smtpkeys.audit.AuditAction;
import dev.smtpkeys.audit.AuditEvent;
import dev.smtpkeys.support.SignedInOwnerTest;
import dev.smtpkeys.support.TestAccounts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/** Rotation with grace over HTTP: the replacement shown once, the old key's deadline, its retirement. */
@QuarkusTest
class KeyRotationTest extends SignedInOwnerTest {

    static final String HOME = "/settings/keys/smtp";

    @Inject
    KeyService keys;

    @Inject
    KeyDeadlines deadlines;

    @Test
    void oldKeyWorksUntilItsDeadlineThenTheSystemRetiresIt() {
        String oldSecret = generate("Shop");
        long oldId = data.keyId(owner.accountId(), "Shop");

        Response rotated = rotate(oldId, "1h");
        rotated.then().statusCode(200).header("Cache-Control", containsString("no-store"));
        String newSecret = Jsoup.parse(rotated.asString()).getElementById("new-key").val();
        assertTrue(KeySecret.isWellFormed(newSecret));
        assertNotEquals(oldSecret, newSecret);
        assertTrue(verifies(oldSecret) && verifies(newSecret), "both work during the grace");

        clock.advance(Duration.ofMinutes(59));
        deadlines.applyDue();
        assertEquals(KeyStatus.ACTIVE, data.status(oldId));
        assertTrue(verifies(oldSecret));

        clock.advance(Duration.ofMinutes(2));
        assertFalse(verifies(oldSecret), "refused from the deadline on, before the job has run");
        assertEquals(KeyStatus.ACTIVE, data.status(oldId));
        deadlines.applyDue();
        assertEquals(KeyStatus.INACTIVE, data.status(oldId));
        assertTrue(verifies(newSecret));

        List<AuditEvent> retired = data.events(owner.accountId(), AuditAction.KEY_RETIRED);
        assertEquals(1, retired.size());
        assertEquals(Actor.SYSTEM_ROLE, retired.get(0).actorRole);
        assertEquals(oldId, retired.get(0).keyId);
        assertEquals(1, data.auditCount(owner.accountId(), AuditAction.KEY_ROTATED));
        long versionAfter = version(oldId);
        deadlines.applyDue();
        assertEquals(versionAfter, version(oldId), "idempotent: a second run changes and audits nothing");
        assertEquals(1, data.auditCount(owner.accountId(), AuditAction.KEY_RETIRED));
    }

    @Test
    void rotatingNowStopsTheOldKeyAtOnce() {
        String oldSecret = generate("Shop");
        long oldId = data.keyId(owner.accountId(), "Shop");
        String newSecret = Jsoup.parse(rotate(oldId, "now").asString()).getElementById("new-key").val();
        assertFalse(verifies(oldSecret));
        assertTrue(verifies(newSecret));
        assertEquals(KeyStatus.INACTIVE, data.status(oldId));
        assertEquals(Actor.SYSTEM_ROLE, data.events(owner.accountId(), AuditAction.KEY_RETIRED).get(0).actorRole);
    }

    @Test
    void firstUseGraceHasNoDeadline() {
        String oldSecret = generate("Shop");
        rotate(data.keyId(owner.accountId(), "Shop"), "first-use").then().statusCode(200);
        clock.advance(Duration.ofDays(400));
        deadlines.applyDue();
        assertEquals(0, data.auditCount(owner.accountId(), AuditAction.KEY_RETIRED));
        assertTrue(verifies(oldSecret), "only the new key's first use ends it (RotationRelayTest)");
    }

    @Test
    void theReplacementKeepsTheNameAndTheTableShowsThePair() {
        generate("Shop");
        long oldId = data.keyId(owner.accountId(), "Shop");
        rotate(oldId, "7d");
        var page = Jsoup.parse(session.get(HOME).asString());
        assertEquals(List.of("Master password", "Shop", "Shop"), page.select("table.keys tbody tr th").eachText());
        var rows = page.select("table.keys tbody tr");
        assertEquals("key-" + oldId, rows.get(1).id(), "the replacement right after the key it replaces");
        assertTrue(rows.get(1).text().contains("Replaced; stops in 7 days"), rows.get(1).text());
        assertTrue(rows.get(2).text().contains("Replaces the key ending in"), rows.get(2).text());
        clock.advance(Duration.ofDays(6).plusHours(1));
        assertTrue(Jsoup.parse(session.get(HOME).asString()).getElementById("key-" + oldId).text()
                .contains("stops in 23 hours"));
    }

    @Test
    void aKeyIsRotatedOnceAndOnlyWhileActive() {
        generate("Shop");
        long oldId = data.keyId(owner.accountId(), "Shop");
        rotate(oldId, "24h").then().statusCode(200);
        assertEquals("The key was already replaced by a new key.", flashAfter(rotate(oldId, "24h")));

        generate("CRM");
        long crm = data.keyId(owner.accountId(), "CRM");
        data.deactivate(owner, crm);
        assertEquals("Only an active key can be rotated. Generate a new key instead.", flashAfter(rotate(crm, "24h")));
        session.get(HOME + "/" + crm + "/rotate").then().statusCode(303);
    }

    @Test
    void anUnknownGraceIsRefusedAndNothingChanges() {
        generate("Shop");
        long oldId = data.keyId(owner.accountId(), "Shop");
        assertEquals("Please choose how long the old key keeps working.", flashAfter(rotate(oldId, "forever")));
        assertEquals(0, data.auditCount(owner.accountId(), AuditAction.KEY_ROTATED));
    }

    @Test
    void aRetiredKeyCannotBeActivatedAgainButCanBeDeleted() {
        generate("Shop");
        long oldId = data.keyId(owner.accountId(), "Shop");
        rotate(oldId, "now");
        session.post(HOME + "/" + oldId + "/activate").then().statusCode(303);
        assertEquals(KeyStatus.INACTIVE, data.status(oldId));
        session.post(HOME + "/" + oldId + "/delete").then().statusCode(303);
        assertFalse(data.keyExists(oldId));
    }

    @Test
    void anotherAccountsKeyCannotBeRotated() {
        TestAccounts.Created other = accounts.create();
        long theirs = data.generateKey(other, "Theirs");
        rotate(theirs, "now").then().statusCode(404);
        session.get(HOME + "/" + theirs + "/rotate").then().statusCode(404);
        assertEquals(KeyStatus.ACTIVE, data.status(theirs));
    }

    /**
     * The master key can be rotated: its replacement becomes the master key, which the eye icon shows
     * from then on; the old one works through its grace and can then be deleted.
     */
    @Test
    void rotatingTheMasterKeyMakesTheReplacementTheRevealedOne() {
        long oldMaster = data.masterId(owner.accountId());
        String oldSecret = revealed();
        String newSecret = Jsoup.parse(rotate(oldMaster, "1h").asString()).getElementById("new-key").val();
        assertEquals(newSecret, revealed());
        assertTrue(verifies(oldSecret) && verifies(newSecret));
        clock.advance(Duration.ofHours(2));
        deadlines.applyDue();
        assertFalse(verifies(oldSecret));
        session.post(HOME + "/" + oldMaster + "/delete").then().statusCode(303);
        assertFalse(data.keyExists(oldMaster));
        // two hours after sign-in the reveal asks for the password first (MasterRevealTest)
        Response again = session.post(HOME + "/master/reveal", "password", TestAccounts.PASSWORD);
        assertEquals(newSecret, Jsoup.parse(again.asString()).getElementById("master-key").val());
    }

    @Test
    void aReplacementOfAnExpiringKeyGetsTheSameLifetime() {
        session.post(HOME, "name", "Shop", "nonce", java.util.UUID.randomUUID().toString(), "expires", "30")
                .then().statusCode(200);
        long oldId = data.keyId(owner.accountId(), "Shop");
        clock.advance(Duration.ofDays(10));
        rotate(oldId, "now");
        SmtpKey fresh = QuarkusTransaction.requiringNew().call(() -> SmtpKey
                .<SmtpKey>find("account.id = ?1 and replacesId = ?2", owner.accountId(), oldId).firstResult());
        assertEquals(Duration.ofDays(30), Duration.between(fresh.createdAt, fresh.expiresAt));
        assertNull(fresh.rotatedAt);
    }

    private String generate(String name) {
        Response created = session.post(HOME, "name", name, "nonce", java.util.UUID.randomUUID().toString());
        created.then().statusCode(200);
        return Jsoup.parse(created.asString()).getElementById("new-key").val();
    }

    private Response rotate(long keyId, String grace) {
        return session.post(HOME + "/" + keyId + "/rotate", "grace", grace);
    }

    private String revealed() {
        Response answer = session.post(HOME + "/master/reveal");
        answer.then().statusCode(200);
        return Jsoup.parse(answer.asString()).getElementById("master-key").val();
    }

    private String flashAfter(Response redirect) {
        redirect.then().statusCode(303);
        return Jsoup.parse(session.get(HOME).asString()).select(".flash").text();
    }

    private static int version(long keyId) {
        return QuarkusTransaction.requiringNew().call(() -> SmtpKey.<SmtpKey>findById(keyId).version);
    }

    private boolean verifies(String secret) {
        return keys.verify(owner.smtpLogin(), secret).isPresent();
    }
}
