package dev.smtpkeys.admin;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.oneOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.smtpkeys.audit.AuditAction;
import dev.smtpkeys.audit.AuditEvent;
import dev.smtpkeys.keys.KeyStatus;
import dev.smtpkeys.support.TestAccounts;
import dev.smtpkeys.support.TestData;
import dev.smtpkeys.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/** Support's pages over HTTP: who may open them, what they show, and what each action writes. */
@QuarkusTest
class AdminPagesTest {

    static final String REASON = "Customer reported the key leaked on GitHub";

    @Inject
    TestAccounts accounts;

    @Inject
    TestData data;

    TestAccounts.Created customer;
    WebSession support;
    String base;

    @BeforeEach
    void setUp() {
        customer = accounts.create();
        support = WebSession.signIn(accounts.createSupport(), TestAccounts.PASSWORD);
        base = "/admin/accounts/" + customer.accountId();
    }

    @Test
    void anAccountUserGets403OnEveryAdminRoute() {
        WebSession user = WebSession.signIn(customer.email(), TestAccounts.PASSWORD);
        long key = data.generateKey(customer, "Shop");
        for (String path : List.of("/admin", "/admin?q=test", "/admin/accounts/new", base,
                base + "/keys/" + key + "/deactivate", base + "/keys/deactivate-all")) {
            user.get(path).then().statusCode(403);
        }
        for (String path : List.of("/admin/accounts", base + "/keys/" + key + "/deactivate",
                base + "/keys/" + key + "/delete", base + "/keys/deactivate-all")) {
            user.post(path, "reason", REASON, "company", "X", "email", "x@example.org").then().statusCode(403);
        }
        assertEquals(KeyStatus.ACTIVE, data.status(key));
        assertTrue(data.keyExists(key));
    }

    @Test
    void supportGetsNoSettingsPageOfAnyAccount() {
        long key = data.generateKey(customer, "Shop");
        for (String path : List.of("/settings/keys/smtp", "/settings/keys/smtp/new", "/settings/activity",
                "/settings/keys/smtp/" + key + "/deactivate")) {
            support.get(path).then().statusCode(403);
        }
        for (String path : List.of("/settings/keys/smtp/master/reveal", "/settings/keys/smtp/" + key + "/deactivate")) {
            support.post(path).then().statusCode(403);
        }
        support.post("/settings/keys/smtp", "name", "Sneaky", "nonce", "").then().statusCode(403);
        assertEquals(KeyStatus.ACTIVE, data.status(key));
        assertEquals(0, data.auditCount(customer.accountId(), AuditAction.MASTER_REVEALED));
        support.get("/").then().statusCode(303).header("Location", containsString("/admin"));
    }

    @Test
    void searchFindsAccountsByAnyPartCaseInsensitively() {
        data.generateKey(customer, "Zebra-Integration-" + customer.accountId());
        String login = customer.smtpLogin();
        for (String q : List.of(customer.email().substring(5, 20).toUpperCase(), login.substring(0, 5).toUpperCase(),
                "zebra-integration-" + customer.accountId(), "test co " + customer.email().substring(5, 13))) {
            Document page = html(support.get("/admin?q=" + q).then().statusCode(200).extract().response());
            assertTrue(page.getElementById("account-" + customer.accountId()) != null, "found by " + q);
            assertTrue(page.getElementById("account-" + customer.accountId()).text().contains("2 of 2 active"), q);
        }
        Document none = html(support.get("/admin?q=no-such-account-%25_"));
        assertTrue(none.getElementById("no-hits") != null);
    }

    @Test
    void theAccountPageShowsMetadataButNoSecret() {
        data.generateKey(customer, "Shop");
        Response answer = support.get(base);
        answer.then().statusCode(200).header("Cache-Control", containsString("no-store"));
        String body = answer.asString();
        Document page = html(answer);
        assertTrue(page.text().contains(customer.email()));
        assertTrue(page.text().contains(customer.smtpLogin()));
        assertEquals(2, page.select("table.keys:not(.activity) tbody tr").size());
        assertTrue(page.select("form[action$=/master/reveal]").isEmpty());
        assertFalse(body.contains("smtpk_"));
        assertTrue(page.select("a[href^='" + base + "/keys/'][data-confirm]").size() >= 3);
        assertTrue(page.select("dialog#confirm-delete textarea[name=reason]").size() == 1);
        support.get(base + "/keys/master/reveal").then().statusCode(404);
        support.post(base + "/keys/master/reveal").then().statusCode(404);
    }

