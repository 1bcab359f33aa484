package dev.smtpkeys.outbound;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import dev.smtpkeys.support.NewOwnerTest;
import dev.smtpkeys.support.RelayFixtures;
import dev.smtpkeys.support.SmtpTestClient;
import dev.smtpkeys.support.TestAccounts;
import dev.smtpkeys.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** What the account user sees of the relay: last use of each key, and the sent-mail page. */
@QuarkusTest
class MessagesPageTest extends NewOwnerTest {

    @Inject
    RelayFixtures fixtures;

    @Test
    void sentMailListsTheAccountsMessagesAndFiltersByKey() throws IOException {
        RelayFixtures.Key shop = fixtures.newKey(owner.accountId(), owner.smtpLogin(), "Shop");
        RelayFixtures.Key crm = fixtures.newKey(owner.accountId(), owner.smtpLogin(), "CRM");
        RelayFixtures.Key stranger = fixtures.newAccountWithKey("Theirs");
        send(shop, "Order <1>");
        send(crm, "Newsletter");
        send(stranger, "Not yours");

        WebSession session = WebSession.signIn(owner.email(), TestAccounts.PASSWORD);
        Document all = html(session.get("/settings/messages").then().statusCode(200)
                .header("Cache-Control", containsString("no-store")).extract().asString());
        List<String> subjects = all.select("table.messages tbody tr td:nth-child(5)").eachText();
        assertEquals(List.of("Newsletter", "Order <1>"), subjects);
        Element row = all.selectFirst("table.messages tbody tr");
        assertTrue(row.text().contains("CRM"));
        assertTrue(row.text().contains("shop@example.org"));
        assertTrue(row.text().contains("a@example.net"));

        Document onlyShop = html(session.get("/settings/messages?key=" + shop.keyId()).asString());
        assertEquals(List.of("Order <1>"), onlyShop.select("table.messages tbody tr td:nth-child(5)").eachText());
        assertEquals(String.valueOf(shop.keyId()), onlyShop.selectFirst("#key-filter option[selected]").val());

        session.get("/settings/messages?key=" + stranger.keyId()).then().statusCode(404);
        session.get("/settings/messages?key=999999999").then().statusCode(404);
    }

    @Test
    void failedDeliveriesShowATranslatedReasonAndNoInternalText() {
        long master = fixtures.masterKeyId(owner.accountId());
        long refused = fixtures.insertFinished(owner.accountId(), master, null, "FAILED", 1,
                "UPSTREAM_REJECTED|550 5.1.1 <a@example.net>: User unknown");
        long unreachable = fixtures.insertFinished(owner.accountId(), master, null, "SENT", 2,
                "UPSTREAM_UNREACHABLE");
        long expired = fixtures.insertFinished(owner.accountId(), master, null, "FAILED", 12,
                "EXPIRED|451 4.3.0 Try again later");
        // written before reason codes: it names an internal host
        long legacy = fixtures.insertFinished(owner.accountId(), master, null, "FAILED", 3,
                "Couldn't connect to host, port: smtp.internal, 25");

        WebSession english = WebSession.signIn(owner.email(), TestAccounts.PASSWORD);
        String englishHtml = english.get("/settings/messages").then().statusCode(200).extract().asString();
        Document en = html(englishHtml);
        assertEquals("Refused by the mail server: 550 5.1.1 <a@example.net>: User unknown", reason(en, refused));
        assertTrue(englishHtml.contains("&lt;a@example.net&gt;"), "the upstream's reply is escaped");
        assertEquals("The mail server could not be reached.", reason(en, unreachable));
        assertEquals("Given up after 12 attempts. Last answer: 451 4.3.0 Try again later", reason(en, expired));
        assertEquals("The delivery attempt failed.", reason(en, legacy));
        assertFalse(englishHtml.contains("smtp.internal"));
        assertFalse(englishHtml.contains("UPSTREAM_"));

        Document de = html(WebSession.signIn(owner.email(), TestAccounts.PASSWORD).language("de")
                .get("/settings/messages").asString());
        assertEquals("Vom Mailserver abgelehnt: 550 5.1.1 <a@example.net>: User unknown", reason(de, refused));
        assertEquals("Der Mailserver war nicht erreichbar.", reason(de, unreachable));
        assertEquals("Nach 12 Versuchen aufgegeben. Letzte Antwort: 451 4.3.0 Try again later", reason(de, expired));
        assertEquals("Der Zustellversuch ist fehlgeschlagen.", reason(de, legacy));
        // the master key has no stored name; the page shows its translated label
        assertEquals("Master-Passwort", de.getElementById("message-" + refused).selectFirst("td:nth-child(2)").text());
    }

