package dev.smtpkeys.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.smtpkeys.account.Account;
import dev.smtpkeys.account.Actor;
import dev.smtpkeys.support.NewOwnerTest;
import dev.smtpkeys.support.TestAccounts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** Races on one account or key end in one clear outcome each: no lost update, no unexpected error. */
@QuarkusTest
class KeyServiceConcurrencyTest extends NewOwnerTest {

    @Inject
    KeyService keys;

    @Inject
    KeysConfig config;

    @Test
    void theSameFormSentManyTimesAtOnceCreatesOneKey() throws Exception {
        UUID nonce = UUID.randomUUID();
        List<Object> outcomes = race(8, () -> keys.generate(Actor.system(), account(owner), "Twice", nonce));
        assertEquals(1, outcomes.stream().filter(GeneratedKey.class::isInstance).count());
        assertTrue(outcomes.stream().filter(o -> !(o instanceof GeneratedKey))
                .allMatch(o -> o == KeyProblem.ALREADY_GENERATED), outcomes.toString());
        assertEquals(2L, count(owner));
    }

    @Test
    void parallelGeneratesNeverExceedTheCap() throws Exception {
        for (int i = 1; i < config.maxPerAccount() - 1; i++) {
            keys.generate(Actor.system(), account(owner), "k" + i, null);
        }
        List<Object> outcomes = race(6, () -> keys.generate(Actor.system(), account(owner), "racer-" + UUID.randomUUID(), null));
        assertEquals(1, outcomes.stream().filter(GeneratedKey.class::isInstance).count(), outcomes.toString());
        assertEquals((long) config.maxPerAccount(), count(owner));
    }

    @Test
    void concurrentChangesToOneKeyEndInOneWinnerAndClearProblems() throws Exception {
        SmtpKey key = keys.generate(Actor.system(), account(owner), "Contested", null).key();
        int version = key.version;
        List<Object> outcomes = race(6, () -> keys.deactivate(Actor.system(), account(owner), key.id, version, null));
        assertEquals(1, outcomes.stream().filter(SmtpKey.class::isInstance).count(), outcomes.toString());
        assertTrue(outcomes.stream().filter(o -> !(o instanceof SmtpKey)).allMatch(o -> o == KeyProblem.CHANGED_MEANWHILE),
                outcomes.toString());

        List<Object> deletes = race(4, () -> keys.delete(Actor.system(), account(owner), key.id, null, null));
        assertEquals(1, deletes.stream().filter(SmtpKey.class::isInstance).count(), deletes.toString());
        assertTrue(deletes.stream().filter(o -> !(o instanceof SmtpKey))
                .allMatch(o -> o == KeyProblem.CHANGED_MEANWHILE || o instanceof KeyNotFoundException), deletes.toString());
    }

    private Account account(TestAccounts.Created owner) {
        return QuarkusTransaction.requiringNew().call(() -> Account.findById(owner.accountId()));
    }

    private long count(TestAccounts.Created owner) {
        return QuarkusTransaction.requiringNew().call(() -> SmtpKey.count("account.id", owner.accountId()));
    }

    /** Runs {@code task} on {@code threads} threads released at once; answers each result or problem. */
    private static List<Object> race(int threads, Callable<Object> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Object>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    if (!start.await(10, TimeUnit.SECONDS)) {
                        throw new AssertionError("never started");
                    }
                    try {
                        return task.call();
                    } catch (KeyException e) {
                        return e.problem();
                    } catch (KeyNotFoundException e) {
                        return e;
                    }
                }));
            }
            start.countDown();
            List<Object> results = new ArrayList<>();
            for (Future<Object> f : futures) {
                results.add(f.get(30, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