    @Test
    void anUnknownAccountOrAnotherAccountsKeyIsNotFound() {
        TestAccounts.Created other = accounts.create();
        long theirs = data.generateKey(other, "Theirs");
        support.get("/admin/accounts/999999999").then().statusCode(404);
        support.get(base + "/keys/" + theirs + "/deactivate").then().statusCode(404);
        support.post(base + "/keys/" + theirs + "/deactivate", "reason", REASON).then().statusCode(404);
        assertEquals(KeyStatus.ACTIVE, data.status(theirs));
    }

    @Test
    void anActionWithoutAGoodReasonIsRefusedWithItsMessageAndChangesNothing() {
        long key = data.generateKey(customer, "Shop");
        long before = data.auditCount(customer.accountId());
        Map<String, String> cases = Map.of(
                "", "at least 10 characters",
                "   too short   ", "at least 10 characters",
                "x".repeat(501), "at most 500 characters");
        for (String action : List.of("deactivate", "delete")) {
            cases.forEach((reason, message) -> {
                Response answer = support.post(base + "/keys/" + key + "/" + action, "reason", reason);
                answer.then().statusCode(400).body(containsString(message));
                Document page = html(answer);
                assertEquals("true", page.getElementById("reason-" + action).attr("aria-invalid"));
                assertEquals(reason.strip(), page.getElementById("reason-" + action).val().strip());
            });
            support.postRaw(base + "/keys/" + key + "/" + action, Map.of("csrf-token", support.csrfToken()))
                    .then().statusCode(400);
        }
        support.post(base + "/keys/deactivate-all", "reason", "short").then().statusCode(400)
                .body(containsString("at least 10 characters"));
        assertEquals(KeyStatus.ACTIVE, data.status(key));
        assertEquals(List.of(KeyStatus.ACTIVE, KeyStatus.ACTIVE), data.statuses(customer.accountId()));
        assertEquals(before, data.auditCount(customer.accountId()));
    }

    @Test
    void eachSupportActionWritesOneEventWithItsReasonAndUsersSeeSupport() {
        long key = data.generateKey(customer, "Shop");
        Document confirm = html(support.get(base + "/keys/" + key + "/deactivate").then().statusCode(200).extract().response());
        assertTrue(confirm.getElementById("reason-deactivate") != null);

        support.post(base + "/keys/" + key + "/deactivate", "reason", REASON).then().statusCode(303)
                .header("Location", containsString(base));
        assertEquals(KeyStatus.INACTIVE, data.status(key));
        support.post(base + "/keys/" + key + "/activate", "reason", REASON + " (false alarm)").then().statusCode(303);
        assertEquals(KeyStatus.ACTIVE, data.status(key));
        support.post(base + "/keys/" + key + "/delete", "reason", REASON + " again").then().statusCode(303);
        assertFalse(data.keyExists(key));

        for (AuditAction action : List.of(AuditAction.KEY_DEACTIVATED, AuditAction.KEY_ACTIVATED, AuditAction.KEY_DELETED)) {
            List<AuditEvent> events = data.events(customer.accountId(), action);
            assertEquals(1, events.size(), action.name());
            assertEquals("support", events.get(0).actorRole);
            assertTrue(events.get(0).reason.startsWith(REASON));
            assertEquals("Shop", events.get(0).keyName);
        }

        WebSession user = WebSession.signIn(customer.email(), TestAccounts.PASSWORD);
        Document activity = html(user.get("/settings/activity").then().statusCode(200).extract().response());
        var deleted = activity.select("tr[data-action=KEY_DELETED]");
        assertEquals(1, deleted.size());
        assertEquals("Support", deleted.get(0).selectFirst("td.who").text());
        assertTrue(deleted.get(0).text().contains(REASON + " again"));
        assertTrue(deleted.get(0).text().contains("Shop"));
        assertFalse(activity.text().contains("support-"), "a support user's address is not shown to customers");
        assertEquals("", deleted.get(0).select("td").get(4).text(), "nor the network support works from");
        assertFalse(html(support.get(base).then().statusCode(200).extract().response())
                .select("tr[data-action=KEY_DELETED] td").get(4).text().isEmpty(), "support sees it");
    }

