package dev.smtpkeys.relay;

import static dev.smtpkeys.support.Waits.waitFor;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.subethamail.wiser.WiserMessage;

import dev.smtpkeys.outbound.MessageStatus;
import dev.smtpkeys.outbound.OutboundMessage;
import dev.smtpkeys.support.RelayFixtures;
import dev.smtpkeys.support.SmtpTestClient;
import dev.smtpkeys.support.TestUpstream;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** Mail transactions through the relay: what is queued, what is refused, and what is delivered. */
@QuarkusTest
class SmtpMessageTest {

    @Inject
    RelayFixtures fixtures;

    @Test
    void acceptedMessageIsQueuedWithItsEnvelopeAndDeliveredUpstream() throws Exception {
        RelayFixtures.Key key = fixtures.newAccountWithKey("Shop");
        String to = "buyer-" + UUID.randomUUID() + "@example.net";
        try (SmtpTestClient client = fixtures.authenticated(key)) {
            SmtpTestClient.Reply reply = client.send("shop@example.org", List.of(to), RelayFixtures.message("Your order"));
            assertEquals(250, reply.code());
            assertTrue(reply.text().startsWith("2.0.0 Ok: queued as "));
            // committed before the 250: visible at once
            List<OutboundMessage> stored = fixtures.messages(key);
            assertEquals(1, stored.size());
            OutboundMessage message = stored.get(0);
            assertEquals("shop@example.org", message.envelopeFrom);
            assertArrayEquals(new String[] {to}, message.recipients);
            assertEquals("Your order", message.subject);
            assertEquals("Shop", message.keyName);
            assertEquals(key.accountId(), message.account.id);
        }
        waitFor(() -> !TestUpstream.messagesTo(to).isEmpty());
        WiserMessage delivered = TestUpstream.messagesTo(to).get(0);
        assertEquals("shop@example.org", delivered.getEnvelopeSender());
        assertEquals("Your order", delivered.getMimeMessage().getSubject());
        assertTrue(new String(delivered.getData()).contains("Hello."));
        waitFor(() -> fixtures.messages(key).get(0).status == MessageStatus.SENT);
        assertTrue(fixtures.messages(key).get(0).sentAt != null);
    }

    @Test
    void theMasterKeyCanSendAndItsMessagesNameNoKey() throws IOException {
        RelayFixtures.Key master = fixtures.newAccountWithMasterKey();
        try (SmtpTestClient client = fixtures.authenticated(master)) {
            assertEquals(250, client.send("shop@example.org", List.of("a@example.net"), RelayFixtures.message("m")).code());
        }
        OutboundMessage stored = fixtures.messages(master).get(0);
        // the sent-mail page shows it by the master key's label, in the reader's language
        assertTrue(stored.keyMaster);
        assertNull(stored.keyName);
    }

    @Test
    void severalMessagesInOneSession() throws IOException {
        RelayFixtures.Key key = fixtures.newAccountWithKey("Shop");
        try (SmtpTestClient client = fixtures.authenticated(key)) {
            for (int i = 0; i < 3; i++) {
                assertEquals(250, client.send("shop@example.org", List.of("a@example.net", "b@example.net"),
                        RelayFixtures.message("n" + i)).code());
            }
        }
        assertEquals(3, fixtures.messages(key).size());
    }

    @Test
    void keyDeactivatedMidSessionCanSendNothingMoreAndTheSessionEnds() throws IOException {
        RelayFixtures.Key key = fixtures.newAccountWithKey("Shop");
        try (SmtpTestClient client = fixtures.authenticated(key)) {
            assertEquals(250, client.send("shop@example.org", List.of("a@example.net"), RelayFixtures.message("first")).code());
            fixtures.deactivate(key);
            SmtpTestClient.Reply second = client.send("shop@example.org", List.of("a@example.net"), RelayFixtures.message("second"));
            assertEquals("535 5.7.8 Authentication credentials invalid", second.toString());
            assertTrue(client.isClosedByServer());
        }
        assertEquals(1, fixtures.messages(key).size());
    }

