package dev.smtpkeys.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.smtpkeys.support.RelayFixtures;
import dev.smtpkeys.support.SmtpTestClient;
import dev.smtpkeys.support.Waits;
import io.quarkus.test.junit.QuarkusTest;

/** Graceful shutdown: unready, no new connections or transactions, the DATA in progress finishes (bounded). */
@QuarkusTest
class RelayShutdownTest extends OwnRelayTest {

    @Test
    void aMessageBeingReceivedIsStoredWhileNewConnectionsAndNewMailAreRefused() throws Exception {
        RelayFixtures.Key key = fixtures.newAccountWithKey("Shop");
        RelayListeners relay = TestRelays.start(server, config);
        int port = relay.port("smtp");
        String message = RelayFixtures.message("in flight");
        long id;
        try (SmtpTestClient sending = fixtures.authenticated(key, port); SmtpTestClient idle = fixtures.authenticated(key, port)) {
            assertEquals(250, sending.command("MAIL FROM:<shop@example.org>").code());
            assertEquals(250, sending.command("RCPT TO:<a@example.net>").code());
            assertEquals(354, sending.command("DATA").code());
            sending.write(message.substring(0, 40));
            CompletableFuture<Integer> stopped = shutdown(relay, Duration.ofSeconds(20));
            Waits.waitFor(() -> refusesConnections(port));
            assertFalse(relay.isReady());
            assertEquals("421 4.3.2 Service shutting down, closing transmission channel",
                    idle.command("MAIL FROM:<shop@example.org>").toString());
            id = RelayFixtures.queuedId(sending.data(message.substring(40)));
            assertEquals(0, stopped.get(30, TimeUnit.SECONDS), "no transaction was cut off");
            assertTrue(sending.isClosedByServer());
        }
        assertEquals("in flight", fixtures.messages(key).get(0).subject);
        assertEquals(id, fixtures.messages(key).get(0).id);
    }

    @Test
    void aTransactionThatDoesNotFinishInTimeIsCutOff() throws Exception {
        RelayFixtures.Key key = fixtures.newAccountWithKey("Shop");
        RelayListeners relay = TestRelays.start(server, config);
        try (SmtpTestClient stuck = fixtures.authenticated(key, relay.port("smtp"))) {
            assertEquals(250, stuck.command("MAIL FROM:<shop@example.org>").code());
            assertEquals(1, shutdown(relay, Duration.ofMillis(200)).get(30, TimeUnit.SECONDS));
            assertTrue(stuck.isClosedByServer());
        }
        assertEquals(0, fixtures.messages(key).size());
    }

    private static CompletableFuture<Integer> shutdown(RelayListeners relay, Duration timeout) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return relay.shutdown(timeout);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CompletionException(e);
            }
        });
    }

    private static boolean refusesConnections(int port) {
        try (SmtpTestClient client = SmtpTestClient.connect(port)) {
            return false;
        } catch (ConnectException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
