package dev.smtpkeys.account;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import dev.smtpkeys.audit.AuditAction;
import dev.smtpkeys.keys.SmtpKey;
import dev.smtpkeys.support.TestAccounts;
import dev.smtpkeys.support.TestData;
import dev.smtpkeys.support.WebSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/** Sign-up and signing in: the form, its rules, and the pause after too many wrong passwords. */
@QuarkusTest
class SignupTest {

    static final String PASSWORD = "a-long-enough-password";

    @Inject
    TestAccounts accounts;

    @Inject
    TestData data;

    @Test
    void signingUpCreatesTheAccountAndSignsIn() {
        WebSession browser = WebSession.anonymous();
        browser.get("/login").then().body(containsString("href=\"/signup\""));
        browser.get("/signup").then().statusCode(200);
        String email = "New.Customer-" + UUID.randomUUID() + "@Example.org";
        Map<String, String> form = form("New Customer GmbH", email, PASSWORD, PASSWORD);

        Response created = browser.post("/signup", form);
        created.then().statusCode(307).header("Location", containsString("/j_security_check"))
                .header("Cache-Control", containsString("no-store"));
        // what a browser does with a 307: the same POST, body and all, to the new location
        Map<String, String> replay = new LinkedHashMap<>(form);
        replay.put("csrf-token", browser.csrfToken());
        browser.postRaw("/j_security_check", replay).then().statusCode(302);

        Response home = browser.get("/settings/keys/smtp");
        home.then().statusCode(200).body(containsString("New Customer GmbH"));
        Document page = Jsoup.parse(home.asString());
        assertTrue(page.getElementById("smtp-login").text().endsWith("@smtp.example.test"));
        long accountId = QuarkusTransaction.requiringNew().call(() -> User.findByEmail(email).orElseThrow().account.id);
        assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(() ->
                SmtpKey.count("account.id = ?1 and master = true", accountId)));
        assertEquals(1, data.auditCount(accountId, AuditAction.ACCOUNT_CREATED));
        assertEquals(1, data.awaitAuditCount(accountId, AuditAction.LOGIN, 1));
        browser.get("/signup").then().statusCode(303);
    }

    @Test
    void aTakenAddressIsRefusedWithoutSayingWhose() {
        TestAccounts.Created existing = accounts.create();
        WebSession browser = WebSession.anonymous();
        Response answer = browser.post("/signup", form("Copycat Ltd", existing.email().toUpperCase(), PASSWORD, PASSWORD));
        answer.then().statusCode(400).body(containsString("cannot be created with this e-mail address"))
                .body(not(containsString(existing.smtpLogin()))).body(not(containsString("Test Co")))
                .body(not(containsString(PASSWORD)));
        Document page = Jsoup.parse(answer.asString());
        assertEquals("true", page.getElementById("signup-email").attr("aria-invalid"));
        assertEquals("Copycat Ltd", page.getElementById("signup-company").val());
        assertFalse(QuarkusTransaction.requiringNew().call(() -> Account.count("name", "Copycat Ltd") > 0));
    }

    @Test
    void passwordRulesAreCheckedBesideTheirFieldsAndTheTypedValuesKept() {
        String email = "rules-" + UUID.randomUUID() + "@example.org";
        Map<String[], String> cases = Map.of(
                new String[] { "short-pw", "short-pw" }, "signup-password:at least 12 characters",
                new String[] { email.toUpperCase(), email.toUpperCase() }, "signup-password:may not be your e-mail",
                new String[] { PASSWORD, PASSWORD + "!" }, "signup-repeat:do not match");
        cases.forEach((passwords, expected) -> {
            String field = expected.substring(0, expected.indexOf(':'));
            String message = expected.substring(expected.indexOf(':') + 1);
            Response answer = WebSession.anonymous().post("/signup", form("Rules AG", email, passwords[0], passwords[1]));
            answer.then().statusCode(400).body(containsString(message)).body(not(containsString(passwords[0])));
            Document page = Jsoup.parse(answer.asString());
            assertEquals("true", page.getElementById(field).attr("aria-invalid"), field);
            assertTrue(page.getElementById(field + "-error").hasAttr("aria-live"));
            assertTrue(page.getElementById(field).attr("aria-describedby").contains(field + "-error"));
            assertEquals("Rules AG", page.getElementById("signup-company").val());
            assertEquals(email, page.getElementById("signup-email").val());
            assertEquals("", page.getElementById("signup-password").val());
        });
        WebSession.anonymous().post("/signup", form("", "not-an-address", PASSWORD, PASSWORD)).then().statusCode(400)
                .body(containsString("name of your company")).body(containsString("valid e-mail address"));
        assertTrue(QuarkusTransaction.requiringNew().call(() -> User.findByEmail(email).isEmpty()));
    }

    @Test
    void tooManyWrongPasswordsPauseSignInForThatAddress() {
        TestAccounts.Created owner = accounts.create();
        for (int i = 0; i < 10; i++) {
            WebSession.anonymous().signInAttempt(owner.email(), "wrong-" + i).then().statusCode(302)
                    .header("Location", containsString("error"));
        }
        WebSession browser = WebSession.anonymous();
        Response paused = browser.signInAttempt(owner.email(), TestAccounts.PASSWORD);
        paused.then().statusCode(302).header("Location", containsString("error"));
        browser.get("/login?error=true").then().body(containsString("Too many failed sign-ins"));
        assertEquals(10, data.awaitAuditCount(owner.accountId(), AuditAction.LOGIN_FAILED, 10));

        // another address from the same place still gets in
        WebSession.signIn(accounts.create().email(), TestAccounts.PASSWORD);
    }

    private static Map<String, String> form(String company, String email, String password, String repeat) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("company", company);
        form.put("j_username", email);
        form.put("j_password", password);
        form.put("repeat", repeat);
        return form;
    }
}
