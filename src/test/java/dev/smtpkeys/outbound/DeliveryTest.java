package dev.smtpkeys.outbound;

import static dev.smtpkeys.support.Waits.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

import dev.smtpkeys.support.RelayFixtures;
import dev.smtpkeys.support.SmtpTestClient;
import dev.smtpkeys.support.TestUpstream;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The delivery worker against the in-test upstream ({@link TestUpstream}). */
@QuarkusTest
class DeliveryTest {

    @Inject
    RelayFixtures fixtures;

    @Inject
    DeliveryWorker worker;

    @Test
    void temporaryUpstreamFailureIsRetriedUntilDelivered() throws Exception {
        RelayFixtures.Key key = fixtures.newAccountWithKey("Shop");
        String to = "tempfail-" + UUID.randomUUID() + "@example.net";
        send(key, to);
        waitFor(() -> fixtures.messages(key).get(0).status == MessageStatus.SENT);
        OutboundMessage message = fixtures.messages(key).get(0);
        assertEquals(2, message.attempts);
        // the reason of the earlier try stays: the upstream's own reply, under its code
        DeliveryError error = DeliveryError.parse(message.lastError);
        assertEquals(DeliveryError.Code.UPSTREAM_REJECTED, error.code());
        assertTrue(error.detail().startsWith("451 "), message.lastError);
        assertEquals(1, TestUpstream.messagesTo(to).size());
    }

    @Test
    void permanentUpstreamRefusalEndsAsFailedWithTheReason() throws Exception {
        RelayFixtures.Key key = fixtures.newAccountWithKey("Shop");
        String to = "permfail-" + UUID.randomUUID() + "@example.net";
        send(key, to);
        waitFor(() -> fixtures.messages(key).get(0).status == MessageStatus.FAILED);
        OutboundMessage message = fixtures.messages(key).get(0);
        assertEquals(1, message.attempts);
        DeliveryError error = DeliveryError.parse(message.lastError);
        assertEquals(DeliveryError.Code.UPSTREAM_REJECTED, error.code());
        assertTrue(error.detail().startsWith("553 "), message.lastError);
        assertTrue(TestUpstream.messagesTo(to).isEmpty());
    }

    @Test
    void concurrentWorkersNeverClaimTheSameMessage() throws Exception {
        RelayFixtures.Key key = fixtures.newAccountWithKey("Shop");
        try (SmtpTestClient client = fixtures.authenticated(key)) {
            for (int i = 0; i < 40; i++) {
                assertEquals(250, client.send("shop@example.org", List.of("claim-" + i + "@example.net"),
                        RelayFixtures.message("c" + i)).code());
            }
        }
        // two workers (and the app's own, running meanwhile) race for the same rows
        List<Long> claimedByA = new CopyOnWriteArrayList<>();
        List<Long> claimedByB = new CopyOnWriteArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        Thread a = new Thread(() -> claimAll(start, claimedByA));
        Thread b = new Thread(() -> claimAll(start, claimedByB));
        a.start();
        b.start();
        start.countDown();
        a.join();
        b.join();
        Set<Long> union = new HashSet<>(claimedByA);
        union.addAll(claimedByB);
        assertEquals(claimedByA.size() + claimedByB.size(), union.size(), "a message was claimed twice");
    }

    @Test
    void workerWhoseLeaseRanOutAndWasReclaimedNeitherSendsNorOverwrites() {
        RelayFixtures.Key key = fixtures.newAccountWithKey("Shop");
        String to = "late-" + UUID.randomUUID() + "@example.net";
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        // worker A claimed the message, spent its lease on the rest of its batch, and B claimed it again
        long id = fixtures.insertClaimed(key, to, first, 1);
        fixtures.reclaim(id, second);

        worker.deliver(List.of(claimed(id, first, to, 1)));

        assertTrue(TestUpstream.messagesTo(to).isEmpty(), "A sent a message that is B's now");
        assertEquals(new RelayFixtures.Row("SENDING", second, 2, null, false), fixtures.row(id));
    }

    @Test
    void outcomeOfASendWhoseClaimWasTakenOverMeanwhileIsNotRecorded() {
        RelayFixtures.Key key = fixtures.newAccountWithKey("Shop");
        String to = "slow-" + UUID.randomUUID() + "@example.net";
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        long id = fixtures.insertClaimed(key, to, first, 1);
        // B claims the message while the upstream is still taking it from A
        TestUpstream.whileReceiving(to, () -> fixtures.reclaim(id, second));

        worker.deliver(List.of(claimed(id, first, to, 1)));

        assertEquals(1, TestUpstream.messagesTo(to).size());
        assertEquals(new RelayFixtures.Row("SENDING", second, 2, null, false), fixtures.row(id),
                "A's result overwrote B's claim");
    }

    @Test
    void workerWhoseClaimStillHoldsSendsAndRecordsTheOutcome() {
        RelayFixtures.Key key = fixtures.newAccountWithKey("Shop");
        String to = "held-" + UUID.randomUUID() + "@example.net";
        UUID token = UUID.randomUUID();
        long id = fixtures.insertClaimed(key, to, token, 1);

        worker.deliver(List.of(claimed(id, token, to, 1)));

        assertEquals(1, TestUpstream.messagesTo(to).size());
        assertEquals(new RelayFixtures.Row("SENT", null, 1, null, true), fixtures.row(id));
    }

    private static DeliveryWorker.Claimed claimed(long id, UUID token, String to, int attempts) {
        return new DeliveryWorker.Claimed(id, token, "shop@example.org", new String[] {to},
                RelayFixtures.message("x").getBytes(StandardCharsets.UTF_8), attempts, Instant.now());
    }

    private void claimAll(CountDownLatch start, List<Long> into) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        for (int round = 0; round < 50; round++) {
            worker.claim(3).forEach(c -> into.add(c.id()));
        }
    }

    @Test
    void backoffDoublesUpToItsCap() {
        assertEquals(Duration.ofSeconds(1), worker.backoff(1));
        assertEquals(Duration.ofSeconds(2), worker.backoff(2));
        assertEquals(Duration.ofSeconds(8), worker.backoff(4));
        assertEquals(Duration.ofHours(1), worker.backoff(40));
    }

    private void send(RelayFixtures.Key key, String to) throws Exception {
        try (SmtpTestClient client = fixtures.authenticated(key)) {
            assertEquals(250, client.send("shop@example.org", List.of(to), RelayFixtures.message("x")).code());
        }
    }
}
