package dev.smtpkeys.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import org.junit.jupiter.api.Test;

import dev.smtpkeys.keys.KeySecret;
import dev.smtpkeys.support.RelayFixtures;
import dev.smtpkeys.support.SmtpTestClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** Configuration-dependent and failure behaviour of the relay: TLS policy, database outage, logs. */
@QuarkusTest
class RelayPolicyTest {

    @Inject
    RelayFixtures fixtures;

    @Inject
    RelayServer relay;

    @Inject
    RelayConfig config;

    @Inject
    EntityManager entityManager;

    @Test
    void authBeforeStartTlsIsRefusedWhereConfigurationRequiresTls() throws IOException {
        RelayFixtures.Key key = fixtures.newAccountWithKey("Shop");
        // the relay as prod runs it (plaintext AUTH not allowed), on a port of its own
        RelayListeners strict = TestRelays.start(relay, config, "allowPlaintextAuth", false);
        try (SmtpTestClient client = SmtpTestClient.open(strict.port("smtp"), RelayFixtures.freshIp())) {
            assertFalse(client.ehlo().text().contains("AUTH"), "AUTH is not offered before STARTTLS");
            assertEquals("538 5.7.11 Encryption required for requested authentication mechanism",
                    client.authPlain(key.login(), key.secret()).toString());
            assertEquals(538, client.command("AUTH LOGIN").code());
            assertEquals(530, client.command("MAIL FROM:<shop@example.org>").code());
            client.startTls();
            assertTrue(client.ehlo().text().contains("AUTH PLAIN LOGIN"));
            assertEquals(235, client.authPlain(key.login(), key.secret()).code());
            assertEquals(250, client.send("shop@example.org", List.of("a@example.net"), RelayFixtures.message("tls")).code());
        } finally {
            strict.close();
        }
    }

    @Test
    void databaseFailureAnswers451AndStoresNothing() throws IOException {
        RelayFixtures.Key key = fixtures.newAccountWithKey("Shop");
        try (SmtpTestClient client = fixtures.authenticated(key)) {
            execute("alter table outbound_message rename to outbound_message_away");
            SmtpTestClient.Reply reply;
            try {
                reply = client.send("shop@example.org", List.of("a@example.net"), RelayFixtures.message("later"));
            } finally {
                execute("alter table outbound_message_away rename to outbound_message");
            }
            assertEquals(451, reply.code());
            assertTrue(reply.text().startsWith("4.3.0"));
            // the client retries in the same session and succeeds
            assertEquals(250, client.send("shop@example.org", List.of("a@example.net"), RelayFixtures.message("later")).code());
        }
        assertEquals(1, fixtures.messages(key).size());
    }

    @Test
    void noKeyOrAuthLineAppearsInAnyLogLine() throws IOException {
        RelayFixtures.Key key = fixtures.newAccountWithKey("Shop");
        String wrong = KeySecret.generate();
        List<String> secrets = List.of(key.secret(), wrong,
                b64("\0" + key.login() + "\0" + key.secret()), b64("\0" + key.login() + "\0" + wrong),
                b64(key.secret()), b64(wrong));
        Capture capture = new Capture();
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            try (SmtpTestClient client = SmtpTestClient.open(fixtures.port(), RelayFixtures.freshIp())) {
                client.ehlo();
                client.authPlain(key.login(), wrong);
                client.authLogin(key.login(), wrong);
                client.command("AUTH PLAIN " + b64("\0" + key.login() + "\0" + wrong + "\0extra"));
                client.authLogin(key.login(), key.secret());
                client.send("shop@example.org", List.of("a@example.net"), RelayFixtures.message("logged?"));
                // a database failure is logged: its line must not carry the session's secrets either
                execute("alter table outbound_message rename to outbound_message_away");
                try {
                    client.send("shop@example.org", List.of("a@example.net"), RelayFixtures.message("logged?"));
                } finally {
                    execute("alter table outbound_message_away rename to outbound_message");
                }
                // a bare LF in a command line ends the session with a logged warning
                client.write("AUTH PLAIN " + b64("\0" + key.login() + "\0" + key.secret()) + "\nNOOP\r\n");
                client.read();
            }
            fixtures.flushUsage();
        } finally {
            root.removeHandler(capture);
        }
        assertTrue(capture.lines.stream().anyMatch(l -> l.contains("could not queue")), "the capture works");
        for (String line : capture.lines) {
            for (String secret : secrets) {
                assertFalse(line.contains(secret), "a secret in the log: " + line.replace(secret, "<secret>"));
            }
        }
    }

    private void execute(String sql) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(sql).executeUpdate());
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Every log record of every category, formatted with its stack trace. */
    private static final class Capture extends Handler {
        final List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final SimpleFormatter formatter = new SimpleFormatter();

        Capture() {
            setLevel(Level.ALL);
        }

        @Override
        public void publish(LogRecord record) {
            lines.add(formatter.format(record));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

}
