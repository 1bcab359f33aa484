package dev.smtpkeys.outbound;

import static dev.smtpkeys.support.Waits.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.smtpkeys.support.RelayFixtures;
import dev.smtpkeys.support.SmtpTestClient;
import dev.smtpkeys.support.TestUpstream;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The delivery worker against the in-test upstream ({@link TestUpstream}). */
@QuarkusTest
class DeliveryTest {

    @Inject
    RelayFixtures fixtures;

    @Inject
    DeliveryWorker worker;

    @Inject
    OutboundConfig config;

    @Inject
    Scheduler scheduler;

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
    void aRefusedRecipientCostsTheOthersNothingAndATemporaryOneIsRetriedAlone() throws Exception {
        RelayFixtures.Key key = fixtures.newAccountWithKey("Shop");
        String id = UUID.randomUUID().toString();
        String good = "good-" + id + "@example.net";
        String refused = "permfail-" + id + "@example.net";
        String later = "tempfail-" + id + "@example.net";
        try (SmtpTestClient client = fixtures.authenticated(key)) {
            assertEquals(250, client.send("shop@example.org", List.of(good, refused, later), RelayFixtures.message("x")).code());
        }
        waitFor(() -> fixtures.messages(key).get(0).status == MessageStatus.SENT);

        OutboundMessage message = fixtures.messages(key).get(0);
        assertEquals(2, message.attempts);
        assertEquals(1, TestUpstream.messagesTo(good).size(), "sent once, not again with the retry");
        assertEquals(1, TestUpstream.messagesTo(later).size());
        assertTrue(TestUpstream.messagesTo(refused).isEmpty());
        assertEquals("SENT", message.recipientResults[0]);
        assertTrue(message.recipientResults[1].startsWith("FAILED|UPSTREAM_REJECTED|553 "), message.recipientResults[1]);
        assertEquals("SENT", message.recipientResults[2]);
    }

    @Test
    void aMessageEveryRecipientOfWhichIsRefusedFailsAndTheConnectionServesTheNext() {
        RelayFixtures.Key key = fixtures.newAccountWithKey("Shop");
        String after = "after-" + UUID.randomUUID() + "@example.net";
        UUID token = UUID.randomUUID();
        long refused = fixtures.insertClaimed(key, "permfail-" + UUID.randomUUID() + "@example.net", token, 1);
        long next = fixtures.insertClaimed(key, after, token, 1);

        worker.deliver(List.of(claimed(refused, token, fixtures.stored(refused).recipients()[0], 1), claimed(next, token, after, 1)));

        assertEquals("FAILED", fixtures.row(refused).status());
        assertEquals(new RelayFixtures.Row("SENT", null, 1, null, true), fixtures.row(next));
        assertEquals(1, TestUpstream.messagesTo(after).size());
    }

    @Test
    void concurrentWorkersNeverClaimTheSameMessage() throws Exception {
        RelayFixtures.Key key = fixtures.newAccountWithKey("Shop");
        List<Long> claimedByA = new CopyOnWriteArrayList<>();
        List<Long> claimedByB = new CopyOnWriteArrayList<>();
        List<Long> due;
        // the app's own worker would deliver them meanwhile; the race is between A and B
        String poll = pollJob();
        scheduler.pause(poll);
        try {
            due = fixtures.insertDue(key, 120);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                CountDownLatch ready = new CountDownLatch(2);
                CountDownLatch start = new CountDownLatch(1);
                Future<?> a = pool.submit(() -> claimAll(ready, start, claimedByA));
                Future<?> b = pool.submit(() -> claimAll(ready, start, claimedByB));
                assertTrue(ready.await(10, TimeUnit.SECONDS));
                start.countDown();
                a.get(30, TimeUnit.SECONDS);
                b.get(30, TimeUnit.SECONDS);
            } finally {
                pool.shutdownNow();
            }
        } finally {
            scheduler.resume(poll);
        }
        Set<Long> union = new HashSet<>(claimedByA);
        union.addAll(claimedByB);
        assertEquals(claimedByA.size() + claimedByB.size(), union.size(), "a message was claimed twice");
        assertTrue(union.stream().filter(due::contains).count() > 0, "the two of them claimed the messages");
        for (long id : due) {
            // once each, by A, B, or a round of the app's worker that had begun before the pause
            RelayFixtures.Row row = fixtures.row(id);
            assertEquals(1, row.attempts(), "claims of message " + id);
            assertTrue(!row.status().equals("QUEUED"), "message " + id + " was never claimed");
        }
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

