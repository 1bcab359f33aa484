package dev.smtpkeys.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.smtpkeys.audit.AuditAction;
import dev.smtpkeys.audit.AuditEvent;
import dev.smtpkeys.support.RelayFixtures;
import dev.smtpkeys.support.SignedInOwnerTest;
import dev.smtpkeys.support.TestAccounts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/** Editing a key's IP allowlist over HTTP: the dialog's form, the page without JavaScript, its errors. */
@QuarkusTest
class AllowlistPageTest extends SignedInOwnerTest {

    static final String HOME = "/settings/keys/smtp";

    @Inject
    RelayFixtures fixtures;

    long keyId;

    @BeforeEach
    void newKey() {
        keyId = fixtures.newKey(owner.accountId(), owner.smtpLogin(), "Shop").keyId();
    }

    @Test
    void savedListIsShownInTheTableAndTheDialogAndAudited() {
        Response saved = session.post(path(), "networks", "203.0.113.7\n10.0.0.0/8, 2001:db8::/32");
        assertEquals(303, saved.statusCode());
        Document page = html(session.get(HOME));
        assertTrue(page.select(".flash, [role=status]").text().contains("now works only from the allowed IP addresses"),
                page.select("main").text());
        var row = page.getElementById("key-" + keyId);
        assertTrue(row.text().contains("Only from: 203.0.113.7, 10.0.0.0/8, 2001:db8::/32"), row.text());
        assertEquals("203.0.113.7\n10.0.0.0/8\n2001:db8::/32",
                row.selectFirst("a[data-confirm=networks]").attr("data-networks"));
        assertEquals("203.0.113.7\n10.0.0.0/8\n2001:db8::/32",
                html(session.get(path())).getElementById("key-networks").val());
        AuditEvent event = lastEvent();
        assertEquals(AuditAction.KEY_NETWORKS_CHANGED, event.action);
        assertEquals("203.0.113.7, 10.0.0.0/8, 2001:db8::/32", event.reason);
    }

    @Test
    void anEmptyListAllowsEveryAddressAgain() {
        session.post(path(), "networks", "203.0.113.7");
        assertEquals(303, session.post(path(), "networks", "  ").statusCode());
        assertTrue(html(session.get(HOME)).select(".networks").isEmpty());
        assertTrue(html(session.get(path())).getElementById("key-networks").val().isEmpty());
    }

    @Test
    void invalidEntryIsExplainedBesideTheFieldAndWhatWasTypedStays() {
        session.post(path(), "networks", "192.0.2.1");
        String typed = "10.0.0.0/8\nshop.example.com";
        Response answer = session.post(path(), "networks", typed);
        assertEquals(400, answer.statusCode());
        Document page = html(answer);
        assertEquals(typed, page.getElementById("key-networks").val());
        assertEquals("true", page.getElementById("key-networks").attr("aria-invalid"));
        assertTrue(page.getElementById("key-networks-error").text().contains("\"shop.example.com\" is not an IPv4"));
        // nothing half-written: the old list is still in force
        assertEquals("192.0.2.1", html(session.get(path())).getElementById("key-networks").val());
    }

    @Test
    void problemsAreInGermanForGermanReaders() {
        session.language("de");
        Document page = html(session.post(path(), "networks", "10.1.2.3/8"));
        assertEquals("„10.1.2.3/8“ hat Bits jenseits der Präfixlänge gesetzt. Meinten Sie 10.0.0.0/8?",
                page.getElementById("key-networks-error").text());
    }

    @Test
    void anotherAccountsKeyIsNotFound() {
        TestAccounts.Created other = accounts.create();
        long theirs = fixtures.newKey(other.accountId(), other.smtpLogin(), "Theirs").keyId();
        assertEquals(404, session.get(HOME + "/" + theirs + "/networks").statusCode());
        assertEquals(404, session.post(HOME + "/" + theirs + "/networks", "networks", "192.0.2.1").statusCode());
        assertEquals(List.of(), QuarkusTransaction.requiringNew().call(() -> AllowedNetwork.ofKey(theirs)));
    }

    @Test
    void withoutTheCsrfTokenNothingChanges() {
        session.get(HOME);
        assertEquals(400, session.postRaw(path(), java.util.Map.of("networks", "192.0.2.1")).statusCode());
        assertEquals(List.of(), QuarkusTransaction.requiringNew().call(() -> AllowedNetwork.ofKey(keyId)));
    }

    private String path() {
        return HOME + "/" + keyId + "/networks";
    }

    private AuditEvent lastEvent() {
        return QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent>find(
                "account.id = ?1 order by id desc", owner.accountId()).firstResult());
    }

    private static Document html(Response response) {
        return Jsoup.parse(response.asString());
    }
}