    @Test
    void keyDeletedMidSessionCanSendNothingMore() throws IOException {
        RelayFixtures.Key key = fixtures.newAccountWithKey("Shop");
        try (SmtpTestClient client = fixtures.authenticated(key)) {
            fixtures.delete(key);
            assertEquals(535, client.send("shop@example.org", List.of("a@example.net"), RelayFixtures.message("x")).code());
        }
        assertEquals(0, fixtures.messages(key).size());
    }

    @Test
    void reactivatedKeyWorksAgain() throws IOException {
        RelayFixtures.Key key = fixtures.newAccountWithKey("Shop");
        fixtures.deactivate(key);
        try (SmtpTestClient client = SmtpTestClient.open(fixtures.port(), RelayFixtures.freshIp())) {
            client.ehlo();
            assertEquals(535, client.authPlain(key.login(), key.secret()).code());
        }
        fixtures.activate(key);
        try (SmtpTestClient client = fixtures.authenticated(key)) {
            assertEquals(250, client.send("shop@example.org", List.of("a@example.net"), RelayFixtures.message("back")).code());
        }
    }

    @Test
    void messageOverTheSizeLimitIsRefusedAndTheSessionGoesOn() throws IOException {
        RelayFixtures.Key key = fixtures.newAccountWithKey("Shop");
        try (SmtpTestClient client = fixtures.authenticated(key)) {
            assertEquals("552 5.3.4 Message size exceeds fixed limit",
                    client.command("MAIL FROM:<shop@example.org> SIZE=20000000").toString());
            String big = RelayFixtures.message("big") + ("x".repeat(998) + "\r\n").repeat(10_600);
            SmtpTestClient.Reply reply = client.send("shop@example.org", List.of("a@example.net"), big);
            assertEquals(552, reply.code());
            assertTrue(reply.text().startsWith("5.3.4"));
            // the transaction is over; the session is not
            assertEquals(250, client.send("shop@example.org", List.of("a@example.net"), RelayFixtures.message("small")).code());
        }
        assertEquals(1, fixtures.messages(key).size());
    }

    @Test
    void recipientsBeyondTheLimitAreRefusedWith452() throws IOException {
        RelayFixtures.Key key = fixtures.newAccountWithKey("Shop");
        try (SmtpTestClient client = fixtures.authenticated(key)) {
            assertEquals(250, client.command("MAIL FROM:<shop@example.org>").code());
            for (int i = 0; i < 100; i++) {
                assertEquals(250, client.command("RCPT TO:<r" + i + "@example.net>").code());
            }
            assertEquals("452 4.5.3 Too many recipients", client.command("RCPT TO:<r100@example.net>").toString());
            assertEquals(354, client.command("DATA").code());
            assertEquals(250, client.data(RelayFixtures.message("many")).code());
        }
        assertEquals(100, fixtures.messages(key).get(0).recipients.length);
    }

    @Test
    void malformedAddressesAreRefused() throws IOException {
        RelayFixtures.Key key = fixtures.newAccountWithKey("Shop");
        try (SmtpTestClient client = fixtures.authenticated(key)) {
            assertEquals(553, client.command("MAIL FROM:<not an address>").code());
            assertEquals(553, client.command("MAIL FROM:<>").code());
            SmtpTestClient.Reply noDomain = client.command("MAIL FROM:<shop@>");
            assertTrue(noDomain.code() == 501 || noDomain.code() == 553, noDomain.toString());
            assertEquals(250, client.command("MAIL FROM:<shop@example.org>").code());
            assertEquals("501 5.1.3 Bad recipient address syntax", client.command("RCPT TO:<nobody>").toString());
            assertEquals(501, client.command("RCPT TO:<a@b@example.net>").code());
            assertEquals(501, client.command("RCPT TO:<a@-example-.net>").code());
        }
    }

