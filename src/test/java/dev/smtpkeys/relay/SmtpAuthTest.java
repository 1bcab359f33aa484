package dev.smtpkeys.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.smtpkeys.keys.KeySecret;
import dev.smtpkeys.support.RelayFixtures;
import dev.smtpkeys.support.SmtpTestClient;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** SMTP AUTH against the keys, one behaviour per test, over real sockets. */
@QuarkusTest
class SmtpAuthTest {

    static final String INVALID = "535 5.7.8 Authentication credentials invalid";

    @Inject
    RelayFixtures fixtures;

    @Test
    void activeKeyAuthenticatesWithPlainAndLogin() throws IOException {
        RelayFixtures.Key key = fixtures.newAccountWithKey("Shop");
        try (SmtpTestClient client = open()) {
            assertTrue(client.ehlo().text().contains("AUTH PLAIN LOGIN"));
            assertEquals("235 2.7.0 Authentication successful", client.authPlain(key.login(), key.secret()).toString());
        }
        try (SmtpTestClient client = open()) {
            client.ehlo();
            assertEquals(235, client.authLogin(key.login(), key.secret()).code());
        }
    }

    @Test
    void everyKindOfWrongCredentialGetsTheSameAnswer() throws IOException {
        RelayFixtures.Key key = fixtures.newAccountWithKey("Shop");
        RelayFixtures.Key other = fixtures.newAccountWithKey("Other");
        RelayFixtures.Key deactivated = fixtures.newAccountWithKey("Old");
        fixtures.deactivate(deactivated);
        RelayFixtures.Key deleted = fixtures.newAccountWithKey("Gone");
        fixtures.delete(deleted);
        String badChecksum = key.secret().substring(0, KeySecret.LENGTH - 1)
                + (key.secret().endsWith("A") ? "B" : "A");

        List<String[]> attempts = List.of(
                new String[] {"nobody@smtp.example.test", key.secret()},              // unknown login
                new String[] {key.login(), KeySecret.generate()},                     // well-formed but unknown key
                new String[] {key.login(), other.secret()},                           // another account's key
                new String[] {key.login(), badChecksum},                              // mistyped: no database work
                new String[] {key.login(), "not-a-key"},                              // not even the format
                new String[] {deactivated.login(), deactivated.secret()},             // inactive key
                new String[] {deleted.login(), deleted.secret()});                    // deleted key
        List<String> answers = new ArrayList<>();
        for (String[] attempt : attempts) {
            try (SmtpTestClient client = open()) {
                client.ehlo();
                answers.add(client.authPlain(attempt[0], attempt[1]).toString());
            }
            try (SmtpTestClient client = open()) {
                client.ehlo();
                answers.add(client.authLogin(attempt[0], attempt[1]).toString());
            }
        }
        answers.forEach(answer -> assertEquals(INVALID, answer));
    }

    @Test
    void mailWithoutAuthIsRefusedSoNothingCanBeRelayed() throws IOException {
        try (SmtpTestClient client = open()) {
            client.ehlo();
            assertEquals(530, client.command("MAIL FROM:<spammer@example.org>").code());
            assertEquals(530, client.command("RCPT TO:<victim@example.net>").code());
            assertEquals(530, client.command("DATA").code());
        }
    }

    @Test
    void failedAuthDoesNotAuthenticateTheSession() throws IOException {
        RelayFixtures.Key key = fixtures.newAccountWithKey("Shop");
        try (SmtpTestClient client = open()) {
            client.ehlo();
            assertEquals(535, client.authPlain(key.login(), KeySecret.generate()).code());
            assertEquals(530, client.command("MAIL FROM:<shop@example.org>").code());
            // a later correct AUTH in the same session works
            assertEquals(235, client.authPlain(key.login(), key.secret()).code());
            assertEquals(250, client.command("MAIL FROM:<shop@example.org>").code());
        }
    }

    @Test
    void repeatedFailuresFromOneIpAreThrottledWhileOtherIpsAreNot() throws IOException {
        RelayFixtures.Key key = fixtures.newAccountWithKey("Shop");
        String attacker = RelayFixtures.freshIp();
        int refusedWith535 = 0;
        SmtpTestClient.Reply last = null;
        for (int i = 0; i < 20 && (last == null || last.code() != 421); i++) {
            try (SmtpTestClient client = SmtpTestClient.connect(fixtures.port(), attacker)) {
                SmtpTestClient.Reply greeting = client.read();
                if (greeting.code() == 421) {
                    last = greeting;
                    break;
                }
                client.ehlo();
                last = client.authPlain(key.login(), KeySecret.generate());
                if (last.code() == 535) {
                    refusedWith535++;
                }
            }
        }
        assertEquals(421, last.code(), "the 10th failure blocks the IP");
        assertTrue(last.text().startsWith("4.7.0"));
        assertEquals(9, refusedWith535);

        // the blocked IP is turned away at the greeting, even with the right key
        try (SmtpTestClient client = SmtpTestClient.connect(fixtures.port(), attacker)) {
            assertEquals(421, client.read().code());
            assertTrue(client.isClosedByServer());
        }
        // everyone else goes on as before
        try (SmtpTestClient client = open()) {
            client.ehlo();
            assertEquals(235, client.authPlain(key.login(), key.secret()).code());
        }
    }

    @Test
    void theBlockingFailureClosesTheSession() throws IOException {
        RelayFixtures.Key key = fixtures.newAccountWithKey("Shop");
        try (SmtpTestClient client = open()) {
            client.ehlo();
            SmtpTestClient.Reply reply = null;
            for (int i = 0; i < 10; i++) {
                reply = client.authPlain(key.login(), KeySecret.generate());
            }
            assertEquals(421, reply.code());
            assertTrue(client.isClosedByServer());
        }
    }

    @Test
    void authAfterStartTlsWorksAndEhloNoLongerOffersStartTls() throws IOException {
        RelayFixtures.Key key = fixtures.newAccountWithKey("Shop");
        try (SmtpTestClient client = open()) {
            assertTrue(client.ehlo().text().contains("STARTTLS"));
            client.startTls();
            String ehlo = client.ehlo().text();
            assertFalse(ehlo.contains("STARTTLS"));
            assertTrue(ehlo.contains("AUTH PLAIN LOGIN"));
            assertTrue(ehlo.contains("SIZE 10485760"));
            assertTrue(ehlo.contains("PIPELINING"));
            assertEquals(235, client.authPlain(key.login(), key.secret()).code());
        }
    }

    @Test
    void successfulAuthIsRecordedAsTheKeysLastUse() throws IOException {
        RelayFixtures.Key key = fixtures.newAccountWithKey("Shop");
        String ip = RelayFixtures.freshIp();
        for (int i = 0; i < 2; i++) {
            try (SmtpTestClient client = SmtpTestClient.open(fixtures.port(), ip)) {
                client.ehlo();
                assertEquals(235, client.authPlain(key.login(), key.secret()).code());
            }
        }
        fixtures.flushUsage();
        var stored = fixtures.load(key);
        assertEquals(2, stored.useCount);
        assertEquals(ip, stored.lastUsedIp);
        assertTrue(stored.lastUsedAt != null);
    }

    private SmtpTestClient open() throws IOException {
        return SmtpTestClient.open(fixtures.port(), RelayFixtures.freshIp());
    }
}
