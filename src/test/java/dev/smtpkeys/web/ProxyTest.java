package dev.smtpkeys.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.smtpkeys.audit.AuditAction;
import dev.smtpkeys.support.TestAccounts;
import dev.smtpkeys.support.TestData;
import dev.smtpkeys.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/**
 * Tests run from 127.0.0.1, a trusted proxy by default: its {@code X-Forwarded-For} names the client
 * and its {@code X-Forwarded-Proto: https} makes every cookie {@code Secure}; without the headers the
 * peer is the client and plain http keeps cookies as they are. (From an untrusted address:
 * {@link ProductionWebTest}.)
 */
@QuarkusTest
class ProxyTest {

    @Inject
    TestAccounts accounts;

    @Inject
    TestData data;

    @Test
    void aTrustedProxyNamesTheClient() {
        assertEquals("203.0.113.7", ipOfAKeyGeneratedWith(Map.of("X-Forwarded-For", "203.0.113.7")));
    }

    @Test
    void withoutAProxyHeaderThePeerIsTheClient() {
        assertEquals("127.0.0.1", ipOfAKeyGeneratedWith(Map.of()));
    }

    @Test
    void httpsSeenByATrustedProxyMakesEveryCookieSecure() {
        List<String> cookies = signInCookies(accounts.create().email(), Map.of("X-Forwarded-Proto", "https"));
        assertTrue(cookies.size() >= 5, cookies.toString());
        cookies.forEach(c -> assertTrue(SecureCookies.isSecure(c), c));
    }

    @Test
    void plainHttpWithoutAProxyHeaderKeepsCookiesAsTheyAre() {
        List<String> cookies = signInCookies(accounts.create().email(), Map.of());
        assertFalse(cookies.isEmpty());
        cookies.forEach(c -> assertFalse(SecureCookies.isSecure(c), c));
    }

    /**
     * The cookies of the login page, the language switch and the sign-in (CSRF, language, session,
     * sid), names and attributes only.
     */
    static List<String> signInCookies(String email, Map<String, String> headers) {
        Response login = given().headers(headers).get("/login");
        String token = CsrfTabsTest.token(login);
        Response language = given().headers(headers).redirects().follow(false).cookies(login.getCookies())
                .formParam("csrf-token", token).formParam("locale", "de").post("/language");
        Response signIn = given().headers(headers).redirects().follow(false)
                .formParam("j_username", email).formParam("j_password", TestAccounts.PASSWORD).post("/j_security_check");
        List<String> all = new java.util.ArrayList<>();
        for (Response r : List.of(login, language, signIn)) {
            // only the value is masked: the attributes (Path, Secure…) are what the tests read
            r.headers().getValues("Set-Cookie").forEach(c -> all.add(c.replaceFirst("=[^;]*", "=…")));
        }
        return all;
    }

    private String ipOfAKeyGeneratedWith(Map<String, String> headers) {
        TestAccounts.Created owner = accounts.create();
        WebSession session = WebSession.signIn(owner.email(), TestAccounts.PASSWORD);
        String token = CsrfTabsTest.token(session.get("/settings/keys/smtp"));
        given().redirects().follow(false).cookies(session.copyCookies()).headers(headers)
                .formParam("csrf-token", token).formParam("name", "Proxied").formParam("nonce", UUID.randomUUID().toString())
                .post("/settings/keys/smtp").then().statusCode(200);
        return data.events(owner.accountId(), AuditAction.KEY_GENERATED).stream()
                .filter(e -> "Proxied".equals(e.keyName)).findFirst().orElseThrow().ip;
    }
}
