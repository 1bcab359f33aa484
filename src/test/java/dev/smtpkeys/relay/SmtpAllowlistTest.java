package dev.smtpkeys.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.smtpkeys.account.Account;
import dev.smtpkeys.account.Actor;
import dev.smtpkeys.audit.AuditAction;
import dev.smtpkeys.audit.AuditEvent;
import dev.smtpkeys.keys.KeyAllowlist;
import dev.smtpkeys.keys.KeyService;
import dev.smtpkeys.support.RelayFixtures;
import dev.smtpkeys.support.SmtpTestClient;
import dev.smtpkeys.support.Waits;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** A key's IP allowlist at the relay, over real sockets from distinct loopback addresses. */
@QuarkusTest
class SmtpAllowlistTest {

    @Inject
    RelayFixtures fixtures;

    @Inject
    KeyAllowlist allowlist;

    @Inject
    KeyService keys;

    @Test
    void keyWorksFromAnAllowedAddressAndRangeOnly() throws IOException {
        RelayFixtures.Key key = fixtures.newAccountWithKey("Shop");
        String allowed = RelayFixtures.freshIp();
        String inRange = "127.2.0.9";
        String outside = RelayFixtures.freshIp();
        restrict(key, allowed + "\n127.2.0.0/16");

        assertEquals(235, auth(key, allowed).code());
        assertEquals(235, auth(key, inRange).code());
        assertEquals(SmtpAuthTest.INVALID, auth(key, outside).toString());
    }

    @Test
    void refusalIsInTheActivityLogWithTheAddressOncePerMinute() throws IOException {
        RelayFixtures.Key key = fixtures.newAccountWithKey("Shop");
        restrict(key, "192.0.2.0/24");
        String outside = RelayFixtures.freshIp();
        auth(key, outside);
        auth(key, outside);
        Waits.waitFor(() -> !refusals(key).isEmpty());
        // a second address gets its own line; the repeat from the first does not
        String another = RelayFixtures.freshIp();
        auth(key, another);
        Waits.waitFor(() -> refusals(key).size() == 2);
        List<AuditEvent> events = refusals(key);
        assertEquals(List.of(another, outside), events.stream().map(e -> e.ip).toList());
        assertEquals("system", events.get(0).actorRole);
        assertEquals(key.keyId(), events.get(0).keyId);
    }

    @Test
    void anEmptyListAllowsEveryAddress() throws IOException {
        RelayFixtures.Key key = fixtures.newAccountWithKey("Shop");
        restrict(key, "192.0.2.1");
        restrict(key, "");
        assertEquals(235, auth(key, RelayFixtures.freshIp()).code());
    }

    @Test
    void ipv6ClientsAreMatchedAgainstIpv6Ranges() {
        RelayFixtures.Key key = fixtures.newAccountWithKey("Shop");
        restrict(key, "2001:db8:1::/48, 192.0.2.1");
        assertTrue(keys.verify(key.login(), key.secret(), "2001:db8:1:2::5").orElseThrow().addressAllowed());
        assertFalse(keys.verify(key.login(), key.secret(), "2001:db8:2::5").orElseThrow().addressAllowed());
        assertFalse(keys.verify(key.login(), key.secret(), "192.0.2.2").orElseThrow().addressAllowed());
        assertTrue(keys.verify(key.login(), key.secret(), "192.0.2.1").orElseThrow().addressAllowed());
    }

    private void restrict(RelayFixtures.Key key, String text) {
        QuarkusTransaction.requiringNew().run(() ->
                allowlist.replace(Actor.system(), Account.findById(key.accountId()), key.keyId(), text));
    }

    private SmtpTestClient.Reply auth(RelayFixtures.Key key, String from) throws IOException {
        try (SmtpTestClient client = SmtpTestClient.open(fixtures.port(), from)) {
            client.ehlo();
            return client.authPlain(key.login(), key.secret());
        }
    }

    private static List<AuditEvent> refusals(RelayFixtures.Key key) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent>list(
                "keyId = ?1 and action = ?2 order by id desc", key.keyId(), AuditAction.KEY_ADDRESS_REFUSED));
    }
}