    @Test
    void bareLineFeedNeverEndsDataAndTheMessageIsRefused() throws IOException {
        RelayFixtures.Key key = fixtures.newAccountWithKey("Shop");
        String victim = "victim-" + UUID.randomUUID() + "@example.net";
        try (SmtpTestClient client = fixtures.authenticated(key)) {
            assertEquals(250, client.command("MAIL FROM:<shop@example.org>").code());
            assertEquals(250, client.command("RCPT TO:<a@example.net>").code());
            assertEquals(354, client.command("DATA").code());
            // the smuggling attempt: <LF>.<LF> (and <LF>.<CR><LF>) followed by a second transaction
            client.write("Subject: smuggle\r\n\r\nfirst\n.\nMAIL FROM:<ceo@example.org>\r\nRCPT TO:<" + victim
                    + ">\r\nDATA\r\nSubject: forged\r\n\r\nforged\r\n.\n\r\n");
            client.write("tail\r\n.\r\n");
            SmtpTestClient.Reply reply = client.read();
            assertEquals(554, reply.code(), reply.toString());
            assertTrue(reply.text().startsWith("5.6.0"));
            // nothing after the refusal is a leftover of the smuggled lines
            assertEquals(250, client.command("NOOP").code());
            assertEquals(250, client.send("shop@example.org", List.of("a@example.net"), RelayFixtures.message("clean")).code());
        }
        List<OutboundMessage> stored = fixtures.messages(key);
        assertEquals(1, stored.size());
        assertEquals("clean", stored.get(0).subject);
    }

    @Test
    void bareCarriageReturnInDataIsRefused() throws IOException {
        RelayFixtures.Key key = fixtures.newAccountWithKey("Shop");
        try (SmtpTestClient client = fixtures.authenticated(key)) {
            assertEquals(554, client.send("shop@example.org", List.of("a@example.net"),
                    "Subject: cr\r\n\r\nline\r.\rmore\r\n").code());
        }
        assertEquals(0, fixtures.messages(key).size());
    }

    @Test
    void commandsPipelinedBehindStartTlsAreDiscarded() throws IOException {
        RelayFixtures.Key key = fixtures.newAccountWithKey("Shop");
        try (SmtpTestClient client = SmtpTestClient.open(fixtures.port(), RelayFixtures.freshIp())) {
            client.ehlo();
            // CVE-2011-0411: plaintext commands sent in the same packet as STARTTLS
            String token = java.util.Base64.getEncoder().encodeToString(("\0" + key.login() + "\0" + key.secret()).getBytes());
            client.write("STARTTLS\r\nAUTH PLAIN " + token + "\r\nMAIL FROM:<shop@example.org>\r\n");
            assertEquals(220, client.read().code());
            client.handshake();
            // the first reply after TLS belongs to our EHLO: no 235 or 250 for the injected lines
            SmtpTestClient.Reply ehlo = client.ehlo();
            assertEquals(250, ehlo.code());
            assertTrue(ehlo.text().contains("AUTH"));
            assertEquals(530, client.command("MAIL FROM:<shop@example.org>").code());
        }
    }

    @Test
    void chunkingIsNeitherOfferedNorAccepted() throws IOException {
        RelayFixtures.Key key = fixtures.newAccountWithKey("Shop");
        try (SmtpTestClient client = fixtures.authenticated(key)) {
            assertEquals(250, client.command("MAIL FROM:<shop@example.org>").code());
            assertEquals(250, client.command("RCPT TO:<a@example.net>").code());
            assertEquals(502, client.command("BDAT 20 LAST").code());
            assertTrue(client.isClosedByServer());
        }
    }

    @Test
    void messagesUpdateTheKeysLastUseWithoutCountingAsAUse() throws IOException {
        RelayFixtures.Key key = fixtures.newAccountWithKey("Shop");
        Instant longAgo = Instant.parse("2020-01-01T00:00:00Z");
        try (SmtpTestClient client = fixtures.authenticated(key)) {
            // what the AUTH recorded is written and then set back, so only the message can move it again
            fixtures.flushUsage();
            fixtures.setLastUse(key, longAgo, "192.0.2.1");
            assertEquals(250, client.send("shop@example.org", List.of("a@example.net"), RelayFixtures.message("x")).code());
        }
        fixtures.flushUsage();
        var stored = fixtures.load(key);
        assertEquals(1, stored.useCount, "the AUTH counted, the message did not");
        assertTrue(stored.lastUsedAt.isAfter(longAgo), "the message refreshed the time");
        assertTrue(stored.lastUsedIp.startsWith("127.1."), stored.lastUsedIp);
    }
}
