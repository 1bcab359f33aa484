package dev.smtpkeys.leaks;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.smtpkeys.audit.AuditAction;
import dev.smtpkeys.audit.AuditEvent;
import dev.smtpkeys.keys.KeySecret;
import dev.smtpkeys.keys.KeyStatus;
import dev.smtpkeys.support.RelayFixtures;
import dev.smtpkeys.support.Waits;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/** Leak reports from a secret scanner: signed, recognising real keys, deactivating them, telling nobody whose. */
@QuarkusTest
class LeakReportTest {

    static final String SECRET = "test-only-secret-scanning-secret";
    static final String PATH = "/api/secret-scanning/report";

    @Inject
    RelayFixtures fixtures;

    @Inject
    MockMailbox mailbox;

    @Test
    void aReportedActiveKeyIsDeactivatedAuditedWithItsSourceAndTheAccountAlerted() {
        RelayFixtures.Key key = fixtures.newAccountWithKey("Shop");
        String email = QuarkusTransaction.requiringNew().call(() ->
                dev.smtpkeys.account.User.<dev.smtpkeys.account.User>find("account.id", key.accountId()).firstResult().email);
        String url = "https://github.com/someone/shop/blob/main/.env";
        String body = "[{\"token\":\"" + key.secret() + "\",\"type\":\"smtp_key\",\"url\":\"" + url + "\"},"
                + "{\"token\":\"" + KeySecret.generate() + "\",\"url\":\"https://example.org\"},"
                + "{\"token\":\"smtpk_not-a-key\",\"url\":\"https://example.org\"}]";

        Response answer = post(body, ReportSignature.sign(SECRET, bytes(body)));

        assertEquals(200, answer.statusCode());
        List<Map<String, Object>> results = answer.jsonPath().getList("$");
        assertEquals(List.of(true, false, false), results.stream().map(r -> r.get("real")).toList());
        assertEquals(List.of(true, false, false), results.stream().map(r -> r.get("deactivated")).toList());
        assertEquals(HexFormat.of().formatHex(KeySecret.hash(key.secret())), results.get(0).get("token_sha256"));
        assertFalse(answer.asString().contains(key.secret()) || answer.asString().contains(key.login())
                || answer.asString().contains("account"), "never whose key it was");
        assertEquals(java.util.Set.of("token_sha256", "real", "deactivated"), results.get(0).keySet());
        assertEquals(KeyStatus.INACTIVE, fixtures.load(key).status);
        AuditEvent event = QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent>find(
                "keyId = ?1 and action = ?2", key.keyId(), AuditAction.KEY_REPORTED_LEAKED).firstResult());
        assertEquals(url, event.reason);
        assertEquals("system", event.actorRole);
        Waits.waitFor(() -> mailbox.getMailsSentTo(email) != null && mailbox.getMailsSentTo(email).stream()
                .anyMatch(m -> m.getSubject().contains("found in public")));
        assertTrue(mailbox.getMailsSentTo(email).stream().anyMatch(m -> m.getText().contains(url)));

        // reported again: still a real key, but nothing left to deactivate
        Response again = post(body, ReportSignature.sign(SECRET, bytes(body)));
        assertEquals(true, again.jsonPath().getBoolean("[0].real"));
        assertEquals(false, again.jsonPath().getBoolean("[0].deactivated"));
    }

    @Test
    void unsignedOrWronglySignedReportsAreRefusedAndChangeNothing() {
        RelayFixtures.Key key = fixtures.newAccountWithKey("Shop");
        String body = "[{\"token\":\"" + key.secret() + "\",\"url\":\"https://example.org\"}]";
        assertEquals(401, post(body, null).statusCode());
        assertEquals(401, post(body, ReportSignature.sign("another-secret", bytes(body))).statusCode());
        assertEquals(401, post(body, "sha256=").statusCode());
        // signed for another body
        assertEquals(401, post(body, ReportSignature.sign(SECRET, bytes(body + " "))).statusCode());
        assertEquals(KeyStatus.ACTIVE, fixtures.load(key).status);
    }

    @Test
    void malformedAndOversizedBodiesAreRefused() {
        String notJson = "{\"token\": 1}";
        assertEquals(400, post(notJson, ReportSignature.sign(SECRET, bytes(notJson))).statusCode());
        String huge = "[" + "\"x\",".repeat(40_000) + "\"x\"]";
        assertEquals(413, post(huge, ReportSignature.sign(SECRET, bytes(huge))).statusCode());
    }

    @Test
    void theEndpointNeedsNoSessionAndNoCsrfToken() {
        String body = "[]";
        Response answer = post(body, ReportSignature.sign(SECRET, bytes(body)));
        assertEquals(200, answer.statusCode());
        assertEquals("[]", answer.asString());
        assertEquals(null, answer.getCookie("csrf-token"));
    }

    private static Response post(String body, String signature) {
        var request = given().redirects().follow(false).contentType("application/json").body(bytes(body));
        if (signature != null) {
            request.header(ReportSignature.HEADER, signature);
        }
        return request.post(PATH);
    }

    private static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }
}
