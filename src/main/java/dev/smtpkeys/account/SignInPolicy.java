package dev.smtpkeys.account;

import java.util.Optional;

import dev.smtpkeys.limits.Counter;
import dev.smtpkeys.limits.Limit;
import dev.smtpkeys.limits.LimitStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * When a password may be tried: sign-in, the change-password form and sign-up, counted in the shared
 * {@link LimitStore} so that every instance holds the same limits. An attempt is counted before its
 * password is checked (so parallel guesses cannot all slip through) and given back when it was right.
 * Sign-in slows an attacker without handing them a lockout: a delay per (address, client network) that
 * grows with failures, a limit per address and one per network, both of which the user's known device
 * passes. Only the first few failures of each network count for the address, so the address limit
 * stops attacks spread over many networks while one network alone only slows itself. Unknown
 * addresses are counted exactly like known ones, so the answer reveals nothing.
 */
@ApplicationScoped
public class SignInPolicy {

    private final LimitStore store;
    private final Limit delay;
    private final Limit perAddress;
    private final Limit perNetwork;
    private final Limit passwordChecks;
    private final Limit signups;
    private final Limit audited;

    @Inject
    SignInPolicy(LimitStore store, AccountConfig config) {
        this.store = store;
        this.delay = Limit.of("sign-in-delay", Integer.MAX_VALUE, config.loginThrottleWindow())
                .backingOff(config.loginFreeFailures(), config.loginDelay(), config.loginMaxDelay());
        this.perAddress = Limit.of("sign-in-address", config.loginMaxFailures(), config.loginThrottleWindow());
        this.perNetwork = Limit.of("sign-in-network", config.loginMaxFailuresPerNetwork(), config.loginThrottleWindow());
        this.passwordChecks = Limit.of("password-check", config.passwordMaxFailures(), config.loginThrottleWindow());
        this.signups = Limit.of("sign-up", config.signupMaxPerNetwork(), config.signupWindow());
        this.audited = Limit.of("throttle-audited", 1, config.loginThrottleWindow());
    }

    /**
     * A sign-in let through: whether it counted against the address's limit (only the first failures
     * of each network do, so one network alone cannot exhaust an address).
     */
    public record Admission(String email, String network, boolean knownDevice, boolean countedForAddress) {
    }

    /**
     * Counts a sign-in of {@code email} from {@code network} before its password is checked; empty when
     * it must wait (then nothing was counted). A known device of that user passes the address and
     * network limits (still counted) and waits only for its own failures.
     */
    public Optional<Admission> admitSignIn(String email, String network, boolean knownDevice) {
        Admission[] admitted = new Admission[1];
        boolean ok = store.atomically(() -> {
            Optional<Counter> pair = store.take(delay, delaySubject(email, network, knownDevice));
            if (pair.isEmpty()) {
                return false;
            }
            // beyond its free failures a pair is slowed by its own delay and adds no more to the address
            boolean counts = pair.get().hits() <= delay.free();
            admitted[0] = new Admission(email, network, knownDevice, counts);
            if (knownDevice) {
                if (counts) {
                    store.hit(perAddress, email);
                }
                store.hit(perNetwork, network);
                return true;
            }
            boolean addressOk = counts ? store.take(perAddress, email).isPresent() : !exhausted(perAddress, email);
            return addressOk && store.take(perNetwork, network).isPresent();
        });
        return ok ? Optional.of(admitted[0]) : Optional.empty();
    }

    /** The password was right: the attempt was no failure, and the pair starts again without delay. */
    public void signedIn(Admission admission) {
        store.forget(delay, delaySubject(admission.email(), admission.network(), admission.knownDevice()));
        if (admission.countedForAddress()) {
            store.giveBack(perAddress, admission.email());
        }
        store.giveBack(perNetwork, admission.network());
    }

    private boolean exhausted(Limit limit, String subject) {
        return store.peek(limit, subject).map(counter -> counter.isExhausted(limit, store.now())).orElse(false);
    }

    /** Counts a check of the current password on the change-password form; false when it must wait. */
    public boolean admitPasswordCheck(long userId) {
        return store.take(passwordChecks, "user:" + userId).isPresent();
    }

    /** The current password was right: that check was no failure. */
    public void passwordCheckPassed(long userId) {
        store.giveBack(passwordChecks, "user:" + userId);
    }

    /** Counts a sign-up from {@code network}; false when it must wait. */
    public boolean admitSignUp(String network) {
        return store.take(signups, network).isPresent();
    }

    /** The sign-up was refused for a typing mistake, which does not count. */
    public void signUpNotCounted(String network) {
        store.giveBack(signups, network);
    }

    /** Whether a refusal of {@code kind} for {@code subject} is the first in this window, so worth one audit line. */
    public boolean firstRefusal(Throttled.Kind kind, String subject) {
        return store.take(audited, kind + ":" + subject).isPresent();
    }

    private static String delaySubject(String email, String network, boolean knownDevice) {
        // a known device waits for its own failures, not for an attacker's from a shared network
        return (knownDevice ? "device" : network) + " " + email;
    }
}
