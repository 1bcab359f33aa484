package dev.smtpkeys.instances;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import dev.smtpkeys.support.SmtpTestClient;
import dev.smtpkeys.support.SmtpTestClient.Reply;

/**
 * Several instances behind a load balancer, proven on one machine (issue 10): two packaged prod jars
 * on one PostgreSQL schema, HAProxy in front with {@code docker/haproxy.cfg}, a stub smarthost. Runs
 * in {@code ./mvnw verify} after {@code package} (failsafe); needs HAProxy (see {@link Haproxy}).
 * The instances' logs stay in {@code target/two-instances-it/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesIT {

    private static final Pattern KEY = Pattern.compile("smtpk_[0-9A-Za-z]{46}");
    private static final String PASSWORD = "correct horse battery";

    private static TwoInstances cluster;
    /** Signed in through the balancer, in {@link #startBothBehindTheBalancer}. */
    private static WebClient user;
    private static String login;
    private static String key;

    @BeforeAll
    static void startBothBehindTheBalancer() throws Exception {
        cluster = TwoInstances.start(Path.of("").toAbsolutePath());
        String email = "owner-" + UUID.randomUUID() + "@example.com";
        user = signUp(email);
        login = cluster.strings("select a.smtp_login from account a join app_user u on u.account_id = a.id where u.email = ?", email).get(0);
        key = generateKey("balanced");
    }

    @AfterAll
    static void stopEverything() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void requestsAlternateBetweenTheInstancesAndTheSessionHolds() throws Exception {
        List<String> servedBy = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            WebClient.Page page = user.get("/settings/keys/smtp");
            assertEquals(200, page.status(), "signed-in page through the balancer, request " + i);
            assertTrue(page.body().contains(login), "the account's own page");
            servedBy.add(page.servedBy());
        }
        assertEquals(Set.of("app1", "app2"), new HashSet<>(servedBy), "both instances served");
        for (int i = 1; i < servedBy.size(); i++) {
            assertNotEquals(servedBy.get(i - 1), servedBy.get(i), "round robin alternates: " + servedBy);
        }
        for (AppInstance app : List.of(cluster.app1, cluster.app2)) {
            assertEquals(200, user.copyTo(app.httpPort).get("/settings/keys/smtp").status(), "the same cookies on " + app.name);
        }
    }

    @Test
    @Order(2)
    void tenWrongPasswordsOverBothInstancesAreThrottledAsOnOne() throws Exception {
        String email = "guessed-" + UUID.randomUUID() + "@example.com";
        signUp(email);
        WebClient attacker = new WebClient(cluster.haproxy.httpPort);
        Map<String, Integer> perInstance = new java.util.TreeMap<>();
        for (int i = 0; i < 10; i++) {
            WebClient.Page answer = attacker.signIn(email, "wrong password " + i);
            assertFalse(WebClient.signedIn(answer), "a wrong password");
            perInstance.merge(answer.servedBy(), 1, Integer::sum);
        }
        assertEquals(Map.of("app1", 5, "app2", 5), perInstance, "the tries were spread over both");
        // Each (account, network) has 3 free failures, then waits 1 s, doubling: counted apart, the two
        // instances would check at least 3 + 3 passwords; counted together, the tries after the third
        // wait (or, on a slow machine, one more now and then). A password that was checked and wrong is
        // one LOGIN_FAILED line; a try turned away before bcrypt writes none.
        awaitCondition("the failed sign-ins recorded", () -> failedSignIns(email) >= 3);
        long checked = failedSignIns(email);
        assertTrue(checked < 6, "passwords checked over both instances: " + checked + " (3 or 4 when they count together)");
    }

    private static long failedSignIns(String email) throws Exception {
        return Long.parseLong(cluster.strings("select count(*) from audit_event where actor_email = ? and action = 'LOGIN_FAILED'", email).get(0));
    }

    @Test
    @Order(3)
    void keyDeactivatedOnOneInstanceIsRefusedByTheOthersRelayAtOnce() throws Exception {
        String secret = generateKey("to-deactivate");
        try (SmtpTestClient open = authenticated(cluster.app2.smtpPort, secret)) {
            assertEquals(250, open.send("it@example.com", List.of("before@example.net"), SmtpLoad.message("before@example.net")).code(),
                    "the key sends on app2");
            String[] idVersion = cluster.strings("select id || ':' || version from smtp_key where name = 'to-deactivate'").get(0).split(":");
            WebClient onApp1 = user.copyTo(cluster.app1.httpPort);
            WebClient.Page done = onApp1.post("/settings/keys/smtp", "/settings/keys/smtp/" + idVersion[0] + "/deactivate",
                    Map.of("version", idVersion[1]));
            assertEquals(303, done.status(), "deactivated through app1");
            // the very next command after app1's answer: no cache, no delay (well within the one second)
            Reply next = open.send("it@example.com", List.of("after@example.net"), SmtpLoad.message("after@example.net"));
            assertNotEquals(250, next.code(), "app2's open session may not send with the deactivated key: " + next);
        }
        try (SmtpTestClient fresh = tls(cluster.app2.smtpPort)) {
            assertEquals(535, fresh.authPlain(login, secret).code(), "a new AUTH on app2 is refused");
        }
        try (SmtpTestClient balanced = tls(cluster.haproxy.smtpPort)) {
            assertEquals(535, balanced.authPlain(login, secret).code(), "and through the balancer");
        }
        assertTrue(cluster.strings("select 1 from outbound_message where 'after@example.net' = any(recipients)").isEmpty(),
                "nothing queued after the deactivation");
    }

    @Test
    @Order(4)
    void twoDeliveryWorkersDeliverEveryQueuedMessageExactlyOnce() throws Exception {
        int count = 60;
        // the first two deliveries wait for each other: each instance sends one message at a time (one
        // connection to the smarthost, see TwoInstances), so only both delivering at once open this gate
        cluster.smarthost.gate("deliver-", 2);
        try (SmtpTestClient smtp = authenticated(cluster.haproxy.smtpPort, key)) {
            for (int i = 0; i < count; i++) {
                String recipient = "deliver-" + i + "@example.net";
                assertEquals(250, smtp.send("it@example.com", List.of(recipient), SmtpLoad.message(recipient)).code());
            }
        }
        awaitCondition("every message delivered", () -> cluster.strings(
                "select 1 from outbound_message where recipients[1] like 'deliver-%' and status = 'SENT'").size() == count);
        assertTrue(cluster.smarthost.gateOpened(), "both instances' workers delivered at the same time");
        Map<String, Long> deliveries = cluster.smarthost.deliveries("deliver-");
        assertEquals(count, deliveries.size(), "every message arrived");
        deliveries.forEach((recipient, times) -> assertEquals(1L, times, recipient + " arrived once"));
    }

    @Test
    @Order(5)
    void anInstanceStoppedUnderLoadDrainsAndComesBackWithoutLosingMail() throws Exception {
        try (SmtpLoad load = new SmtpLoad(cluster.haproxy.smtpPort, login, key, "load-").start(3);
                WebPoller web = new WebPoller(cluster.haproxy.httpPort)) {
            awaitCondition("load on both instances", () -> load.greetedBy("app1", 0) && load.greetedBy("app2", 0));
            Drain drain = Drain.observe(cluster.app1, login, key);
            web.mark();
            long restartedAt = System.nanoTime();
            cluster.app1.start();
            cluster.app1.awaitReady();
            awaitCondition("app1 takes sessions again", () -> load.greetedBy("app1", restartedAt));
            awaitCondition("app1 serves the web again", () -> web.servedSinceMark("app1"));
            load.close();
            System.out.printf("two instances: %d messages acknowledged under load, %d retries (421/451), "
                    + "connections closed without an answer: %s%n", load.acknowledged().size(), load.retries(), load.dropped());

            assertTrue(drain.unreadyWhileStillListening(), "readiness turned unready before the relay stopped listening");
            assertTrue(drain.stoppedListeningDuringData(), "the relay stopped taking connections while a DATA was in progress");
            assertEquals(250, drain.dataReply().code(), "the DATA in progress finished: " + drain.dataReply());
            assertFalse(cluster.strings("select 1 from outbound_message where 'draining@example.net' = any(recipients)").isEmpty(),
                    "and its message is stored");
            // A connection closed without any answer (seen once in several runs on a machine at load 40+, not yet
            // explained) is printed above, not failed: it acknowledged nothing, and an MTA retries it like a 421.
            assertEquals(List.of(), load.unexpected(), "clients saw no answer but successes and 421/451 retries");
            Set<String> stored = new HashSet<>(cluster.strings(
                    "select recipients[1] from outbound_message where recipients[1] like 'load-%'"));
            Set<String> lost = new HashSet<>(load.acknowledged());
            lost.removeAll(stored);
            assertEquals(Set.of(), lost, "every acknowledged message is in the queue (" + load.acknowledged().size() + " acknowledged)");
            assertEquals(List.of(), web.failures(), "the web answered throughout");
            assertTrue(web.servedBy("app2"), "through the other instance");
        }
        for (int i = 0; i < 2; i++) {
            assertEquals(200, user.get("/settings/keys/smtp").status(), "the session outlives the restart");
        }
    }

    /** Signs up through the balancer (the form's 307 hands the same post to the login) and answers the signed-in client. */
    private static WebClient signUp(String email) throws Exception {
        WebClient web = new WebClient(cluster.haproxy.httpPort);
        Map<String, String> form = Map.of("company", "Balanced GmbH", "j_username", email, "j_password", PASSWORD, "repeat", PASSWORD);
        WebClient.Page created = web.post("/signup", "/signup", form);
        assertEquals(307, created.status(), "sign-up answered " + created.status());
        assertTrue(WebClient.signedIn(web.postRaw("/j_security_check", Map.of("j_username", email, "j_password", PASSWORD))),
                "signed in after sign-up");
        return web;
    }

    private static String generateKey(String name) throws Exception {
        WebClient.Page page = user.post("/settings/keys/smtp", "/settings/keys/smtp",
                Map.of("name", name, "nonce", UUID.randomUUID().toString()));
        Matcher secret = KEY.matcher(page.body());
        assertTrue(page.status() == 200 && secret.find(), "a new key is shown once (" + page.status() + ")");
        return secret.group();
    }

    static SmtpTestClient tls(int port) throws Exception {
        SmtpTestClient smtp = SmtpTestClient.open(port, null);
        smtp.ehlo();
        smtp.startTls();
        smtp.ehlo();
        return smtp;
    }

    static SmtpTestClient authenticated(int port, String secret) throws Exception {
        SmtpTestClient smtp = tls(port);
        Reply auth = smtp.authPlain(login, secret);
        if (!auth.is(235)) {
            smtp.close();
            throw new AssertionError("AUTH on " + port + ": " + auth);
        }
        return smtp;
    }

    interface Check {
        boolean holds() throws Exception;
    }

    /** Polls {@code check} until it holds; fails after two minutes with {@code what} and the logs' ends. */
    static void awaitCondition(String what, Check check) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!check.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached in 2 minutes: " + what + "\n" + cluster.app1.logTail() + "\n" + cluster.app2.logTail());
            }
            AppInstance.pause(50);
        }
    }
}
