package dev.smtpkeys.relay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.smtpkeys.support.RelayFixtures;
import dev.smtpkeys.support.SmtpTestClient;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * DATA never held whole in the heap: big bodies wait in a spool file that is gone afterwards, whatever
 * the outcome, and arrive in the queue byte for byte; past the in-flight budget the answer is 452 4.3.1.
 */
@QuarkusTest
class RelayMemoryTest extends OwnRelayTest {

    @Inject
    EntityManager entityManager;

    @TempDir
    Path spool;

    @Test
    void aBigMessageIsSpooledStoredByteForByteAndItsFileRemoved() throws IOException {
        RelayFixtures.Key key = fixtures.newAccountWithKey("Shop");
        String body = RelayFixtures.message("big") + ("z".repeat(76) + "\r\n").repeat(40_000);
        long id;
        try (RelayListeners relay = TestRelays.start(server, config, "spoolDir", Optional.of(spool.toString()));
                SmtpTestClient client = fixtures.authenticated(key, relay.port("smtp"))) {
            id = RelayFixtures.queuedId(client.send("shop@example.org", List.of("a@example.net"), body));
            assertEquals(0, files());
        }
        byte[] raw = fixtures.stored(id).rawMime();
        String text = new String(raw, StandardCharsets.US_ASCII);
        assertTrue(text.startsWith("Received: from client.example ("), text.substring(0, 100));
        byte[] sent = body.getBytes(StandardCharsets.US_ASCII);
        assertArrayEquals(sent, Arrays.copyOfRange(raw, text.indexOf("From: Shop"), raw.length));
        assertEquals("big", fixtures.messages(key).get(0).subject);
        assertEquals(raw.length, fixtures.messages(key).get(0).sizeBytes);
    }

    @Test
    void noSpoolFileOutlivesARefusedMessage() throws IOException {
        RelayFixtures.Key key = fixtures.newAccountWithKey("Shop");
        String big = RelayFixtures.message("big") + ("z".repeat(76) + "\r\n").repeat(4_000);
        try (RelayListeners relay = TestRelays.start(server, config, "spoolDir", Optional.of(spool.toString()),
                "maxMessageSize", 500_000);
                SmtpTestClient client = fixtures.authenticated(key, relay.port("smtp"))) {
            assertEquals(552, client.send("shop@example.org", List.of("a@example.net"), big + big).code());
            assertEquals(554, client.send("shop@example.org", List.of("a@example.net"), big + "bare\nLF\r\n").code());
            execute("alter table outbound_message rename to outbound_message_away");
            try {
                assertEquals(451, client.send("shop@example.org", List.of("a@example.net"), big).code());
            } finally {
                execute("alter table outbound_message_away rename to outbound_message");
            }
            assertEquals(0, files());
        }
        assertEquals(0, fixtures.messages(key).size());
    }

    @Test
    void pastTheInflightBudgetTheAnswerIs452AndTheSessionGoesOn() throws IOException {
        RelayFixtures.Key key = fixtures.newAccountWithKey("Shop");
        String big = RelayFixtures.message("big") + ("z".repeat(76) + "\r\n").repeat(4_000);
        try (RelayListeners relay = TestRelays.start(server, config,
                "maxInflightBytes", new MemorySize(BigInteger.valueOf(256 * 1024)));
                SmtpTestClient client = fixtures.authenticated(key, relay.port("smtp"))) {
            // declared: refused before a byte of the message is sent
            assertEquals("452 4.3.1 Insufficient system storage", client.command("MAIL FROM:<shop@example.org> SIZE=300000").toString());
            SmtpTestClient.Reply reply = client.send("shop@example.org", List.of("a@example.net"), big);
            assertEquals("452 4.3.1 Insufficient system storage", reply.toString());
            assertEquals(250, client.send("shop@example.org", List.of("a@example.net"), RelayFixtures.message("small")).code());
        }
        assertEquals(1, fixtures.messages(key).size());
    }

    private long files() throws IOException {
        try (var list = Files.list(spool)) {
            return list.count();
        }
    }

    private void execute(String sql) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(sql).executeUpdate());
    }
}