    @Test
    void eachTemporaryFailureWaitsLongerBeforeTheNextTry() {
        RelayFixtures.Key key = fixtures.newAccountWithKey("Shop");
        Duration afterThird = waitAfterTemporaryFailure(key, 3);
        Duration afterFifth = waitAfterTemporaryFailure(key, 5);
        assertEquals(worker.backoff(3), afterThird);
        assertEquals(worker.backoff(5), afterFifth);
        assertEquals(afterThird.multipliedBy(4), afterFifth, "doubled with each try");
    }

    @Test
    void aMessageStillRefusedAfterItsLifetimeEndsAsFailed() {
        RelayFixtures.Key key = fixtures.newAccountWithKey("Shop");
        Duration lifetime = config.delivery().lifetime();
        long young = tryOnceAndRefuse(key, 7, Instant.now().minus(lifetime).plus(Duration.ofMinutes(1)));
        long old = tryOnceAndRefuse(key, 7, Instant.now().minus(lifetime).minus(Duration.ofMinutes(1)));

        assertEquals("QUEUED", fixtures.row(young).status(), "within its lifetime it is tried again");
        RelayFixtures.Row given = fixtures.row(old);
        assertEquals("FAILED", given.status());
        DeliveryError error = DeliveryError.parse(given.lastError());
        assertEquals(DeliveryError.Code.EXPIRED, error.code());
        assertTrue(error.detail().startsWith("451 "), given.lastError());
    }

    /** Tries a claimed message at its {@code attempts}th try, which the upstream refuses for now; answers the wait set. */
    private Duration waitAfterTemporaryFailure(RelayFixtures.Key key, int attempts) {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MICROS);
        long id = tryOnceAndRefuse(key, attempts, Instant.now());
        Instant after = Instant.now().plus(1, ChronoUnit.MICROS);
        assertEquals("QUEUED", fixtures.row(id).status());
        Instant next = fixtures.nextAttemptAt(id);
        // the wait starts at the moment of the refusal, which lies between before and after
        Duration wait = worker.backoff(attempts);
        assertTrue(!next.isBefore(before.plus(wait)) && !next.isAfter(after.plus(wait)),
                "next try at " + next + ", expected " + wait + " after a moment in [" + before + ", " + after + "]");
        return wait;
    }

    /** A message claimed at its {@code attempts}th try and received at {@code receivedAt}, refused once with 451. */
    private long tryOnceAndRefuse(RelayFixtures.Key key, int attempts, Instant receivedAt) {
        String to = "tempfail-" + UUID.randomUUID() + "@example.net";
        UUID token = UUID.randomUUID();
        long id = fixtures.insertClaimed(key, to, token, attempts);
        worker.deliver(List.of(claimed(id, token, to, attempts, receivedAt)));
        assertTrue(TestUpstream.messagesTo(to).isEmpty());
        return id;
    }

    private static DeliveryWorker.Claimed claimed(long id, UUID token, String to, int attempts) {
        return claimed(id, token, to, attempts, Instant.now());
    }

    private static DeliveryWorker.Claimed claimed(long id, UUID token, String to, int attempts, Instant receivedAt) {
        return new DeliveryWorker.Claimed(id, token, "shop@example.org", new String[] {to}, null, attempts, receivedAt, false);
    }

    /** Claims three at a time until nothing is due; bounded, so a claim that never empties the queue fails. */
    private Void claimAll(CountDownLatch ready, CountDownLatch start, List<Long> into) throws InterruptedException {
        ready.countDown();
        if (!start.await(10, TimeUnit.SECONDS)) {
            throw new AssertionError("never started");
        }
        for (int round = 0; round < 200; round++) {
            List<DeliveryWorker.Claimed> batch = worker.claim(3);
            if (batch.isEmpty()) {
                return null;
            }
            batch.forEach(c -> into.add(c.id()));
        }
        return null;
    }

    private String pollJob() {
        return scheduler.getScheduledJobs().stream()
                .filter(job -> job.getMethodDescription().endsWith(DeliveryDispatcher.class.getName() + "#poll"))
                .findFirst().orElseThrow(() -> new AssertionError("no delivery job among " + scheduler.getScheduledJobs()))
                .getId();
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
