package dev.smtpkeys.sending;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.smtpkeys.account.Account;
import dev.smtpkeys.support.MovableClock;
import dev.smtpkeys.support.TestAccounts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** What the pages read of an account's limits and counts: the override or the defaults, and only the current windows' counts. */
@QuarkusTest
class SendingUsageTest {

    private static final Instant NOW = Instant.parse("2030-06-01T10:00:30Z");
    private static final Instant THIS_MINUTE = Instant.parse("2030-06-01T10:00:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2030-06-01");

    @Inject
    TestAccounts accounts;

    @Inject
    SendingLimits limits;

    @Inject
    SendingFixtures sending;

    private Account account;

    @BeforeEach
    void setUp() {
        sending.useClock(new MovableClock(NOW));
        long id = accounts.create().accountId();
        account = QuarkusTransaction.requiringNew().call(() -> Account.findById(id));
    }

    @AfterEach
    void tearDown() {
        sending.useClock(Clock.systemUTC());
    }

    @Test
    void anAccountThatNeverSentHasTheDefaultsAndNothingCounted() {
        assertEquals(new SendingUsage(100, 1000, false, 0, 0), limits.usage(account.id));
    }

    @Test
    void theOverrideAndTheCurrentWindowsCountsAreShown() {
        sending.override(account.id, 5, 50);
        sending.counted(account.id, THIS_MINUTE, 3, TODAY, 7);
        assertEquals(new SendingUsage(5, 50, true, 3, 7), limits.usage(account.id));
    }

    @Test
    void countsOfAPastMinuteOrDayAreZero() {
        sending.counted(account.id, THIS_MINUTE.minusSeconds(60), 3, TODAY, 7);
        assertEquals(new SendingUsage(100, 1000, false, 0, 7), limits.usage(account.id));
        sending.counted(account.id, THIS_MINUTE.minusSeconds(86_400), 3, TODAY.minusDays(1), 7);
        assertEquals(new SendingUsage(100, 1000, false, 0, 0), limits.usage(account.id));
    }

    @Test
    void insideATransactionItSeesWhatTheTransactionWrote() {
        assertEquals(new SendingUsage(9, 90, true, 0, 0), QuarkusTransaction.requiringNew().call(() -> {
            Account.getEntityManager().createNativeQuery(
                    "insert into sending_limit (account_id, per_minute, per_day, updated_at) values (?1, 9, 90, now())")
                    .setParameter(1, account.id).executeUpdate();
            return limits.usage(account.id);
        }));
    }
}
