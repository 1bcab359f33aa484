package dev.smtpkeys.relay;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import dev.smtpkeys.account.Account;
import dev.smtpkeys.audit.Actor;
import dev.smtpkeys.keys.GeneratedKey;
import dev.smtpkeys.keys.KeyService;
import dev.smtpkeys.keys.SmtpKey;
import dev.smtpkeys.support.TestAccounts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Accounts with named keys for relay tests, and the key actions a user would click. */
@ApplicationScoped
public class RelayFixtures {

    private static final AtomicInteger NEXT_IP = new AtomicInteger(1);

    private final TestAccounts accounts;
    private final KeyService keys;
    private final RelayServer relay;
    private final KeyUsage usage;

    RelayFixtures(TestAccounts accounts, KeyService keys, RelayServer relay, KeyUsage usage) {
        this.accounts = accounts;
        this.keys = keys;
        this.relay = relay;
        this.usage = usage;
    }

    /** Writes the gathered last-use data now instead of at the next interval. */
    public void flushUsage() {
        usage.flush();
    }

    /** A key with its secret and the SMTP login of its account. */
    public record Key(long accountId, long keyId, String login, String secret) {

        @Override
        public String toString() {
            return "Key[" + keyId + "]";
        }
    }

    /** A new account with one new key named {@code name}. */
    public Key newAccountWithKey(String name) {
        TestAccounts.Created owner = accounts.create();
        return newKey(owner.accountId(), owner.smtpLogin(), name);
    }

    @Transactional
    public Key newKey(long accountId, String login, String name) {
        GeneratedKey created = keys.generate(Actor.system(), Account.findById(accountId), name, UUID.randomUUID());
        return new Key(accountId, created.key().id, login, created.secret());
    }

    @Transactional
    public void deactivate(Key key) {
        keys.deactivate(Actor.system(), Account.findById(key.accountId()), key.keyId(), null, null);
    }

    @Transactional
    public void activate(Key key) {
        keys.activate(Actor.system(), Account.findById(key.accountId()), key.keyId(), null, null);
    }

    @Transactional
    public void delete(Key key) {
        keys.delete(Actor.system(), Account.findById(key.accountId()), key.keyId(), null, null);
    }

    @Transactional
    public SmtpKey load(Key key) {
        return SmtpKey.findById(key.keyId());
    }

    @Transactional
    public List<OutboundMessage> messages(Key key) {
        return OutboundMessage.list("keyId = ?1 order by id", key.keyId());
    }

    public int port() {
        return relay.boundPort();
    }

    /**
     * A loopback source address no other test uses, so that one test's failed AUTHs never throttle
     * another's (Linux routes all of 127/8 to the loopback interface).
     */
    public static String freshIp() {
        int n = NEXT_IP.getAndIncrement();
        return "127.1." + (n / 250) + "." + (n % 250 + 1);
    }

    /** A session that has said EHLO and authenticated with {@code key}. */
    public SmtpTestClient authenticated(Key key) throws java.io.IOException {
        SmtpTestClient client = SmtpTestClient.open(port(), freshIp());
        client.ehlo();
        SmtpTestClient.Reply reply = client.authPlain(key.login(), key.secret());
        if (!reply.is(235)) {
            throw new AssertionError("AUTH failed: " + reply);
        }
        return client;
    }

    public static String message(String subject) {
        return "From: Shop <shop@example.org>\r\nTo: someone@example.net\r\nSubject: " + subject
                + "\r\nMessage-ID: <" + UUID.randomUUID() + "@example.org>\r\n\r\nHello.\r\n";
    }
}
