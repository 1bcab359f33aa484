package dev.smtpkeys.sending;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.smtpkeys.audit.AuditAction;
import dev.smtpkeys.support.RelayFixtures;
import dev.smtpkeys.support.SmtpTestClient;
import dev.smtpkeys.support.TestAccounts;
import dev.smtpkeys.support.TestData;
import dev.smtpkeys.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/** The sending limits on the SMTP tab and support's form for them: what shows, what is audited, what is refused. */
@QuarkusTest
class SendingLimitsPagesTest {

    private static final String REASON = "Customer asked for more volume for a launch";

    @Inject
    TestAccounts accounts;

    @Inject
    TestData data;

    @Inject
    RelayFixtures relay;

    @Inject
    SendingFixtures sending;

    private TestAccounts.Created customer;
    private String form;

    @BeforeEach
    void setUp() {
        customer = accounts.create();
        form = "/admin/accounts/" + customer.accountId() + "/sending-limits";
    }

    @Test
    void theSmtpTabShowsTheLimitsAndTodaysUsageInBothLanguages() throws IOException {
        RelayFixtures.Key key = relay.newKey(customer.accountId(), customer.smtpLogin(), "Shop");
        try (SmtpTestClient client = relay.authenticated(key)) {
            for (int i = 0; i < 2; i++) {
                assertEquals(250, client.send("shop@example.org", List.of("a@example.net"), RelayFixtures.message("m")).code());
            }
        }
        WebSession user = WebSession.signIn(customer.email(), TestAccounts.PASSWORD);
        Document page = html(user.get("/settings/keys/smtp").then().statusCode(200).extract().response());
        assertEquals("100", page.getElementById("sending-per-minute").text());
        assertEquals("1000", page.getElementById("sending-per-day").text());
        assertEquals("2 of 1000", page.getElementById("sending-usage").text());
        assertTrue(page.text().contains("998 left today"), page.text());
        assertTrue(page.text().contains("451 4.7.1"));
        Document german = html(user.language("de").get("/settings/keys/smtp").then().statusCode(200).extract().response());
        assertEquals("2 von 1000", german.getElementById("sending-usage").text());
        assertTrue(german.text().contains("Versandlimits"));
    }

    @Test
    void supportSetsLimitsWithAReasonAuditedAndShownToTheAccount() {
        WebSession support = supportSession();
        Document empty = html(support.get(form).then().statusCode(200).extract().response());
        assertEquals("100", empty.getElementById("per-minute").val());
        assertEquals("1000", empty.getElementById("per-day").val());
        long before = data.auditCount(customer.accountId());

        support.post(form, "perMinute", "20", "perDay", "5,000", "reason", REASON, "action", "save")
                .then().statusCode(303).header("Location", containsString("/admin/accounts/" + customer.accountId()));
        assertEquals("20/5000", sending.storedOverride(customer.accountId()));
        assertEquals(before + 1, data.auditCount(customer.accountId()));
        assertEquals(1, data.auditCount(customer.accountId(), AuditAction.SENDING_LIMITS_SET));
        Document account = html(support.get("/admin/accounts/" + customer.accountId()));
        assertEquals("5000", account.getElementById("sending-per-day").text());
        assertTrue(account.text().contains("Sending limits saved."));

        WebSession user = WebSession.signIn(customer.email(), TestAccounts.PASSWORD);
        Document activity = html(user.get("/settings/activity").then().statusCode(200).extract().response());
        assertTrue(activity.text().contains("Sending limits set to 20 messages per minute and 5000 per day"), activity.text());
        assertTrue(activity.text().contains(REASON));
        Document tab = html(user.get("/settings/keys/smtp"));
        assertEquals("20", tab.getElementById("sending-per-minute").text());
        assertTrue(tab.text().contains("Set for this account by support."));
    }

    @Test
    void resetToTheDefaultsIsAuditedToo() {
        WebSession support = supportSession();
        support.post(form, "perMinute", "5", "perDay", "50", "reason", REASON, "action", "save").then().statusCode(303);
        support.post(form, "perMinute", "5", "perDay", "50", "reason", "Launch is over, back to normal", "action", "reset")
                .then().statusCode(303);
        assertNull(sending.storedOverride(customer.accountId()));
        assertEquals(1, data.auditCount(customer.accountId(), AuditAction.SENDING_LIMITS_RESET));
        WebSession user = WebSession.signIn(customer.email(), TestAccounts.PASSWORD);
        assertTrue(html(user.get("/settings/activity")).text().contains("Sending limits reset to the defaults"));
    }

    @Test
    void badInputIsRefusedInTheReadersLanguageWithWhatWasTypedKept() {
        WebSession support = supportSession();
        long before = data.auditCount(customer.accountId());
        Response answer = support.post(form, "perMinute", "lots", "perDay", "0", "reason", "short", "action", "save");
        answer.then().statusCode(400);
        Document page = html(answer);
        assertEquals("lots", page.getElementById("per-minute").val());
        assertEquals("0", page.getElementById("per-day").val());
        assertEquals("short", page.getElementById("limits-reason").val().strip());
        assertEquals("true", page.getElementById("per-minute").attr("aria-invalid"));
        assertEquals("Enter a whole number from 1 to 1000000.", page.getElementById("per-minute-error").text());
        assertEquals("Enter a whole number from 1 to 100000000.", page.getElementById("per-day-error").text());
        assertEquals("Please give a reason of at least 10 characters.", page.getElementById("limits-reason-error").text());

        Document german = html(support.language("de").post(form, "perMinute", "2000000", "perDay", "10",
                "reason", REASON, "action", "save").then().statusCode(400).extract().response());
        assertEquals("Geben Sie eine ganze Zahl von 1 bis 1000000 ein.", german.getElementById("per-minute-error").text());
        assertNull(german.getElementById("per-day-error"));
        assertEquals("10", german.getElementById("per-day").val());

        support.post(form, "perMinute", "5", "perDay", "50", "reason", " ", "action", "reset").then().statusCode(400);
        assertNull(sending.storedOverride(customer.accountId()));
        assertEquals(before, data.auditCount(customer.accountId()));
    }

    @Test
    void theFormNeedsItsCsrfTokenAndASupportRole() {
        WebSession support = supportSession();
        support.postRaw(form, Map.of("perMinute", "5", "perDay", "50", "reason", REASON, "action", "save"))
                .then().statusCode(400);
        WebSession user = WebSession.signIn(customer.email(), TestAccounts.PASSWORD);
        user.get(form).then().statusCode(403);
        user.post(form, "perMinute", "5000", "perDay", "500000", "reason", REASON, "action", "save").then().statusCode(403);
        support.get("/admin/accounts/999999999/sending-limits").then().statusCode(404);
        assertNull(sending.storedOverride(customer.accountId()));
    }

    private WebSession supportSession() {
        return WebSession.signIn(accounts.createSupport(), TestAccounts.PASSWORD);
    }

    private static Document html(Response response) {
        return Jsoup.parse(response.asString());
    }
}
