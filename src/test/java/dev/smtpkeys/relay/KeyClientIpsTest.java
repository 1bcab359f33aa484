package dev.smtpkeys.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.smtpkeys.keys.ClientIp;
import dev.smtpkeys.support.RelayFixtures;
import dev.smtpkeys.support.SmtpTestClient;
import dev.smtpkeys.support.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** Each key keeps the last five distinct client IPs it authenticated from, written with the batched last use. */
@QuarkusTest
class KeyClientIpsTest {

    @Inject
    RelayFixtures fixtures;

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theFiveMostRecentDistinctAddressesAreKept() throws IOException {
        RelayFixtures.Key key = fixtures.newAccountWithKey("Shop");
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            addresses.add(RelayFixtures.freshIp());
        }
        authenticateFrom(key, addresses.subList(0, 4));
        fixtures.flushUsage();
        authenticateFrom(key, addresses.subList(4, 7));
        authenticateFrom(key, List.of(addresses.get(2))); // seen again: the newest now
        fixtures.flushUsage();

        List<ClientIp> kept = QuarkusTransaction.requiringNew().call(() -> ClientIp.ofKey(key.keyId()));
        assertEquals(List.of(addresses.get(2), addresses.get(6), addresses.get(5), addresses.get(4), addresses.get(3)),
                kept.stream().map(ClientIp::ip).toList());
        assertEquals(clock.instant().getEpochSecond(), kept.get(0).lastSeen().getEpochSecond(), 5);
    }

    @Test
    void aKeyDeletedBeforeTheFlushDoesNotBreakIt() throws IOException {
        RelayFixtures.Key gone = fixtures.newAccountWithKey("Gone");
        RelayFixtures.Key kept = fixtures.newAccountWithKey("Kept");
        authenticateFrom(gone, List.of(RelayFixtures.freshIp()));
        authenticateFrom(kept, List.of(RelayFixtures.freshIp()));
        fixtures.delete(gone);
        fixtures.flushUsage();
        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> ClientIp.ofKey(kept.keyId())).size());
    }

    private void authenticateFrom(RelayFixtures.Key key, List<String> addresses) throws IOException {
        for (String address : addresses) {
            clock.advance(Duration.ofMinutes(1));
            try (SmtpTestClient client = fixtures.authenticated(key, fixtures.port(), address)) {
                client.command("QUIT");
            }
        }
    }
}
