package dev.smtpkeys.account;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import dev.smtpkeys.audit.AuditAction;
import dev.smtpkeys.limits.Limit;
import dev.smtpkeys.limits.LimitStore;
import dev.smtpkeys.support.TestAccounts;
import dev.smtpkeys.support.TestData;
import dev.smtpkeys.support.WebSession;
import io.restassured.http.Cookie;
import io.restassured.response.Response;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** Sign-in, password change and sign-up throttling through the real web stack (issue 8, item 3). */
@QuarkusTest
class SignInThrottleTest {

    /** The counter of failures per address, as {@link SignInPolicy} names it. */
    private static final Limit PER_ADDRESS = Limit.of("sign-in-address", 10, Duration.ofMinutes(15));

    @Inject
    TestAccounts accounts;

    @Inject
    TestData data;

    @Inject
    LimitStore limits;

    @Inject
    javax.sql.DataSource dataSource;

    @Test
    void tenWrongPasswordsDoNotLockTheUserOutOfTheirKnownDevice() {
        TestAccounts.Created user = accounts.create();
        WebSession laptop = WebSession.signIn(user.email(), TestAccounts.PASSWORD);
        laptop.post("/logout").then().statusCode(303);
        assertTrue(laptop.hasCookie(KnownDevices.COOKIE), "a sign-in marks the browser as known");
        for (int i = 0; i < 10; i++) {
            WebSession.anonymous().signInAttempt(user.email(), "wrong-" + i).then().statusCode(302)
                    .header("Location", containsString("error"));
        }
        laptop.signInAttempt(user.email(), TestAccounts.PASSWORD).then().statusCode(302)
                .header("Location", org.hamcrest.Matchers.not(containsString("error")));
        laptop.get("/settings/keys/smtp").then().statusCode(200);
    }

    @Test
    void anAddressPausedByFailuresFromManyNetworksSaysTryLaterAndIsAuditedOnce() {
        TestAccounts.Created user = accounts.create();
        for (int i = 0; i < 10; i++) {
            limits.hit(PER_ADDRESS, user.email());
        }
        WebSession stranger = WebSession.anonymous();
        for (int i = 0; i < 3; i++) {
            stranger.signInAttempt(user.email(), TestAccounts.PASSWORD).then().statusCode(302)
                    .header("Location", containsString("error"));
        }
        stranger.get("/login?error=true").then().body(containsString("please try again later"))
                .body(org.hamcrest.Matchers.not(containsString("password is wrong")));
        stranger.signInAttempt(user.email(), TestAccounts.PASSWORD);
        stranger.language("de").get("/login?error=true").then().body(containsString("versuchen Sie es später erneut"));
        assertEquals(1, data.awaitAuditCount(user.accountId(), AuditAction.LOGIN_THROTTLED, 1));
        assertEquals(0, data.auditCount(user.accountId(), AuditAction.LOGIN_FAILED), "no password was checked");
    }

    @Test
    void theKnownDeviceCookieIsHttpOnlyStrictAndLong() {
        TestAccounts.Created user = accounts.create();
        WebSession browser = WebSession.anonymous();
        Response answer = browser.signInAttempt(user.email(), TestAccounts.PASSWORD);
        Cookie cookie = answer.getDetailedCookie(KnownDevices.COOKIE);
        assertTrue(cookie.isHttpOnly());
        assertEquals("Strict", cookie.getSameSite());
        assertTrue(cookie.getMaxAge() > 86_400L * 30);
        assertTrue(!cookie.isSecured(), "plain http here; Secure when the request came over https");
    }

    @Test
    void parallelWrongPasswordsAreCountedBeforeBcryptSoFewAreChecked() throws Exception {
        TestAccounts.Created user = accounts.create();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Callable<Integer>> guesses = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String guess = "parallel-guess-" + i;
                guesses.add(() -> WebSession.anonymous().signInAttempt(user.email(), guess).statusCode());
            }
            for (Future<Integer> answer : pool.invokeAll(guesses)) {
                assertEquals(302, answer.get());
            }
        } finally {
            pool.shutdownNow();
        }
        // before: all 20 passed the check before the first bcrypt ended, and all 20 were checked
        long checked = data.awaitAuditCount(user.accountId(), AuditAction.LOGIN_FAILED, 20);
        assertTrue(checked <= 10, checked + " of 20 parallel guesses had their password checked");
        assertEquals(1, data.awaitAuditCount(user.accountId(), AuditAction.LOGIN_THROTTLED, 1));
    }

    @Test
    void wrongCurrentPasswordsPauseThePasswordForm() {
        TestAccounts.Created user = accounts.create();
        WebSession session = WebSession.signIn(user.email(), TestAccounts.PASSWORD);
        for (int i = 0; i < 5; i++) {
            session.post("/account/password", "current", "wrong-current-" + i, "password", "a-new-password-42",
                    "repeat", "a-new-password-42").then().statusCode(400);
        }
        session.post("/account/password", "current", TestAccounts.PASSWORD, "password", "a-new-password-42",
                "repeat", "a-new-password-42").then().statusCode(429).body(containsString("please try again later"));
        assertEquals(1, data.awaitAuditCount(user.accountId(), AuditAction.PASSWORD_THROTTLED, 1));
        WebSession.signIn(user.email(), TestAccounts.PASSWORD);
    }

    @Test
    void signUpIsPausedPerNetwork() throws Exception {
        // the test profile sets the per-network limit out of the way (every test signs up from here)
        Limit signups = Limit.of("sign-up", 100_000, Duration.ofHours(1));
        limits.hit(signups, "127.0.0.1");
        try (var connection = dataSource.getConnection(); var fill = connection.prepareStatement(
                "update limit_counter set hits = 100000 where purpose = 'sign-up' and subject = '127.0.0.1'")) {
            fill.executeUpdate();
        }
        try {
            WebSession.anonymous().post("/signup", "company", "Paused AG", "j_username", "paused@example.org",
                    "j_password", TestAccounts.PASSWORD, "repeat", TestAccounts.PASSWORD)
                    .then().statusCode(429).body(containsString("please try again later"))
                    .body(containsString("paused@example.org"));
        } finally {
            limits.forget(signups, "127.0.0.1");
        }
        WebSession.anonymous().post("/signup", "company", "Open AG", "j_username", "open-" + System.nanoTime()
                + "@example.org", "j_password", TestAccounts.PASSWORD, "repeat", TestAccounts.PASSWORD)
                .then().statusCode(307);
    }
}
