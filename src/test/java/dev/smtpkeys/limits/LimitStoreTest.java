package dev.smtpkeys.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import dev.smtpkeys.support.MovableClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The shared counters against the real PostgreSQL; two stores stand for two instances. */
@QuarkusTest
class LimitStoreTest {

    @Inject
    DataSource dataSource;

    private final MovableClock clock = new MovableClock(Instant.now().plusSeconds(3600).truncatedTo(java.time.temporal.ChronoUnit.MILLIS));

    private LimitStore instance() {
        return new LimitStore(dataSource, clock);
    }

    private static String subject() {
        return "s-" + UUID.randomUUID();
    }

    @Test
    void twoInstancesCountTogether() {
        Limit limit = Limit.of("test-shared", 4, Duration.ofMinutes(5));
        LimitStore one = instance();
        LimitStore two = instance();
        String subject = subject();
        assertTrue(one.take(limit, subject).isPresent());
        assertTrue(two.take(limit, subject).isPresent());
        assertTrue(one.take(limit, subject).isPresent());
        assertEquals(4, two.take(limit, subject).orElseThrow().hits());
        assertTrue(one.take(limit, subject).isEmpty(), "the fifth, on either instance, finds no room");
        assertTrue(two.take(limit, subject).isEmpty());
        assertEquals(4, one.peek(limit, subject).orElseThrow().hits(), "refused takes are not counted");
    }

    @Test
    void parallelTakesNeverPassTheLimit() throws Exception {
        Limit limit = Limit.of("test-parallel", 5, Duration.ofMinutes(5));
        String subject = subject();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Boolean>> tries = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                LimitStore store = instance();
                tries.add(() -> store.take(limit, subject).isPresent());
            }
            int taken = 0;
            for (Future<Boolean> result : pool.invokeAll(tries)) {
                taken += result.get() ? 1 : 0;
            }
            assertEquals(5, taken);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aWindowEndsAndTheCountStartsAgain() {
        Limit limit = Limit.of("test-window", 2, Duration.ofMinutes(5));
        LimitStore store = instance();
        String subject = subject();
        store.take(limit, subject);
        store.take(limit, subject);
        assertTrue(store.take(limit, subject).isEmpty());
        clock.advance(Duration.ofMinutes(5));
        assertEquals(1, store.take(limit, subject).orElseThrow().hits());
    }

    @Test
    void theHitThatReachesTheMaximumBlocksForTheBlockTime() {
        Limit limit = Limit.of("test-block", 3, Duration.ofMinutes(5)).blockingFor(Duration.ofMinutes(15));
        LimitStore store = instance();
        String subject = subject();
        assertNull(store.hit(limit, subject).blockedUntil());
        assertNull(store.hit(limit, subject).blockedUntil());
        Counter third = store.hit(limit, subject);
        assertEquals(clock.instant().plus(Duration.ofMinutes(15)), third.blockedUntil());
        clock.advance(Duration.ofMinutes(10));
        Counter during = store.hit(limit, subject);
        assertEquals(third.blockedUntil(), during.blockedUntil(), "hits while blocked do not prolong the block");
        clock.advance(Duration.ofMinutes(5));
        Counter after = store.hit(limit, subject);
        assertEquals(1, after.hits(), "after the block a new window starts");
        assertFalse(after.isBlocked(clock.instant()));
    }

    @Test
    void theBackOffDoublesWithEachHitBeyondTheFreeOnes() {
        Limit limit = Limit.of("test-backoff", 1000, Duration.ofMinutes(15))
                .backingOff(2, Duration.ofSeconds(1), Duration.ofSeconds(5));
        LimitStore store = instance();
        String subject = subject();
        assertNull(store.take(limit, subject).orElseThrow().blockedUntil());
        assertNull(store.take(limit, subject).orElseThrow().blockedUntil());
        List<Long> delays = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Instant now = clock.instant();
            Counter counter = store.take(limit, subject).orElseThrow();
            delays.add(Duration.between(now, counter.blockedUntil()).toMillis());
            assertTrue(store.take(limit, subject).isEmpty(), "no second try during the delay");
            clock.advance(Duration.between(now, counter.blockedUntil()));
        }
        assertEquals(List.of(1000L, 2000L, 4000L, 5000L), delays);
    }

    @Test
    void takeAllCountsAllOrNothing() {
        Limit open = Limit.of("test-all-open", 10, Duration.ofMinutes(5));
        Limit full = Limit.of("test-all-full", 1, Duration.ofMinutes(5));
        LimitStore store = instance();
        String subject = subject();
        store.take(full, subject);
        Optional<LimitStore.Step> refused = store.takeAll(List.of(new LimitStore.Step(open, subject, false),
                new LimitStore.Step(full, subject, false)));
        assertEquals(full, refused.orElseThrow().limit());
        assertTrue(store.peek(open, subject).isEmpty(), "the first step was rolled back");
        assertTrue(store.takeAll(List.of(new LimitStore.Step(open, subject, false),
                new LimitStore.Step(full, subject, true))).isEmpty(), "a counted-only step is never refused");
        assertEquals(2, store.peek(full, subject).orElseThrow().hits());
    }

    @Test
    void giveBackAndForget() {
        Limit limit = Limit.of("test-refund", 2, Duration.ofMinutes(5));
        LimitStore store = instance();
        String subject = subject();
        store.take(limit, subject);
        store.take(limit, subject);
        store.giveBack(limit, subject);
        assertTrue(store.take(limit, subject).isPresent());
        store.forget(limit, subject);
        assertTrue(store.peek(limit, subject).isEmpty());
    }

    @Test
    void cleanupRemovesEndedRowsOnly() {
        Limit shortLived = Limit.of("test-cleanup", 5, Duration.ofMinutes(1));
        Limit longLived = Limit.of("test-cleanup-long", 5, Duration.ofHours(2));
        LimitStore store = instance();
        List<String> old = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            old.add(subject());
            store.hit(shortLived, old.get(i));
        }
        String kept = subject();
        store.hit(longLived, kept);
        clock.advance(Duration.ofMinutes(2));
        LimitCleanup cleanup = new LimitCleanup(store, new TestConfig(10));
        assertTrue(cleanup.purge(store) >= 25, "in batches of 10 until none is left");
        assertEquals(0, store.purgeExpired(1000));
        assertTrue(store.peek(longLived, kept).isPresent());
        assertEquals(1, store.hit(shortLived, old.get(0)).hits(), "a purged subject starts from nothing");
    }

    @Test
    void longSubjectsAreStoredByTheirHash() {
        String typed = "x".repeat(500);
        assertEquals(71, LimitStore.key(typed).length());
        assertEquals(LimitStore.key(typed), LimitStore.key("x".repeat(500)));
        Limit limit = Limit.of("test-long", 1, Duration.ofMinutes(1));
        assertTrue(instance().take(limit, typed + UUID.randomUUID()).isPresent());
    }

    private record TestConfig(int cleanupBatch) implements LimitsConfig {
        @Override
        public Duration cleanupInterval() {
            return Duration.ofMinutes(1);
        }
    }
}
