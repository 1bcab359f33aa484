package dev.smtpkeys.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.HashSet;
import java.util.Set;

import javax.sql.DataSource;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import dev.smtpkeys.support.NewOwnerTest;
import dev.smtpkeys.support.TestAccounts;
import dev.smtpkeys.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The sent-mail list shows every message exactly once across its pages, and survives odd page numbers. */
@QuarkusTest
class MessagesPagingTest extends NewOwnerTest {

    @Inject
    DataSource dataSource;

    @Test
    void sixtyMessagesAppearOnceEachOnTwoPages() throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement("""
                insert into outbound_message (account_id, key_id, key_name, envelope_from, recipients, subject,
                                              size_bytes, raw_mime, status, received_at)
                select ?, 0, 'Shop', 'a@example.org', array['b@example.org'], 'message ' || n, 10, 'x'::bytea,
                       'SENT', now() - n * interval '1 second'
                  from generate_series(1, 60) n""")) {
            insert.setLong(1, owner.accountId());
            insert.executeUpdate();
        }
        WebSession session = WebSession.signIn(owner.email(), TestAccounts.PASSWORD);
        Set<String> seen = new HashSet<>();
        int shown = 0;
        for (int page = 1; page <= 2; page++) {
            String html = session.get("/settings/messages?page=" + page).then().statusCode(200).extract().asString();
            Document document = Jsoup.parse(html);
            // the shared pager: a link to the page on the other side, none past either end
            assertEquals(page == 1 ? "/settings/messages?page=2" : "", document.select("nav.pager a[rel=next]").attr("href"));
            assertEquals(page == 2 ? "/settings/messages?page=1" : "", document.select("nav.pager a[rel=prev]").attr("href"));
            for (var cell : document.select("td")) {
                if (cell.text().matches("message \\d+")) {
                    seen.add(cell.text());
                    shown++;
                }
            }
        }
        assertEquals(60, seen.size());
        assertEquals(60, shown);
        session.get("/settings/messages?page=2147483647").then().statusCode(200);
        session.get("/settings/activity?page=2147483647").then().statusCode(200);
    }
}
