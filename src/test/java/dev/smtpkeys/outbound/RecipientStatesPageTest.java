package dev.smtpkeys.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import dev.smtpkeys.support.SignedInOwnerTest;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The sent-mail page shows where each recipient of a message stands, in both languages. */
@QuarkusTest
class RecipientStatesPageTest extends SignedInOwnerTest {

    @Inject
    DataSource dataSource;

    @Test
    void eachRecipientShowsItsOwnStateAndReason() throws SQLException {
        long key = data.generateKey(owner, "Shop");
        long id = insert(owner.accountId(), key);

        Document en = Jsoup.parse(session.get("/settings/messages").asString());
        assertEquals(List.of("a@example.net sent", "b@example.net refused Refused by the mail server: 550 5.1.1 No such user",
                "c@example.net waiting for another try Refused by the mail server: 451 4.2.0 Later"), states(en, id));

        Document de = Jsoup.parse(session.language("de").get("/settings/messages").asString());
        assertEquals(List.of("a@example.net gesendet", "b@example.net abgelehnt Vom Mailserver abgelehnt: 550 5.1.1 No such user",
                "c@example.net wartet auf einen neuen Versuch Vom Mailserver abgelehnt: 451 4.2.0 Later"), states(de, id));
    }

    private static List<String> states(Document page, long id) {
        return page.select("#message-" + id + " .recipient-states li").eachText();
    }

    private long insert(long accountId, long key) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(
                "insert into outbound_message (account_id, key_id, key_name, key_master, envelope_from, recipients,"
                        + " recipient_results, size_bytes, raw_mime, status, attempts, next_attempt_at)"
                        + " values (?, ?, 'Shop', false, 'shop@example.org', array['a@example.net', 'b@example.net', 'c@example.net'],"
                        + " array['SENT', 'FAILED|UPSTREAM_REJECTED|550 5.1.1 No such user', 'QUEUED|UPSTREAM_REJECTED|451 4.2.0 Later'],"
                        + " 1, 'x'::bytea, 'QUEUED', 1, now() + interval '1 day') returning id")) {
            insert.setLong(1, accountId);
            insert.setLong(2, key);
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
