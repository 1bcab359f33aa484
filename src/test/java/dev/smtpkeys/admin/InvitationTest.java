package dev.smtpkeys.admin;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.logmanager.ExtLogRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.smtpkeys.account.User;
import dev.smtpkeys.audit.AuditAction;
import dev.smtpkeys.support.TestAccounts;
import dev.smtpkeys.support.TestClock;
import dev.smtpkeys.support.TestData;
import dev.smtpkeys.support.WebSession;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/**
 * Accounts that support opens: the user is mailed a one-time link to choose a password; support never
 * sees one, and nobody can sign in before the user chose theirs.
 */
@QuarkusTest
class InvitationTest {

    private static final Pattern LINK = Pattern.compile("https?://[^/\\s]+(/account/welcome/([A-Za-z0-9_-]{43}))");
    private static final String PASSWORD = "my-own-password-1";

    @Inject
    TestAccounts accounts;

    @Inject
    TestData data;

    @Inject
    TestClock clock;

    @Inject
    MockMailbox mailbox;

    WebSession support;
    String email;

    @BeforeEach
    void supportSignsIn() {
        support = WebSession.signIn(accounts.createSupport(), TestAccounts.PASSWORD);
        email = "invited-" + UUID.randomUUID() + "@example.org";
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theUserChoosesAPasswordThroughTheMailedLinkSignsInAndCanReveal() {
        Response created = create("en");
        created.then().statusCode(200).header("Cache-Control", containsString("no-store"))
                .body(containsString("An invitation was sent to " + email));
        Mail mail = onlyMailTo(email);
        assertEquals("Choose the password for your new account", mail.getSubject());
        String path = link(mail.getText());
        String token = path.substring(path.lastIndexOf('/') + 1);
        assertTrue(mail.getHtml().contains(path), "the HTML part carries the same link");
        long accountId = accountOf(email);
        String accountPage = support.get("/admin/accounts/" + accountId).then().statusCode(200).extract().asString();
        assertFalse(created.asString().contains(token) || accountPage.contains(token), "support never sees the link");
        assertTrue(accountPage.contains("Invited: no password chosen yet"));
        String hash = QuarkusTransaction.requiringNew().call(() -> User.findByEmail(email).orElseThrow().passwordHash);
        assertTrue(hash.startsWith("$2a$10$"), "a bcrypt hash of the usual cost, so sign-in takes as long as for others");

        WebSession user = WebSession.anonymous();
        Response form = user.get(path);
        form.then().statusCode(200).header("Cache-Control", containsString("no-store"));
        assertEquals(List.of("no-referrer"), form.headers().getValues("Referrer-Policy"), "the link never leaves as a referrer");
        Document page = Jsoup.parse(form.asString());
        assertEquals(token, page.selectFirst("form[action=/account/welcome] input[type=hidden][name=token]").val());
        assertEquals(email, page.getElementById("welcome-email").val());

        Response tooShort = user.post("/account/welcome", "token", token, "j_username", email, "j_password", "short",
                "repeat", "short");
        tooShort.then().statusCode(400).body(containsString("at least 12 characters"));
        Document refused = Jsoup.parse(tooShort.asString());
        assertEquals(email, refused.getElementById("welcome-email").val(), "the form keeps the address");
        assertEquals("", refused.getElementById("welcome-password").val(), "never a typed password");
        assertEquals(token, refused.selectFirst("input[name=token]").val());

        Response chosen = user.post("/account/welcome", "token", token, "j_username", email, "j_password", PASSWORD,
                "repeat", PASSWORD);
        chosen.then().statusCode(307).header("Location", containsString("/j_security_check"))
                .header("Location", not(containsString(token)));
        // the browser posts the same form on: that is the sign-in
        Response signIn = user.postRaw("/j_security_check", Map.of("token", token, "j_username", email,
                "j_password", PASSWORD, "repeat", PASSWORD));
        signIn.then().statusCode(302).header("Location", not(containsString("error")));
        user.get("/settings/keys/smtp").then().statusCode(200).body(containsString("Invited Ltd"));
        assertTrue(user.post("/settings/keys/smtp/master/reveal").asString().contains("smtpk_"));
        WebSession.signIn(email, PASSWORD).get("/settings/keys/smtp").then().statusCode(200);
        assertEquals(1, data.auditCount(accountId, AuditAction.INVITATION_SENT));
        assertEquals(1, data.auditCount(accountId, AuditAction.PASSWORD_CHANGED));
        assertFalse(support.get("/admin/accounts/" + accountId).asString().contains("Send invitation again"));
    }

    @Test
    void theLinkIsInNoLogLine() {
        List<String> lines = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                String line = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
                synchronized (lines) {
                    lines.add(String.valueOf(line));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        root.addHandler(capture);
        String token;
        try {
            org.jboss.logging.Logger.getLogger(InvitationTest.class).info("log capture canary");
            create("en");
            String path = link(onlyMailTo(email).getText());
            token = path.substring(path.lastIndexOf('/') + 1);
            WebSession user = WebSession.anonymous();
            user.get(path).then().statusCode(200);
            user.post("/account/welcome", "token", token, "j_username", email, "j_password", "short", "repeat", "short")
                    .then().statusCode(400);
            user.post("/account/welcome", "token", token, "j_username", email, "j_password", PASSWORD, "repeat", PASSWORD)
                    .then().statusCode(307);
        } finally {
            root.removeHandler(capture);
        }
        synchronized (lines) {
            assertTrue(lines.contains("log capture canary"), "the capture saw the log");
            assertTrue(lines.stream().noneMatch(line -> line.contains(token)), "a log line carries the set-password link");
        }
    }

    @Test
    void theLinkWorksOnce() {
        create("en");
        String path = link(onlyMailTo(email).getText());
        String token = path.substring(path.lastIndexOf('/') + 1);
        WebSession user = WebSession.anonymous();
        user.get(path).then().statusCode(200);
        user.post("/account/welcome", "token", token, "j_username", email, "j_password", PASSWORD, "repeat", PASSWORD)
                .then().statusCode(307);

        WebSession other = WebSession.anonymous();
        other.get(path).then().statusCode(410).body(containsString("ask our support to send you a new invitation"))
                .header("Cache-Control", containsString("no-store"));
        other.post("/account/welcome", "token", token, "j_username", email, "j_password", "another-password-2",
                "repeat", "another-password-2").then().statusCode(410);
        WebSession.anonymous().signInAttempt(email, "another-password-2").then().header("Location", containsString("error"));
    }

    @Test
    void twoUsesAtTheSameMomentSucceedOnce() throws Exception {
        create("en");
        String path = link(onlyMailTo(email).getText());
        String token = path.substring(path.lastIndexOf('/') + 1);
        List<Callable<Integer>> uses = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            WebSession user = WebSession.anonymous();
            user.get(path).then().statusCode(200);
            String csrf = user.csrfToken();
            String password = "parallel-password-" + i;
            uses.add(() -> user.postRaw("/account/welcome", Map.of("csrf-token", csrf, "token", token,
                    "j_username", email, "j_password", password, "repeat", password)).statusCode());
        }
        ExecutorService pool = Executors.newFixedThreadPool(uses.size());
        try {
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : pool.invokeAll(uses)) {
                statuses.add(status.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 307).count(), statuses.toString());
            assertEquals(uses.size() - 1, statuses.stream().filter(s -> s == 410).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, data.auditCount(accountOf(email), AuditAction.PASSWORD_CHANGED));
    }

    @Test
    void anExpiredLinkIsRefused() {
        create("en");
        String path = link(onlyMailTo(email).getText());
        clock.advance(Duration.ofHours(71));
        WebSession.anonymous().get(path).then().statusCode(200);
        clock.advance(Duration.ofHours(2));
        WebSession user = WebSession.anonymous().language("de");
        user.get(path).then().statusCode(410).body(containsString("Bitten Sie unseren Support"));
        String token = path.substring(path.lastIndexOf('/') + 1);
        user.post("/account/welcome", "token", token, "j_username", email, "j_password", PASSWORD, "repeat", PASSWORD)
                .then().statusCode(410);
    }

    @Test
    void aNewInvitationReplacesTheOldLink() {
        create("de");
        Mail first = onlyMailTo(email);
        assertEquals("Wählen Sie das Passwort für Ihr neues Konto", first.getSubject());
        String oldPath = link(first.getText());
        long accountId = accountOf(email);
        long userId = QuarkusTransaction.requiringNew().call(() -> User.findByEmail(email).orElseThrow().id);
        String invite = "/admin/accounts/" + accountId + "/users/" + userId + "/invite";
        // a POST with CSRF like every admin action; without the token nothing is sent
        support.postRaw(invite, Map.of()).then().statusCode(400);
        assertEquals(1, mailbox.getMailsSentTo(email).size());

        support.post(invite).then().statusCode(303);
        support.get("/admin/accounts/" + accountId).then().body(containsString("A new invitation was sent to " + email));
        List<Mail> mails = mailbox.getMailsSentTo(email);
        assertEquals(2, mails.size());
        String newPath = link(mails.get(1).getText());
        assertTrue(mails.get(1).getText().contains("Passwort wählen"), "the language support picked");
        assertFalse(newPath.equals(oldPath));
        WebSession.anonymous().get(oldPath).then().statusCode(410);
        WebSession.anonymous().get(newPath).then().statusCode(200);
        assertEquals(2, data.auditCount(accountId, AuditAction.INVITATION_SENT));

        // once the password is chosen, there is nothing to invite to
        String token = newPath.substring(newPath.lastIndexOf('/') + 1);
        WebSession user = WebSession.anonymous();
        user.get(newPath);
        user.post("/account/welcome", "token", token, "j_username", email, "j_password", PASSWORD, "repeat", PASSWORD)
                .then().statusCode(307);
        support.post(invite).then().statusCode(303);
        assertEquals(2, mailbox.getMailsSentTo(email).size());
        assertEquals(2, data.auditCount(accountId, AuditAction.INVITATION_SENT));
    }

    @Test
    void anInvitationForAnotherAccountsUserIsNotSent() {
        create("en");
        long userId = QuarkusTransaction.requiringNew().call(() -> User.findByEmail(email).orElseThrow().id);
        TestAccounts.Created other = accounts.create();
        support.post("/admin/accounts/" + other.accountId() + "/users/" + userId + "/invite").then().statusCode(303);
        assertEquals(1, mailbox.getMailsSentTo(email).size());
    }

    @Test
    void unknownOrMalformedLinksGetTheSamePageAndNoError() {
        for (String path : List.of("/account/welcome/" + "A".repeat(43), "/account/welcome/short",
                "/account/welcome/%00", "/account/welcome/" + "x".repeat(500), "/account/welcome")) {
            Response answer = WebSession.anonymous().get(path);
            assertTrue(answer.statusCode() < 500, path.length() + " characters answered " + answer.statusCode());
            if (!path.contains("%00") && !path.endsWith("welcome")) {
                assertEquals(410, answer.statusCode(), path.length() + " characters");
                assertTrue(answer.asString().contains("This link no longer works"));
            }
        }
        WebSession user = WebSession.anonymous();
        user.post("/account/welcome", "token", "A".repeat(43), "j_username", "someone@example.org", "j_password",
                PASSWORD, "repeat", PASSWORD).then().statusCode(410).body(containsString("This link no longer works"));
        user.post("/account/welcome", "j_password", PASSWORD, "repeat", PASSWORD).then().statusCode(410);
    }

    private Response create(String language) {
        return support.post("/admin/accounts", "company", "Invited Ltd", "email", email, "language", language);
    }

    private Mail onlyMailTo(String to) {
        List<Mail> mails = mailbox.getMailsSentTo(to);
        assertNotNull(mails, "an invitation was mailed");
        assertEquals(1, mails.size());
        return mails.get(0);
    }

    private static String link(String text) {
        Matcher m = LINK.matcher(text);
        assertTrue(m.find(), text);
        return m.group(1);
    }

    private static long accountOf(String email) {
        return QuarkusTransaction.requiringNew().call(() -> User.findByEmail(email).orElseThrow().account.id);
    }
}
