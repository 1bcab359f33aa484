package dev.smtpkeys.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

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
 * The key table's rows come from {@link KeyRowHtml}'s cache once rendered: a row that changes in any
 * way the page shows must show the change at once, since the cache is keyed by the row's content, and
 * the reveal form's CSRF token is each session's own although the row around it is shared.
 */
@QuarkusTest
class KeyRowCacheTest extends SignedInOwnerTest {

    static final String HOME = "/settings/keys/smtp";

    @Inject
    DataSource dataSource;

    @Test
    void aRowThatChangesShowsTheChangeOnTheNextPage() {
        long id = data.generateKey(owner, "Alpha");
        Element row = row(id);
        assertEquals("Alpha", row.selectFirst("th").text());
        assertEquals("Active", row.selectFirst(".badge").text());

        data.deactivate(owner, id);
        assertEquals("Inactive", row(id).selectFirst(".badge").text());

        Sql.update(dataSource, "update smtp_key set name = ? where id = ?", "Beta <i>", id);
        assertEquals("Beta <i>", row(id).selectFirst("th").text());

        Instant used = clock.instant().minus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.SECONDS);
        Sql.update(dataSource, "update smtp_key set last_used_at = ?, last_used_ip = ? where id = ?",
                Timestamp.from(used), "192.0.2.7", id);
        assertEquals(KeyViews.ago(used, clock.instant(), Locale.ENGLISH), lastUsed(id));

        clock.advance(Duration.ofHours(3));
        assertEquals(KeyViews.ago(used, clock.instant(), Locale.ENGLISH), lastUsed(id));
        assertNotEquals(KeyViews.ago(used, clock.instant().minus(Duration.ofHours(3)), Locale.ENGLISH), lastUsed(id));
    }

    @Test
    void theRevealFormCarriesEachSessionsOwnTokenThoughTheRowIsShared() {
        WebSession other = WebSession.signIn(owner.email(), TestAccounts.PASSWORD);
        String mine = revealToken(session);
        String theirs = revealToken(other);
        assertEquals(session.csrfToken(), mine);
        assertEquals(other.csrfToken(), theirs);
        assertNotEquals(mine, theirs);
    }

    private Element row(long id) {
        return page(session).getElementById("key-" + id);
    }

    private String lastUsed(long id) {
        return row(id).selectFirst("td.last-used time").text();
    }

    private static String revealToken(WebSession session) {
        return page(session).selectFirst("form[action$=/master/reveal] input[name=csrf-token]").attr("value");
    }

    private static Document page(WebSession session) {
        return Jsoup.parse(session.get(HOME).then().statusCode(200).extract().asString());
    }
}
