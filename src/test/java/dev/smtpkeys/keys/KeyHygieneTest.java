package dev.smtpkeys.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import dev.smtpkeys.support.RelayFixtures;
import dev.smtpkeys.support.SignedInOwnerTest;
import dev.smtpkeys.support.SmtpTestClient;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** Stale keys flagged and filtered; where a key was used from, in the table and the delete dialog. */
@QuarkusTest
class KeyHygieneTest extends SignedInOwnerTest {

    static final String HOME = "/settings/keys/smtp";

    @Inject
    RelayFixtures fixtures;

    @Test
    void keysUnusedFor90DaysAreFlaggedAndTheFilterShowsOnlyThem() throws Exception {
        long unused = data.generateKey(owner, "Unused");
        long busy = data.generateKey(owner, "Busy");
        clock.advance(Duration.ofDays(89));
        assertTrue(staleRows(session.get(HOME).asString()).isEmpty());

        // "Busy" signs in on day 89; "Unused" never does
        RelayFixtures.Key key = new RelayFixtures.Key(owner.accountId(), busy, owner.smtpLogin(), null);
        useThroughTheRelay(key);
        clock.advance(Duration.ofDays(2));

        Document all = Jsoup.parse(session.get(HOME).asString());
        assertEquals(List.of("key-" + unused), staleRows(all.html()), "the master key is never flagged");
        assertTrue(all.getElementById("key-filter").text().contains("Only unused keys (1)"));

        Document stale = Jsoup.parse(session.get(HOME + "?show=stale").asString());
        assertEquals(List.of("key-" + unused), stale.select("table.keys tbody tr").eachAttr("id"));
        assertTrue(stale.text().contains("Not used for 90 days or more. Delete it if no integration needs it."));
    }

    @Test
    void theDeletePageListsTheAddressesTheKeyWasUsedFrom() throws Exception {
        RelayFixtures.Key key = fixtures.newKey(owner.accountId(), owner.smtpLogin(), "Shop");
        String first = RelayFixtures.freshIp();
        String second = RelayFixtures.freshIp();
        for (String ip : List.of(first, second)) {
            try (SmtpTestClient client = fixtures.authenticated(key, fixtures.port(), ip)) {
                client.command("QUIT");
            }
        }
        fixtures.flushUsage();

        String dialog = Jsoup.parse(session.get(HOME + "/" + key.keyId() + "/delete").asString())
                .select(".client-ips").text();
        assertTrue(dialog.startsWith("Used from: "), dialog);
        assertTrue(dialog.contains(first) && dialog.contains(second), dialog);

        Document table = Jsoup.parse(session.get(HOME).asString());
        String details = table.getElementById("key-" + key.keyId()).select("details.client-ips").text();
        assertTrue(details.contains("Used from (2)") && details.contains(first), details);
        String delete = table.getElementById("key-" + key.keyId()).selectFirst("a[data-confirm=delete]")
                .attr("data-key-ips");
        assertTrue(delete.contains(second), delete);
        assertFalse(Jsoup.parse(session.get(HOME + "/" + data.masterId(owner.accountId()) + "/deactivate")
                .asString()).select(".client-ips").hasText(), "only the delete dialog lists them");
    }

    private void useThroughTheRelay(RelayFixtures.Key key) {
        // the batched last-use write, as the relay records a successful AUTH
        fixtures.recordUse(key.keyId(), RelayFixtures.freshIp());
        fixtures.flushUsage();
    }

    private static List<String> staleRows(String html) {
        return Jsoup.parse(html).select("table.keys tbody tr:has(.badge-stale)").eachAttr("id");
    }
}
