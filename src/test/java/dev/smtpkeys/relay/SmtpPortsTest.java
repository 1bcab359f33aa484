package dev.smtpkeys.relay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.junit.jupiter.api.Test;

import dev.smtpkeys.keys.SmtpEndpoint;
import dev.smtpkeys.support.RelayFixtures;
import dev.smtpkeys.support.SmtpTestClient;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The ports users expect (STARTTLS and implicit TLS), what the SMTP tab learns of them, and SMTPUTF8. */
@QuarkusTest
class SmtpPortsTest {

    @Inject
    RelayFixtures fixtures;

    @Inject
    RelayServer relay;

    @Inject
    SmtpEndpoint endpoint;

    @Inject
    @Readiness
    RelayReadiness readiness;

    @Test
    void theImplicitTlsPortSpeaksTlsFromTheFirstByteAndOffersAuthButNoStartTls() throws IOException {
        RelayFixtures.Key key = fixtures.newAccountWithKey("Shop");
        long id;
        try (SmtpTestClient client = SmtpTestClient.openTls(implicitPort(), RelayFixtures.freshIp())) {
            String ehlo = client.ehlo().text();
            assertFalse(ehlo.contains("STARTTLS"), ehlo);
            assertTrue(ehlo.contains("AUTH PLAIN LOGIN"), ehlo);
            assertEquals(235, client.authPlain(key.login(), key.secret()).code());
            id = RelayFixtures.queuedId(client.send("shop@example.org", List.of("a@example.net"), RelayFixtures.message("465")));
        }
        assertTrue(new String(fixtures.stored(id).rawMime(), StandardCharsets.US_ASCII).contains(" with ESMTPSA id "));
    }

    @Test
    void aPlaintextClientOnTheImplicitTlsPortGetsNoSmtp() throws IOException {
        try (SmtpTestClient client = SmtpTestClient.connect(implicitPort(), RelayFixtures.freshIp())) {
            client.write("EHLO client.example\r\n");
            // at most a TLS alert (record type 21), never a greeting; then the connection ends
            byte[] answer = client.readToEnd();
            assertTrue(answer.length == 0 || answer[0] == 21, new String(answer, StandardCharsets.ISO_8859_1));
        }
    }

    @Test
    void theSmtpTabLearnsEveryPortWithItsSecurityAndKeepsTheFirstStartTlsPort() {
        assertEquals(relay.boundPort(), endpoint.port());
        List<SmtpEndpoint.Port> ports = endpoint.ports();
        assertEquals(2, ports.size(), ports.toString());
        assertTrue(ports.contains(new SmtpEndpoint.Port(relay.boundPort(), SmtpEndpoint.Security.STARTTLS)));
        assertTrue(ports.contains(new SmtpEndpoint.Port(implicitPort(), SmtpEndpoint.Security.IMPLICIT_TLS)));
    }

    @Test
    void theRelayIsReadyWhileItListens() {
        assertEquals(HealthCheckResponse.Status.UP, readiness.call().getStatus());
    }

    @Test
    void internationalizedAddressesTravelWithSmtputf8IntoTheQueue() throws IOException {
        RelayFixtures.Key key = fixtures.newAccountWithKey("Shop");
        String from = "jörg@bücher.example";
        String to = "θσερ@παράδειγμα.ελ";
        long id;
        try (SmtpTestClient client = fixtures.authenticated(key)) {
            assertTrue(client.ehlo().text().contains("SMTPUTF8"));
            assertEquals(250, client.command("MAIL FROM:<" + from + "> SMTPUTF8 BODY=8BITMIME").code());
            assertEquals(250, client.command("RCPT TO:<" + to + ">").code());
            assertEquals(354, client.command("DATA").code());
            id = RelayFixtures.queuedId(client.data("From: Jörg <" + from + ">\r\nTo: " + to + "\r\nSubject: Grüße\r\n\r\nHallo.\r\n"));
        }
        RelayFixtures.Stored stored = fixtures.stored(id);
        assertTrue(stored.smtputf8());
        assertArrayEquals(new String[] {to}, stored.recipients());
        String raw = new String(stored.rawMime(), StandardCharsets.UTF_8);
        assertTrue(raw.contains(" with UTF8SMTPA id "), raw);
        assertTrue(raw.contains("Subject: Grüße\r\n"), raw);
        assertEquals(from, fixtures.messages(key).get(0).envelopeFrom);
        assertEquals("Grüße", fixtures.messages(key).get(0).subject);
    }

    @Test
    void withoutSmtputf8NonAsciiAddressesAreRefusedAndAsciiMailIsNotFlagged() throws IOException {
        RelayFixtures.Key key = fixtures.newAccountWithKey("Shop");
        long id;
        try (SmtpTestClient client = fixtures.authenticated(key)) {
            assertEquals("553 5.6.7 Must declare SMTPUTF8 to send unicode address",
                    client.command("MAIL FROM:<jörg@bücher.example>").toString());
            assertEquals(250, client.command("MAIL FROM:<shop@example.org> BODY=8BITMIME").code());
            assertEquals(553, client.command("RCPT TO:<θσερ@παράδειγμα.ελ>").code());
            assertEquals(250, client.command("RCPT TO:<a@example.net>").code());
            assertEquals(354, client.command("DATA").code());
            id = RelayFixtures.queuedId(client.data(RelayFixtures.message("ascii")));
        }
        assertFalse(fixtures.stored(id).smtputf8());
    }

    @Test
    void mailParametersAreCheckedWhereverTheyStand() throws IOException {
        RelayFixtures.Key key = fixtures.newAccountWithKey("Shop");
        try (SmtpTestClient client = fixtures.authenticated(key)) {
            // SubEthaSMTP alone reads SIZE only when it is the last parameter
            assertEquals(552, client.command("MAIL FROM:<shop@example.org> SIZE=99999999 BODY=8BITMIME").code());
            assertEquals("555 5.5.4 Unsupported option: RET=FULL", client.command("MAIL FROM:<shop@example.org> RET=FULL").toString());
            assertEquals(250, client.command("MAIL FROM:<shop@example.org> SIZE=2000 AUTH=<>").code());
        }
    }

    private int implicitPort() {
        return relay.listeners().stream().filter(l -> l.tls() == RelayConfig.TlsMode.IMPLICIT)
                .mapToInt(ListenerSpec::port).findFirst().orElseThrow();
    }
}
