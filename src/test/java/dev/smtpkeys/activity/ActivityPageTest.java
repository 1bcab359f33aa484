package dev.smtpkeys.activity;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.smtpkeys.account.Account;
import dev.smtpkeys.account.Actor;
import dev.smtpkeys.audit.AuditAction;
import dev.smtpkeys.audit.AuditEvent;
import dev.smtpkeys.audit.AuditLog;
import dev.smtpkeys.keys.SmtpKey;
import dev.smtpkeys.support.SignedInOwnerTest;
import dev.smtpkeys.support.TestAccounts;
import dev.smtpkeys.support.WebSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/** The account's activity log as its users read it. */
@QuarkusTest
class ActivityPageTest extends SignedInOwnerTest {

    static final String PAGE = "/settings/activity";

    @Inject
    AuditLog audit;

    @BeforeEach
    void awaitTheSignInsAuditLine() {
        // the sign-in is logged asynchronously; counts and the order of lines must not race with it
        assertEquals(1, data.awaitAuditCount(owner.accountId(), AuditAction.LOGIN, 1));
    }

    @Test
    void showsWhoDidWhatToWhichKeyNewestFirst() {
        String home = "/settings/keys/smtp";
        long shop = data.generateKey(owner, "Shop");
        session.post(home + "/" + shop + "/deactivate").then().statusCode(303);
        session.post(home + "/master/reveal").then().statusCode(200);

        Document page = html(session.get(PAGE).then().statusCode(200)
                .header("Cache-Control", containsString("no-store")).extract().response());
        var rows = page.select("tr.activity-row");
        assertEquals("MASTER_REVEALED", rows.get(0).attr("data-action"));
        assertTrue(rows.get(0).text().contains("Master password shown"));
        assertTrue(rows.get(0).text().contains("Master password"), "the master key shows its label");
        Element deactivated = page.selectFirst("tr[data-action=KEY_DEACTIVATED]");
        assertEquals("You", deactivated.selectFirst("td.who").text());
        assertTrue(deactivated.text().contains("Key deactivated"));
        assertTrue(deactivated.text().contains("Shop ••••••••"));
        String ip = data.events(owner.accountId(), AuditAction.KEY_DEACTIVATED).get(0).ip;
        assertTrue(ip != null && !ip.isBlank(), "the request's address is recorded");
        assertEquals(ip, deactivated.select("td").get(4).text(), "the address column shows it");
        assertEquals("System", page.selectFirst("tr[data-action=ACCOUNT_CREATED] td.who").text());
    }

    @Test
    void aDeletedKeyKeepsItsNameAndStaysInTheFilter() {
        long gone = data.generateKey(owner, "Gone");
        data.generateKey(owner, "Kept");
        session.post("/settings/keys/smtp/" + gone + "/delete").then().statusCode(303);

        Document page = html(session.get(PAGE));
        Element option = page.selectFirst("#activity-key option[value=" + gone + "]");
        assertTrue(option.text().contains("Gone") && option.text().contains("deleted"));

        Document filtered = html(session.get(PAGE + "?key=" + gone));
        var rows = filtered.select("tr.activity-row");
        assertEquals(2, rows.size(), "generated and deleted");
        assertTrue(rows.stream().allMatch(r -> r.text().contains("Gone")));
        assertTrue(filtered.selectFirst("#activity-key option[value=" + gone + "]").hasAttr("selected"));
    }

    @Test
    void aUserSeesOnlyTheirOwnAccount() {
        TestAccounts.Created other = accounts.create();
        long theirs = data.generateKey(other, "Their-Secret-Integration");
        WebSession.signIn(other.email(), TestAccounts.PASSWORD);
        assertEquals(1, data.awaitAuditCount(other.accountId(), AuditAction.LOGIN, 1), "their sign-in is in their log");

        String mine = session.get(PAGE).asString();
        assertFalse(mine.contains("Their-Secret-Integration"));
        assertFalse(mine.contains(other.email()));
        Document filtered = html(session.get(PAGE + "?key=" + theirs));
        assertTrue(filtered.select("tr.activity-row").isEmpty());
        assertTrue(filtered.getElementById("activity-empty") != null);
    }

    @Test
    void pagesHoldFiftyEventsNewestFirst() {
        QuarkusTransaction.requiringNew().run(() -> {
            Account account = Account.findById(owner.accountId());
            SmtpKey master = SmtpKey.find("account = ?1 and master = true", account).firstResult();
            for (int i = 0; i < 60; i++) {
                audit.record(new Actor(owner.userId(), "user", owner.email(), "10.0.0." + i), account,
                        AuditAction.MASTER_REVEALED, master.ref(), null);
            }
        });
        long total = data.auditCount(owner.accountId());
        Document first = html(session.get(PAGE));
        assertEquals(50, first.select("tr.activity-row").size());
        assertTrue(first.select("a[rel=prev]").isEmpty());
        String next = first.selectFirst("a[rel=next]").attr("href");
        Document second = html(session.get(next));
        assertEquals(total - 50, second.select("tr.activity-row").size());
        assertTrue(second.select("a[rel=next]").isEmpty());
        assertTrue(first.text().contains("10.0.0.59") && !first.text().contains("10.0.0.9 "));
    }

    @Test
    void signInsAndFailedSignInsAreRecorded() {
        WebSession.anonymous().signInAttempt(owner.email(), "not-the-password").then().statusCode(302);
        assertEquals(1, data.awaitAuditCount(owner.accountId(), AuditAction.LOGIN_FAILED, 1));
        AuditEvent failed = data.events(owner.accountId(), AuditAction.LOGIN_FAILED).get(0);
        assertEquals(owner.userId(), failed.actorId);
        assertTrue(failed.ip != null);

        Document page = html(session.get(PAGE));
        assertTrue(page.selectFirst("tr[data-action=LOGIN_FAILED]").text().contains("Failed sign-in"));
        assertTrue(page.selectFirst("tr[data-action=LOGIN]").text().contains("Signed in"));
    }

    private static Document html(Response response) {
        return Jsoup.parse(response.asString());
    }
}
