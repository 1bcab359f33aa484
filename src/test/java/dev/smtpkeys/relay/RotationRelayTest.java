package dev.smtpkeys.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.smtpkeys.account.Account;
import dev.smtpkeys.account.Actor;
import dev.smtpkeys.audit.AuditAction;
import dev.smtpkeys.keys.KeyDeadlines;
import dev.smtpkeys.keys.KeyRotation;
import dev.smtpkeys.keys.KeyService;
import dev.smtpkeys.keys.KeyStatus;
import dev.smtpkeys.keys.RotationGrace;
import dev.smtpkeys.support.RelayFixtures;
import dev.smtpkeys.support.SmtpTestClient;
import dev.smtpkeys.support.TestClock;
import dev.smtpkeys.support.TestData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** What rotation and expiry mean for a mail client: real SMTP sessions over sockets. */
@QuarkusTest
class RotationRelayTest {

    @Inject
    RelayFixtures fixtures;

    @Inject
    KeyRotation rotation;

    @Inject
    KeyService keys;

    @Inject
    TestData data;

    @Inject
    TestClock clock;

    @Inject
    KeyDeadlines deadlines;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theNewKeysFirstAuthRetiresTheOldKey() throws IOException {
        RelayFixtures.Key old = fixtures.newAccountWithKey("Shop");
        RelayFixtures.Key fresh = rotate(old, RotationGrace.FIRST_USE);

        try (SmtpTestClient client = open()) {
            client.ehlo();
            assertEquals(235, client.authPlain(old.login(), old.secret()).code(), "the old key works on meanwhile");
        }
        assertEquals(KeyStatus.ACTIVE, data.status(old.keyId()));
        try (SmtpTestClient client = open()) {
            client.ehlo();
            assertEquals(235, client.authPlain(fresh.login(), fresh.secret()).code());
            assertEquals(KeyStatus.INACTIVE, data.status(old.keyId()), "switched at the first successful AUTH");
        }
        try (SmtpTestClient client = open()) {
            client.ehlo();
            assertEquals(535, client.authPlain(old.login(), old.secret()).code());
            assertEquals(235, client.authPlain(fresh.login(), fresh.secret()).code());
        }
        assertEquals(1, data.auditCount(old.accountId(), AuditAction.KEY_RETIRED), "once, by the system");
        assertEquals(Actor.SYSTEM_ROLE, data.events(old.accountId(), AuditAction.KEY_RETIRED).get(0).actorRole);
    }

    @Test
    void aFailedAuthWithTheNewKeysLoginDoesNotSwitch() throws IOException {
        RelayFixtures.Key old = fixtures.newAccountWithKey("Shop");
        RelayFixtures.Key fresh = rotate(old, RotationGrace.FIRST_USE);
        try (SmtpTestClient client = open()) {
            client.ehlo();
            assertEquals(535, client.authPlain("someone-else@smtp.example.test", fresh.secret()).code());
        }
        assertEquals(KeyStatus.ACTIVE, data.status(old.keyId()));
    }

    @Test
    void anExpiredKeyIsRefusedAndAnOpenSessionStopsWithTheJob() throws IOException {
        RelayFixtures.Key key = fixtures.newAccountWithKey("Shop");
        expireIn(key, Duration.ofDays(30));
        try (SmtpTestClient client = open()) {
            client.ehlo();
            assertEquals(235, client.authPlain(key.login(), key.secret()).code());
            clock.advance(Duration.ofDays(31));
            try (SmtpTestClient late = open()) {
                late.ehlo();
                assertEquals(535, late.authPlain(key.login(), key.secret()).code());
            }
            deadlines.applyDue();
            assertEquals(KeyStatus.EXPIRED, data.status(key.keyId()));
            client.command("MAIL FROM:<shop@example.org>");
            client.command("RCPT TO:<a@example.net>");
            // the per-message status check refuses what the session would still send
            assertEquals(false, client.data("Subject: late\r\n\r\nHi\r\n").is(250));
        }
    }

    private RelayFixtures.Key rotate(RelayFixtures.Key old, RotationGrace grace) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var created = rotation.rotate(Actor.system(), Account.findById(old.accountId()), old.keyId(), null, grace);
            return new RelayFixtures.Key(old.accountId(), created.key().id, old.login(), created.secret());
        });
    }

    private void expireIn(RelayFixtures.Key key, Duration lifetime) {
        QuarkusTransaction.requiringNew().run(() -> {
            dev.smtpkeys.keys.SmtpKey.update("update SmtpKey set expiresAt = ?1 where id = ?2",
                    clock.instant().plus(lifetime), key.keyId());
        });
    }

    private SmtpTestClient open() throws IOException {
        return SmtpTestClient.open(fixtures.port(), RelayFixtures.freshIp());
    }
}
