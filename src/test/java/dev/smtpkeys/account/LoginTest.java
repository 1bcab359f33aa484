package dev.smtpkeys.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

import dev.smtpkeys.support.TestAccounts;
import dev.smtpkeys.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;

@QuarkusTest
class LoginTest {

    @Inject
    TestAccounts accounts;

    @Inject
    javax.sql.DataSource dataSource;

    @Test
    void anonymousVisitorsAreSentToTheLoginPage() {
        given().redirects().follow(false).get("/settings/keys/smtp").then().statusCode(302)
                .header("Location", endsWith("/login"));
        given().redirects().follow(false).get("/").then().statusCode(302).header("Location", endsWith("/login"));
        given().get("/login").then().statusCode(200).body(containsString("j_security_check"));
    }

    @Test
    void signingInLandsOnTheSmtpTab() {
        TestAccounts.Created user = accounts.create();
        WebSession session = WebSession.signIn(user.email(), TestAccounts.PASSWORD);
        Response home = session.get("/");
        home.then().statusCode(303).header("Location", endsWith("/settings/keys/smtp"));
        session.get("/settings/keys/smtp").then().statusCode(200).body(containsString(user.smtpLogin()));
    }

    @Test
    void aWrongPasswordShowsAMessageAndGrantsNothing() {
        TestAccounts.Created user = accounts.create();
        WebSession session = WebSession.anonymous();
        Response answer = session.signInAttempt(user.email(), "wrong-password-123");
        answer.then().statusCode(302).header("Location", containsString("/login?error"));
        assertFalse(session.hasCookie("quarkus-credential"));
        session.get("/login?error=true").then().statusCode(401).body(containsString("password is wrong"));
        session.language("de").get("/login?error=true").then().body(containsString("Passwort ist falsch"));
        session.get("/settings/keys/smtp").then().statusCode(302);
    }

    @Test
    void logoutEndsAccess() {
        TestAccounts.Created user = accounts.create();
        WebSession session = WebSession.signIn(user.email(), TestAccounts.PASSWORD);
        session.post("/logout").then().statusCode(303).header("Location", endsWith("/login"));
        assertFalse(session.hasCookie("quarkus-credential"));
        session.get("/settings/keys/smtp").then().statusCode(302).header("Location", endsWith("/login"));
    }

    @Test
    void aCopiedSessionCookieStopsWorkingAtLogout() {
        TestAccounts.Created user = accounts.create();
        WebSession session = WebSession.signIn(user.email(), TestAccounts.PASSWORD);
        WebSession thief = session.copy();
        thief.get("/settings/keys/smtp").then().statusCode(200);
        session.post("/logout").then().statusCode(303);
        thief.get("/settings/keys/smtp").then().statusCode(303).header("Location", endsWith("/login"));
        thief.get("/settings/keys/smtp").then().statusCode(302).header("Location", endsWith("/login"));
    }

    @Test
    void changingThePasswordSignsOutEveryOtherSession() {
        TestAccounts.Created user = accounts.create();
        WebSession here = WebSession.signIn(user.email(), TestAccounts.PASSWORD);
        WebSession elsewhere = WebSession.signIn(user.email(), TestAccounts.PASSWORD);
        here.post("/account/password", "current", TestAccounts.PASSWORD, "password", "a-new-password-42",
                "repeat", "a-new-password-42").then().statusCode(303);
        here.get("/settings/keys/smtp").then().statusCode(200);
        elsewhere.get("/settings/keys/smtp").then().statusCode(303).header("Location", endsWith("/login"));
    }

    @Test
    void aSessionOlderThanItsMaximumAgeIsOver() throws Exception {
        TestAccounts.Created user = accounts.create();
        WebSession session = WebSession.signIn(user.email(), TestAccounts.PASSWORD);
        try (java.sql.Connection c = dataSource.getConnection(); java.sql.PreparedStatement s = c.prepareStatement(
                "update user_session set created_at = now() - interval '13 hours' where user_id = ?")) {
            s.setLong(1, user.userId());
            s.executeUpdate();
        }
        session.get("/settings/keys/smtp").then().statusCode(303).header("Location", endsWith("/login"));
    }

    @Test
    void aSignInPostedFromAnotherSiteIsRefused() {
        TestAccounts.Created user = accounts.create();
        for (String[] header : new String[][] { { "Origin", "https://evil.example" }, { "Sec-Fetch-Site", "cross-site" } }) {
            given().redirects().follow(false).header(header[0], header[1])
                    .formParam("j_username", user.email()).formParam("j_password", TestAccounts.PASSWORD)
                    .post("/j_security_check").then().statusCode(403).header("Set-Cookie", org.hamcrest.Matchers.nullValue());
        }
        given().redirects().follow(false).header("Sec-Fetch-Site", "same-origin")
                .formParam("j_username", user.email()).formParam("j_password", TestAccounts.PASSWORD)
                .post("/j_security_check").then().statusCode(302).header("Location", not(containsString("error")));
    }

    @Test
    void logoutWithoutCsrfTokenIsRefused() {
        TestAccounts.Created user = accounts.create();
        WebSession session = WebSession.signIn(user.email(), TestAccounts.PASSWORD);
        session.postRaw("/logout", java.util.Map.of()).then().statusCode(400);
        session.get("/settings/keys/smtp").then().statusCode(200);
    }

    @Test
    void pagesCarryTheSecurityHeaders() {
        TestAccounts.Created user = accounts.create();
        WebSession session = WebSession.signIn(user.email(), TestAccounts.PASSWORD);
        session.get("/settings/keys/smtp").then()
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Content-Security-Policy", not(containsString("unsafe-inline")))
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "same-origin")
                .header("Cache-Control", containsString("no-store"))
                .body(not(containsString("<script>")))
                .body(not(containsString(" style=\"")))
                .body(not(containsString(" onclick=")));
        given().get("/static/app.css").then().statusCode(200).header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void theSessionCookieIsHttpOnlyAndStrict() {
        TestAccounts.Created user = accounts.create();
        WebSession session = WebSession.anonymous();
        Response answer = session.signInAttempt(user.email(), TestAccounts.PASSWORD);
        String setCookie = answer.headers().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("quarkus-credential=")).findFirst().orElseThrow();
        assertEquals(true, setCookie.toLowerCase().contains("httponly"), setCookie.replaceAll("=[^;]*;", "=…;"));
        assertEquals(true, setCookie.toLowerCase().contains("samesite=strict"), setCookie.replaceAll("=[^;]*;", "=…;"));
    }
}
