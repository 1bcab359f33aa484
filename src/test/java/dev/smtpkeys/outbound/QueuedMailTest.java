package dev.smtpkeys.outbound;

import static dev.smtpkeys.support.Waits.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import dev.smtpkeys.audit.AuditAction;
import dev.smtpkeys.support.RelayFixtures;
import dev.smtpkeys.support.SignedInOwnerTest;
import dev.smtpkeys.support.TestAccounts;
import dev.smtpkeys.support.TestUpstream;
import dev.smtpkeys.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** Holding, releasing and dropping what a key has queued: by the account user and by support, audited. */
@QuarkusTest
class QueuedMailTest extends SignedInOwnerTest {

    @Inject
    RelayFixtures fixtures;

    @Inject
    DeliveryWorker worker;

    @Inject
    DataSource dataSource;

    @Test
    void heldMailIsNotDeliveredUntilTheUserReleasesIt() throws SQLException {
        long key = data.generateKey(owner, "Shop");
        String to = "held-" + UUID.randomUUID() + "@example.net";
        long id = waiting(owner.accountId(), key, to);

        Document page = Jsoup.parse(session.get("/settings/messages?key=" + key).asString());
        assertTrue(page.selectFirst("#queue-controls").text().contains("1 waiting for delivery, 0 held"));
        Document confirm = Jsoup.parse(session.get("/settings/messages/keys/" + key + "/hold").then().statusCode(200)
                .extract().asString());
        assertTrue(confirm.selectFirst("form input[name=csrf-token]") != null, "the confirmation posts with its token");
        session.post("/settings/messages/keys/" + key + "/hold").then().statusCode(303);
        assertEquals("HELD", status(id));
        due(id);
        // the worker passes it by, however due it is
        worker.deliver(worker.claim(1000));
        assertEquals("HELD", status(id));
        assertTrue(TestUpstream.messagesTo(to).isEmpty());

        session.post("/settings/messages/keys/" + key + "/release").then().statusCode(303);
        waitFor(() -> "SENT".equals(status(id)));
        assertEquals(1, TestUpstream.messagesTo(to).size());
        assertEquals(1, data.auditCount(owner.accountId(), AuditAction.QUEUED_MAIL_HELD));
        assertEquals(1, data.auditCount(owner.accountId(), AuditAction.QUEUED_MAIL_RELEASED));
    }

    @Test
    void droppedMailIsNeverDeliveredAndShowsAsDroppedInBothLanguages() throws SQLException {
        long key = data.generateKey(owner, "Shop");
        long id = waiting(owner.accountId(), key, "dropped-" + UUID.randomUUID() + "@example.net");

        session.post("/settings/messages/keys/" + key + "/drop").then().statusCode(303);

        assertEquals("DROPPED", status(id));
        assertTrue(bodyGone(id), "a dropped message's content is deleted at once");
        assertEquals(1, data.auditCount(owner.accountId(), AuditAction.QUEUED_MAIL_DROPPED));
        String english = Jsoup.parse(session.get("/settings/messages").asString()).selectFirst("#message-" + id).text();
        assertTrue(english.contains("Dropped"), english);
        String german = Jsoup.parse(session.language("de").get("/settings/messages").asString())
                .selectFirst("#message-" + id).text();
        assertTrue(german.contains("Verworfen"), german);
    }

    @Test
    void aTryUnderWayWhenTheHoldCameWaitsHeldInsteadOfQueued() {
        RelayFixtures.Key key = fixtures.newAccountWithKey("Shop");
        String to = "tempfail-" + UUID.randomUUID() + "@example.net";
        UUID token = UUID.randomUUID();
        long id = fixtures.insertClaimed(key, to, token, 1);
        fixtures.hold(key.accountId(), key.keyId());

        worker.deliver(List.of(new DeliveryWorker.Claimed(id, token, "shop@example.org", new String[] {to}, null, 1,
                java.time.Instant.now(), false)));

        assertEquals("HELD", fixtures.row(id).status());
    }

    @Test
    void supportNeedsAReasonAndAnotherAccountsKeyIsNotFound() throws SQLException {
        long key = data.generateKey(owner, "Shop");
        long id = waiting(owner.accountId(), key, "support-" + UUID.randomUUID() + "@example.net");
        WebSession support = WebSession.signIn(accounts.createSupport(), TestAccounts.PASSWORD);
        String path = "/admin/accounts/" + owner.accountId() + "/keys/" + key + "/queued/hold";

        assertTrue(Jsoup.parse(support.get("/admin/accounts/" + owner.accountId()).asString())
                .selectFirst("#queued-" + key).text().contains("1 waiting, 0 held"));
        String refused = support.post(path, "reason", "short").then().statusCode(400).extract().asString();
        assertTrue(Jsoup.parse(refused).selectFirst("textarea[name=reason]").text().equals("short"), "what was typed stays");
        assertEquals("QUEUED", status(id));

        support.post(path, "reason", "Key leaked in a public repository").then().statusCode(303);
        assertEquals("HELD", status(id));
        assertEquals(1, data.auditCount(owner.accountId(), AuditAction.QUEUED_MAIL_HELD));

        TestAccounts.Created stranger = accounts.create();
        WebSession other = WebSession.signIn(stranger.email(), TestAccounts.PASSWORD);
        other.get("/settings/messages/keys/" + key + "/drop").then().statusCode(404);
        other.post("/settings/messages/keys/" + key + "/drop").then().statusCode(404);
        assertEquals("HELD", status(id));
    }

    /** A message of {@code key} waiting for a try an hour from now, so the app's worker leaves it alone. */
    private long waiting(long accountId, long key, String to) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(
                "insert into outbound_message (account_id, key_id, key_name, key_master, envelope_from, recipients,"
                        + " subject, size_bytes, raw_mime, next_attempt_at) values (?, ?, 'Shop', false, 'shop@example.org',"
                        + " array[?], 'Waiting', ?, ?, now() + interval '1 hour') returning id")) {
            byte[] raw = RelayFixtures.message("Waiting").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            insert.setLong(1, accountId);
            insert.setLong(2, key);
            insert.setString(3, to);
            insert.setInt(4, raw.length);
            insert.setBytes(5, raw);
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private void due(long id) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement update = c.prepareStatement("update outbound_message set next_attempt_at = now() where id = ?")) {
            update.setLong(1, id);
            update.executeUpdate();
        }
    }

    private String status(long id) {
        return fixtures.row(id).status();
    }

    private boolean bodyGone(long id) {
        return fixtures.stored(id).rawMime() == null;
    }
}