    private static String reason(Document page, long messageId) {
        return page.getElementById("message-" + messageId).selectFirst(".delivery-error").text();
    }

    @Test
    void sentMailIsLinkedFromTheMenuAndFromEachKeyRow() {
        WebSession session = WebSession.signIn(owner.email(), TestAccounts.PASSWORD);
        Document keys = html(session.get("/settings/keys/smtp").asString());
        assertFalse(keys.select(".menu-links a[href=/settings/messages]").isEmpty());
        Element master = keys.selectFirst("table.keys tbody tr");
        assertTrue(master.selectFirst("a[href^=/settings/messages?key=]") != null);
        assertNotNull(html(session.get("/settings/messages").asString()).getElementById("no-messages"));
    }

    @Test
    void keyTableAndConfirmationsSayWhenAndFromWhereTheKeyWasLastUsed() throws IOException {
        RelayFixtures.Key key = fixtures.newKey(owner.accountId(), owner.smtpLogin(), "Shop");
        WebSession session = WebSession.signIn(owner.email(), TestAccounts.PASSWORD);

        Document before = html(session.get("/settings/keys/smtp").asString());
        assertTrue(before.getElementById("key-" + key.keyId()).selectFirst("td.last-used").text().contains("Never"));
        assertTrue(html(session.get("/settings/keys/smtp/" + key.keyId() + "/delete").asString()).text()
                .contains("This key has never been used."));

        String ip = RelayFixtures.freshIp();
        try (SmtpTestClient client = SmtpTestClient.open(fixtures.port(), ip)) {
            client.ehlo();
            assertEquals(235, client.authPlain(key.login(), key.secret()).code());
        }
        fixtures.flushUsage();

        Element row = html(session.get("/settings/keys/smtp").asString()).getElementById("key-" + key.keyId());
        assertTrue(row.selectFirst("td.last-used").text().contains("just now"), row.text());
        assertTrue(row.selectFirst("td.last-used").text().contains("from " + ip));
        // the JS dialog reads the sentence from the key's row; the no-JS page renders it
        assertEquals("This key was last used just now from " + ip + ".", row.attr("data-key-last-used"));
        for (String action : List.of("deactivate", "delete")) {
            assertTrue(html(session.get("/settings/keys/smtp/" + key.keyId() + "/" + action).asString()).text()
                    .contains("This key was last used just now from " + ip + "."));
        }
        WebSession german = WebSession.signIn(owner.email(), TestAccounts.PASSWORD).language("de");
        String germanPage = html(german.get("/settings/keys/smtp/" + key.keyId() + "/delete").asString()).text();
        assertTrue(germanPage.contains("zuletzt gerade eben von " + ip + " aus verwendet"), germanPage);
    }

    @io.quarkus.test.common.http.TestHTTPResource(value = "/metrics", management = true)
    java.net.URL metricsUrl;

    @Test
    void relayMetricsAreExported() throws IOException {
        RelayFixtures.Key key = fixtures.newAccountWithKey("Shop");
        send(key, "metered");
        // served on the management port, without sign-in, for Prometheus; the public port has no /q/metrics
        String metrics = io.restassured.RestAssured.get(metricsUrl).then().statusCode(200).extract().asString();
        TestAccounts.Created viewer = accounts.create();
        WebSession.signIn(viewer.email(), TestAccounts.PASSWORD).get("/q/metrics").then().statusCode(404);
        assertTrue(metrics.contains("smtpkeys_relay_auth_total{result=\"success\""), metrics);
        assertTrue(metrics.contains("smtpkeys_relay_messages_total{reason=\"queued\",result=\"accepted\""));
        assertTrue(metrics.contains("smtpkeys_relay_queue_depth"));
    }

    private void send(RelayFixtures.Key key, String subject) throws IOException {
        try (SmtpTestClient client = fixtures.authenticated(key)) {
            assertEquals(250, client.send("shop@example.org", List.of("a@example.net"), RelayFixtures.message(subject)).code());
        }
    }

    private static Document html(String body) {
        return Jsoup.parse(body);
    }
}
