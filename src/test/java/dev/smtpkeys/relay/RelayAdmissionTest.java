package dev.smtpkeys.relay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.smtpkeys.support.RelayFixtures;
import dev.smtpkeys.support.SmtpTestClient;
import dev.smtpkeys.support.Waits;
import io.quarkus.test.junit.QuarkusTest;

/** Who may hold a session: per-client caps and rate, the pre-AUTH limits, and room kept for senders. Real sockets. */
@QuarkusTest
class RelayAdmissionTest extends OwnRelayTest {

    @Test
    void oneAddressHoldingHundredsOfIdleConnectionsShutsNobodyElseOut() throws IOException {
        RelayFixtures.Key key = fixtures.newAccountWithKey("Shop");
        try (RelayListeners relay = TestRelays.start(server, config)) {
            String flooder = RelayFixtures.freshIp();
            List<SmtpTestClient> idle = new ArrayList<>();
            int greeted = 0;
            try {
                for (int i = 0; i < 300; i++) {
                    SmtpTestClient connection = SmtpTestClient.connect(relay.port("smtp"), flooder);
                    idle.add(connection);
                    SmtpTestClient.Reply first = connection.read();
                    if (first.is(220)) {
                        greeted++;
                    } else {
                        assertEquals(421, first.code(), first.toString());
                        assertTrue(first.text().startsWith("4.7.0 Too many connections from your address"), first.toString());
                    }
                }
                assertEquals(config.maxConnectionsPerClient(), greeted);
                // everyone else is served at once, while the flooder still holds its sessions
                try (SmtpTestClient client = fixtures.authenticated(key, relay.port("smtp"))) {
                    assertEquals(250, client.send("shop@example.org", List.of("a@example.net"), RelayFixtures.message("ok")).code());
                }
            } finally {
                for (SmtpTestClient connection : idle) {
                    connection.close();
                }
            }
        }
        assertEquals(1, fixtures.messages(key).size());
    }

    @Test
    void aSilentSessionIsClosedAfterThePreAuthTimeoutButAnAuthenticatedOneMayIdleLonger() throws Exception {
        RelayFixtures.Key key = fixtures.newAccountWithKey("Shop");
        try (RelayListeners relay = TestRelays.start(server, config, "preAuthTimeout", Duration.ofMillis(300))) {
            try (SmtpTestClient silent = SmtpTestClient.open(relay.port("smtp"), RelayFixtures.freshIp())) {
                // the client's own read timeout (20 s) bounds this wait
                assertEquals(421, silent.read().code());
                assertTrue(silent.isClosedByServer());
            }
            try (SmtpTestClient client = fixtures.authenticated(key, relay.port("smtp"))) {
                Thread.sleep(900);
                assertEquals(250, client.command("NOOP").code());
            }
        }
    }

    @Test
    void aNoopLoopDoesNotKeepASessionPastThePreAuthDeadline() throws Exception {
        try (RelayListeners relay = TestRelays.start(server, config, "preAuthDeadline", Duration.ofMillis(600),
                "preAuthCommands", 1000)) {
            try (SmtpTestClient client = SmtpTestClient.open(relay.port("smtp"), RelayFixtures.freshIp())) {
                SmtpTestClient.Reply reply = client.ehlo();
                for (int i = 0; i < 100 && reply.is(250); i++) {
                    Thread.sleep(50);
                    reply = client.command("NOOP");
                }
                assertEquals(421, reply.code(), reply.toString());
                assertTrue(reply.text().startsWith("4.4.2"), reply.toString());
                assertTrue(client.isClosedByServer());
            }
        }
    }

    @Test
    void theCommandBudgetBeforeAuthEndsTheSessionButDoesNotCountAfterAuth() throws IOException {
        RelayFixtures.Key key = fixtures.newAccountWithKey("Shop");
        try (RelayListeners relay = TestRelays.start(server, config, "preAuthCommands", 3)) {
            try (SmtpTestClient client = SmtpTestClient.open(relay.port("smtp"), RelayFixtures.freshIp())) {
                client.ehlo();
                assertEquals(250, client.command("NOOP").code());
                assertEquals(250, client.command("RSET").code());
                assertEquals("421 4.7.0 Too many commands before AUTH", client.command("NOOP").toString());
                assertTrue(client.isClosedByServer());
            }
            try (SmtpTestClient client = fixtures.authenticated(key, relay.port("smtp"))) {
                for (int i = 0; i < 5; i++) {
                    assertEquals(250, client.command("NOOP").code());
                }
                assertEquals(250, client.send("shop@example.org", List.of("a@example.net"), RelayFixtures.message("x")).code());
            }
        }
    }

    @Test
    void theConnectionRateIsLimitedPerClientAndCustomersGiveTheirConnectionsBack() throws IOException {
        RelayFixtures.Key key = fixtures.newAccountWithKey("Shop");
        try (RelayListeners relay = TestRelays.start(server, config, "connectionRatePerClient", 3)) {
            String scanner = RelayFixtures.freshIp();
            for (int i = 0; i < 3; i++) {
                SmtpTestClient.open(relay.port("smtp"), scanner).quit();
            }
            try (SmtpTestClient refused = SmtpTestClient.connect(relay.port("smtp"), scanner)) {
                assertEquals("421 4.7.0 Too many connections from your address, slow down", refused.read().toString());
            }
            String customer = RelayFixtures.freshIp();
            for (int i = 0; i < 6; i++) {
                try (SmtpTestClient client = fixtures.authenticated(key, relay.port("smtp"), customer)) {
                    assertEquals(250, client.send("shop@example.org", List.of("a@example.net"), RelayFixtures.message("n" + i)).code());
                }
            }
        }
    }

    @Test
    void unauthenticatedSessionsCannotTakeTheRoomKeptForSenders() throws IOException {
        RelayFixtures.Key key = fixtures.newAccountWithKey("Shop");
        try (RelayListeners relay = TestRelays.start(server, config, "maxConnections", 6, "maxUnauthenticated", 2)) {
            int port = relay.port("smtp");
            try (SmtpTestClient sender = fixtures.authenticated(key, port);
                    SmtpTestClient idle1 = SmtpTestClient.open(port, RelayFixtures.freshIp());
                    SmtpTestClient idle2 = SmtpTestClient.open(port, RelayFixtures.freshIp());
                    SmtpTestClient third = SmtpTestClient.connect(port, RelayFixtures.freshIp())) {
                assertEquals("421 4.3.2 All server ports are busy, try again later", third.read().toString());
                assertArrayEquals(new int[] {3, 2}, relay.sessionCounts());
                // the authenticated session is not squeezed out, and its AUTH made room for another
                assertEquals(250, sender.send("shop@example.org", List.of("a@example.net"), RelayFixtures.message("kept")).code());
                idle1.quit();
                Waits.waitFor(() -> relay.sessionCounts()[1] == 1);
                try (SmtpTestClient next = fixtures.authenticated(key, port)) {
                    assertEquals(250, next.command("NOOP").code());
                }
            }
        }
    }
}
