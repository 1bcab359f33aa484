package dev.smtpkeys.sending;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.smtpkeys.support.MovableClock;
import dev.smtpkeys.support.RelayFixtures;
import dev.smtpkeys.support.SmtpTestClient;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Per-account sending limits, felt through the relay over real SMTP sessions: the rate per minute and
 * the quota per day, refused at MAIL FROM, counted once per acknowledged message, shared by sessions.
 */
@QuarkusTest
class SendingLimitsSmtpTest {

    private static final List<String> TO = List.of("someone@example.net");

    @Inject
    RelayFixtures relay;

    @Inject
    SendingFixtures sending;

    // 10:00:30 UTC: half a minute before the next minute window, far from the day's end
    private final MovableClock clock = new MovableClock(Instant.parse("2030-06-01T10:00:30Z"));
    private RelayFixtures.Key key;

    @BeforeEach
    void setUp() {
        sending.useClock(clock);
        key = relay.newAccountWithKey("Shop");
    }

    @AfterEach
    void tearDown() {
        sending.useClock(Clock.systemUTC());
    }

    @Test
    void overTheRateMailFromIsRefusedWith451UntilTheNextMinute() throws IOException {
        sending.override(key.accountId(), 2, 100);
        try (SmtpTestClient client = relay.authenticated(key)) {
            assertEquals(250, send(client).code());
            assertEquals(250, send(client).code());
            SmtpTestClient.Reply refused = client.command("MAIL FROM:<shop@example.org>");
            assertEquals(451, refused.code());
            assertTrue(refused.text().startsWith("4.7.1 Sending rate limit exceeded: 2 messages per minute"), refused.text());
            assertTrue(refused.text().endsWith("try again in 30 s"), refused.text());
            clock.advance(Duration.ofSeconds(30));
            assertEquals(250, send(client).code());
        }
        assertEquals(3, relay.messages(key).size());
    }

    @Test
    void overTheDayMailFromIsRefusedWith550UntilTheNextUtcDay() throws IOException {
        sending.override(key.accountId(), 100, 3);
        try (SmtpTestClient client = relay.authenticated(key)) {
            for (int i = 0; i < 3; i++) {
                assertEquals(250, send(client).code());
                clock.advance(Duration.ofMinutes(5));
            }
            SmtpTestClient.Reply refused = client.command("MAIL FROM:<shop@example.org>");
            assertEquals(550, refused.code());
            assertEquals("5.7.1 Daily sending quota exceeded: 3 messages per day for this account; it resets at 00:00 UTC",
                    refused.text());
            // a new minute does not help, a new day does; the session stays usable meanwhile
            clock.advance(Duration.ofHours(13));
            assertEquals(550, send(client).code());
            clock.advance(Duration.ofHours(1));
            assertEquals(250, send(client).code());
        }
        assertEquals(4, relay.messages(key).size());
        assertEquals(1, sending.dayCount(key.accountId()));
    }

    @Test
    void aMessageThatIsNotAcknowledgedDoesNotCount() throws IOException {
        sending.override(key.accountId(), 1, 100);
        try (SmtpTestClient client = relay.authenticated(key)) {
            assertEquals(250, client.command("MAIL FROM:<shop@example.org>").code());
            assertEquals(250, client.command("RCPT TO:<someone@example.net>").code());
            assertEquals(250, client.command("RSET").code());
            // refused at the end of DATA (bare line feed): given back as well
            assertEquals(554, client.send("shop@example.org", TO, "Subject: x\nbare LF\r\n").code());
            assertEquals(0, sending.dayCount(key.accountId()));
            assertEquals(250, send(client).code());
            assertEquals(451, client.command("MAIL FROM:<shop@example.org>").code());
        }
        assertEquals(1, sending.dayCount(key.accountId()));
    }

    @Test
    void anOverrideRaisesAndLowersTheLimitsAtOnce() throws IOException {
        sending.override(key.accountId(), 1, 100);
        try (SmtpTestClient client = relay.authenticated(key)) {
            assertEquals(250, send(client).code());
            assertEquals(451, send(client).code());
            sending.override(key.accountId(), 3, 100);
            assertEquals(250, send(client).code());
            assertEquals(250, send(client).code());
            assertEquals(451, send(client).code());
            // lowered below today's count: refused at once, by the day
            sending.override(key.accountId(), 3, 2);
            clock.advance(Duration.ofMinutes(1));
            assertEquals(550, send(client).code());
        }
    }

    @Test
    void theCountsLiveInTheDatabaseSoEveryInstanceSeesThem() throws IOException {
        sending.override(key.accountId(), 100, 10);
        try (SmtpTestClient client = relay.authenticated(key)) {
            assertEquals(250, send(client).code());
            // another instance's relay has sent the rest of today's ten
            sending.countedElsewhere(key.accountId(), 10);
            assertEquals(550, send(client).code());
        }
    }

    @Test
    void parallelSessionsOfOneAccountCannotExceedTheQuota() throws Exception {
        sending.override(key.accountId(), 1000, 7);
        int sessions = 6;
        int each = 4;
        ExecutorService pool = Executors.newFixedThreadPool(sessions);
        try {
            List<Callable<List<Integer>>> senders = new ArrayList<>();
            for (int s = 0; s < sessions; s++) {
                senders.add(() -> {
                    List<Integer> codes = new ArrayList<>();
                    try (SmtpTestClient client = relay.authenticated(key)) {
                        for (int m = 0; m < each; m++) {
                            codes.add(send(client).code());
                        }
                    }
                    return codes;
                });
            }
            List<Integer> codes = new ArrayList<>();
            for (Future<List<Integer>> done : pool.invokeAll(senders)) {
                codes.addAll(done.get());
            }
            assertEquals(7, codes.stream().filter(c -> c == 250).count(), codes.toString());
            assertEquals(sessions * each - 7, codes.stream().filter(c -> c == 550).count(), codes.toString());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(7, relay.messages(key).size());
        assertEquals(7, sending.dayCount(key.accountId()));
    }

    private static SmtpTestClient.Reply send(SmtpTestClient client) throws IOException {
        return client.send("shop@example.org", TO, RelayFixtures.message("Hi"));
    }
}
