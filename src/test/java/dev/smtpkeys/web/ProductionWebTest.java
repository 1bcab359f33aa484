package dev.smtpkeys.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

/**
 * The app with its {@code %prod} settings (the test profile still supplies keys and the database)
 * and a trusted proxy at another address than the tests': forged forwarding headers change nothing,
 * every cookie is {@code Secure}, the CSRF cookie is {@code __Host-csrf}, pages carry HSTS.
 */
@QuarkusTest
@TestProfile(ProductionWebTest.Production.class)
class ProductionWebTest {

    public static class Production implements QuarkusTestProfile {
        @Override
        public String getConfigProfile() {
            return "prod,test"; // the last wins: %test where both say something, %prod for the rest
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.proxy.trusted-proxies", "192.0.2.10/32");
        }
    }

    @Inject
    TestAccounts accounts;

    @Inject
    TestData data;

    @Test
    void forgedForwardingHeadersFromAnUntrustedAddressChangeNothing() {
        TestAccounts.Created owner = accounts.create();
        WebSession session = WebSession.signIn(owner.email(), TestAccounts.PASSWORD);
        String token = CsrfTabsTest.token(session.get("/settings/keys/smtp"));
        given().redirects().follow(false).cookies(session.copyCookies())
                .header("X-Forwarded-For", "203.0.113.7").header("Forwarded", "for=203.0.113.8;proto=https")
                .formParam("csrf-token", token).formParam("name", "Forged").formParam("nonce", UUID.randomUUID().toString())
                .post("/settings/keys/smtp").then().statusCode(200);
        assertEquals("127.0.0.1", data.events(owner.accountId(), AuditAction.KEY_GENERATED).stream()
                .filter(e -> "Forged".equals(e.keyName)).findFirst().orElseThrow().ip);
    }

    @Test
    void everyCookieIsSecureAndTheCsrfCookieIsHostOnly() {
        List<String> cookies = ProxyTest.signInCookies(accounts.create().email(), Map.of());
        assertTrue(cookies.size() >= 5, cookies.toString());
        cookies.forEach(c -> assertTrue(SecureCookies.isSecure(c), c));
        assertTrue(cookies.stream().anyMatch(c -> c.startsWith("__Host-csrf=") && c.contains("Path=/")), cookies.toString());
    }

    @Test
    void pagesCarryHsts() {
        given().get("/login").then().statusCode(200).header("Strict-Transport-Security", "max-age=31536000");
    }
}
