package dev.smtpkeys.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import dev.smtpkeys.support.SignedInOwnerTest;
import dev.smtpkeys.support.Sql;
import dev.smtpkeys.support.TestAccounts;
import dev.smtpkeys.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * The SMTP tab is kept whole by its content ({@code web.PageCache}): every request still gets its own
 * CSRF token and a new nonce, anything the page shows that changes is shown at once, and a flash
 * message is shown once.
 */
@QuarkusTest
class KeptPageTest extends SignedInOwnerTest {

    static final String HOME = "/settings/keys/smtp";

    @Inject
    DataSource dataSource;

    @Test
    void eachRequestFillsTheKeptPageWithItsOwnTokenAndANewNonce() {
        WebSession other = WebSession.signIn(owner.email(), TestAccounts.PASSWORD);
        String first = html(session);
        String again = html(session);
        String theirs = html(other);

        assertFalse(first.contains("\0") || again.contains("\0") || theirs.contains("\0"), "a marker was left");
        assertEquals(List.of(session.csrfToken()), tokens(first));
        assertEquals(List.of(session.csrfToken()), tokens(again));
        assertEquals(List.of(other.csrfToken()), tokens(theirs));
        assertNotEquals(session.csrfToken(), other.csrfToken());

        String nonce = nonce(first);
        assertNotEquals(nonce, nonce(again));
        assertEquals(nonce, UUID.fromString(nonce).toString());
        assertEquals(first.replace(nonce, ""), again.replace(nonce(again), ""), "the same page but for the nonce");
    }

    @Test
    void whatTheLayoutAndTheCardsShowChangesTheKeptPageAtOnce() {
        html(session);
        Sql.update(dataSource, "update account set name = ? where id = ?", "Renamed & Co", owner.accountId());
        assertEquals("Renamed & Co", page(session).selectFirst(".menu-name").text());

        Sql.update(dataSource, "insert into sending_limit (account_id, per_minute, per_day, updated_at)"
                + " values (?, 7, 1234, now())", owner.accountId());
        Document limited = page(session);
        assertEquals("7", limited.getElementById("sending-per-minute").text());
        assertEquals("1234", limited.getElementById("sending-per-day").text());

        Document german = page(session.language("de"));
        assertEquals("de", german.selectFirst("html").attr("lang"));
        assertEquals("Renamed & Co", german.selectFirst(".menu-name").text());
    }

    @Test
    void aFlashIsShownOnceThoughThePageIsKept() {
        long id = data.generateKey(owner, "Alpha");
        html(session);
        session.post(HOME + "/" + id + "/deactivate").then().statusCode(303);

        Element flash = page(session).selectFirst(".flash");
        assertNotNull(flash);
        assertNull(page(session).selectFirst(".flash"), "the flash is shown once");
        assertNull(page(session).selectFirst(".flash"));
    }

    private static String html(WebSession session) {
        return session.get(HOME).then().statusCode(200).extract().asString();
    }

    private static Document page(WebSession session) {
        return Jsoup.parse(html(session));
    }

    /** The distinct CSRF tokens of the page's forms. */
    private static List<String> tokens(String html) {
        return Jsoup.parse(html).select("input[name=csrf-token]").eachAttr("value").stream().distinct().toList();
    }

    private static String nonce(String html) {
        return Jsoup.parse(html).selectFirst("input[name=nonce]").attr("value");
    }
}
