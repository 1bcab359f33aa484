package dev.smtpkeys.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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

import dev.smtpkeys.limits.LimitStore;
import dev.smtpkeys.support.MovableClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * The sign-in policy on the shared counters, with a clock the test moves. Each policy object stands
 * for one instance of the app; two of them over one database count together.
 */
@QuarkusTest
class SignInPolicyTest {

    @Inject
    DataSource dataSource;

    private final MovableClock clock = new MovableClock(Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS));

    private SignInPolicy instance() {
        return new SignInPolicy(new LimitStore(dataSource, clock), new Settings());
    }

    private static String email() {
        return "p-" + UUID.randomUUID() + "@example.org";
    }

    private static String network() {
        return "net-" + UUID.randomUUID();
    }

    /** Fails one attempt: admitted, password wrong; then waits out whatever delay it caused. */
    private boolean fail(SignInPolicy policy, String email, String network, boolean known) {
        boolean admitted = policy.admitSignIn(email, network, known).isPresent();
        clock.advance(Duration.ofMinutes(1));
        return admitted;
    }

    @Test
    void parallelGuessesAreCountedBeforeTheCheckSoOnlyTheFreeOnesPass() throws Exception {
        String email = email();
        String network = network();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Boolean>> guesses = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                SignInPolicy policy = instance();
                guesses.add(() -> policy.admitSignIn(email, network, false).isPresent());
            }
            int admitted = 0;
            for (Future<Boolean> guess : pool.invokeAll(guesses)) {
                admitted += guess.get() ? 1 : 0;
            }
            // three free failures, then the fourth, which starts the delay: the other 36 wait
            assertEquals(4, admitted);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theDelayGrowsWithFailuresAndASuccessEndsIt() {
        SignInPolicy policy = instance();
        String email = email();
        String network = network();
        for (int i = 0; i < 4; i++) {
            assertTrue(policy.admitSignIn(email, network, false).isPresent());
        }
        assertTrue(policy.admitSignIn(email, network, false).isEmpty(), "1 s to wait after the fourth failure");
        clock.advance(Duration.ofSeconds(1));
        assertTrue(policy.admitSignIn(email, network, false).isPresent());
        clock.advance(Duration.ofMillis(1999));
        assertTrue(policy.admitSignIn(email, network, false).isEmpty(), "now 2 s");
        clock.advance(Duration.ofMillis(1));
        Optional<SignInPolicy.Admission> right = policy.admitSignIn(email, network, false);
        policy.signedIn(right.orElseThrow());
        assertTrue(policy.admitSignIn(email, network, false).isPresent(), "a success starts the pair afresh");
    }

    @Test
    void anAttackersFailuresFromOneNetworkDoNotStopTheUserOnAnother() {
        SignInPolicy policy = instance();
        String email = email();
        String attacker = network();
        for (int i = 0; i < 30; i++) {
            fail(policy, email, attacker, false);
        }
        assertTrue(policy.admitSignIn(email, network(), false).isPresent(), "a new device elsewhere still gets its try");
    }

    @Test
    void oneNetworkTryingManyAddressesIsPausedAndOnlyIt() {
        SignInPolicy policy = instance();
        String sprayer = network();
        for (int i = 0; i < 8; i++) {
            assertTrue(fail(policy, email(), sprayer, false));
        }
        String target = email();
        assertFalse(policy.admitSignIn(target, sprayer, false).isPresent(), "8 failures per network in this test");
        assertTrue(policy.admitSignIn(target, network(), false).isPresent());
    }

    @Test
    void failuresSpreadOverManyNetworksPauseTheAddressButNotItsKnownDevice() {
        SignInPolicy policy = instance();
        String email = email();
        for (int n = 0; n < 3; n++) {
            String botnet = network();
            for (int i = 0; i < 3; i++) {
                assertTrue(fail(policy, email, botnet, false));
            }
        }
        assertTrue(fail(policy, email, network(), false), "the tenth failure of the address");
        assertFalse(policy.admitSignIn(email, network(), false).isPresent(), "an unknown device now waits");
        Optional<SignInPolicy.Admission> known = policy.admitSignIn(email, network(), true);
        assertTrue(known.isPresent(), "the user's known device, even with the address paused");
        policy.signedIn(known.orElseThrow());
    }

    @Test
    void twoInstancesShareTheCounts() {
        SignInPolicy one = instance();
        SignInPolicy two = instance();
        String email = email();
        String network = network();
        assertTrue(one.admitSignIn(email, network, false).isPresent());
        assertTrue(two.admitSignIn(email, network, false).isPresent());
        assertTrue(one.admitSignIn(email, network, false).isPresent());
        assertTrue(two.admitSignIn(email, network, false).isPresent());
        assertTrue(one.admitSignIn(email, network, false).isEmpty(), "the fifth try waits, on either instance");
        assertTrue(two.admitSignIn(email, network, false).isEmpty());
    }

    @Test
    void wrongCurrentPasswordsPauseThePasswordFormOfThatUserOnly() {
        SignInPolicy policy = instance();
        long user = Math.abs(UUID.randomUUID().getMostSignificantBits());
        for (int i = 0; i < 5; i++) {
            assertTrue(policy.admitPasswordCheck(user));
        }
        assertFalse(policy.admitPasswordCheck(user));
        assertTrue(policy.admitPasswordCheck(user + 1));
        clock.advance(Duration.ofMinutes(15));
        assertTrue(policy.admitPasswordCheck(user));
    }

    @Test
    void signUpsArePausedPerNetworkAndTypingMistakesDoNotCount() {
        SignInPolicy policy = instance();
        String network = network();
        for (int i = 0; i < 3; i++) {
            assertTrue(policy.admitSignUp(network));
            policy.signUpNotCounted(network);
        }
        for (int i = 0; i < 3; i++) {
            assertTrue(policy.admitSignUp(network));
        }
        assertFalse(policy.admitSignUp(network));
        assertTrue(policy.admitSignUp(network()));
    }

    @Test
    void aThrottleIsAuditedOncePerWindow() {
        SignInPolicy policy = instance();
        String email = email();
        assertTrue(policy.firstRefusal(Throttled.Kind.SIGN_IN, email));
        assertFalse(policy.firstRefusal(Throttled.Kind.SIGN_IN, email));
        assertTrue(policy.firstRefusal(Throttled.Kind.PASSWORD_CHANGE, email));
        clock.advance(Duration.ofMinutes(15));
        assertTrue(policy.firstRefusal(Throttled.Kind.SIGN_IN, email));
    }

    /** The defaults, with small per-network limits for these tests. */
    private static final class Settings implements AccountConfig {
        public String loginDomain() { return "smtp.example.test"; }
        public boolean signupEnabled() { return true; }
        public int loginMaxFailures() { return 10; }
        public int loginMaxFailuresPerNetwork() { return 8; }
        public Duration loginThrottleWindow() { return Duration.ofMinutes(15); }
        public int loginFreeFailures() { return 3; }
        public Duration loginDelay() { return Duration.ofSeconds(1); }
        public Duration loginMaxDelay() { return Duration.ofMinutes(1); }
        public String knownDeviceKey() { return "test-only-session-key-0123456789abcdef"; }
        public Duration knownDeviceMaxAge() { return Duration.ofDays(180); }
        public int passwordMaxFailures() { return 5; }
        public int signupMaxPerNetwork() { return 3; }
        public Duration signupWindow() { return Duration.ofHours(1); }
        public Duration sessionMaxAge() { return Duration.ofHours(12); }
        public Duration inviteValidFor() { return Duration.ofHours(72); }
        public Optional<String> baseUrl() { return Optional.empty(); }
    }
}