    @Test
    void deactivateAllDeactivatesEveryKeyInOneGoWithOneEventPerKeyItChanged() {
        data.generateKey(customer, "Shop");
        data.generateKey(customer, "CRM");
        long already = data.generateKey(customer, "Old");
        support.post(base + "/keys/" + already + "/deactivate", "reason", REASON).then().statusCode(303);
        long deactivationsBefore = data.auditCount(customer.accountId(), AuditAction.KEY_DEACTIVATED);
        long allBefore = data.auditCount(customer.accountId());

        html(support.get(base + "/keys/deactivate-all").then().statusCode(200).extract().response());
        support.post(base + "/keys/deactivate-all", "reason", "Account compromised, phishing report #4711")
                .then().statusCode(303);

        assertTrue(data.statuses(customer.accountId()).stream().allMatch(s -> s == KeyStatus.INACTIVE));
        assertEquals(deactivationsBefore + 3, data.auditCount(customer.accountId(), AuditAction.KEY_DEACTIVATED));
        assertEquals(allBefore + 3, data.auditCount(customer.accountId()));
        support.get(base).then().body(containsString("3 keys were deactivated."));

        support.post(base + "/keys/deactivate-all", "reason", "Account compromised, second click").then().statusCode(303);
        assertEquals(allBefore + 3, data.auditCount(customer.accountId()));
    }

    @Test
    void supportCreatesAnAccountWhoseUserIsInvitedToChooseAPassword() {
        String email = "Phone-Customer-" + customer.accountId() + "@Example.org";
        Response created = support.post("/admin/accounts", "company", "Phone Orders Ltd", "email", email);
        created.then().statusCode(200).header("Cache-Control", containsString("no-store"))
                .body(containsString("An invitation was sent to " + email.toLowerCase()));
        assertTrue(html(created).select("#initial-password, input[type=password]").isEmpty(), "no password for support");
        support.get("/admin?q=phone orders").then().body(containsString("Phone Orders Ltd"));

        support.post("/admin/accounts", "company", "Again", "email", email).then().statusCode(400)
                .body(containsString("already belongs to a user"));
    }

    @Test
    void logoutEndsAccessForBothRoles() {
        WebSession user = WebSession.signIn(customer.email(), TestAccounts.PASSWORD);
        user.get("/settings/keys/smtp").then().statusCode(200);
        support.get("/admin").then().statusCode(200);
        String supportToken = support.csrfToken();
        // what stays behind in another tab, or with whoever copied the cookies; each request below
        // uses a fresh copy, since the first refused one clears the cookies it was sent with
        WebSession userCookies = user.copy();
        WebSession supportCookies = support.copy();

        user.post("/logout").then().statusCode(303);
        support.post("/logout").then().statusCode(303);

        assertFalse(user.hasCookie("quarkus-credential"));
        assertFalse(support.hasCookie("quarkus-credential"));
        for (String path : List.of("/settings/keys/smtp", "/settings/activity")) {
            assertSentToLogin(userCookies.copy().get(path));
        }
        for (String path : List.of("/admin", base)) {
            assertSentToLogin(supportCookies.copy().get(path));
        }
        assertSentToLogin(supportCookies.copy().postRaw(base + "/keys/deactivate-all",
                Map.of("reason", REASON, "csrf-token", supportToken)));
        assertTrue(data.statuses(customer.accountId()).stream().allMatch(s -> s == KeyStatus.ACTIVE));
    }

    private static void assertSentToLogin(Response answer) {
        answer.then().statusCode(oneOf(302, 303)).header("Location", containsString("/login"));
    }

    private static Document html(Response response) {
        return Jsoup.parse(response.asString());
    }
}
