package dev.smtpkeys.support;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import dev.smtpkeys.account.Account;
import dev.smtpkeys.account.Actor;
import dev.smtpkeys.keys.GeneratedKey;
import dev.smtpkeys.keys.KeyService;
import dev.smtpkeys.keys.SmtpKey;
import dev.smtpkeys.outbound.OutboundMessage;
import dev.smtpkeys.relay.KeyUsage;
import dev.smtpkeys.relay.RelayServer;
import javax.sql.DataSource;

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
    private final DataSource dataSource;

    RelayFixtures(TestAccounts accounts, KeyService keys, RelayServer relay, KeyUsage usage, DataSource dataSource) {
        this.accounts = accounts;
        this.keys = keys;
        this.relay = relay;
        this.usage = usage;
        this.dataSource = dataSource;
    }

    /** Records a successful AUTH of key {@code keyId} from {@code ip}, as the relay does, without a session. */
    public void recordUse(long keyId, String ip) {
        usage.authenticated(keyId, ip);
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

    /** A new account and its master key, whose secret is revealed as the eye icon would. */
    @Transactional
    public Key newAccountWithMasterKey() {
        TestAccounts.Created owner = accounts.create();
        String secret = keys.revealMaster(Actor.system(), Account.findById(owner.accountId()));
        return new Key(owner.accountId(), masterKeyId(owner.accountId()), owner.smtpLogin(), secret);
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

    /** The id of the account's master key. */
    @Transactional
    public long masterKeyId(long accountId) {
        return SmtpKey.<SmtpKey>find("account.id = ?1 and master = true", accountId).firstResult().id;
    }

    /** What the delivery worker keeps of a message, the claim token included (the entity does not map it). */
    public record Row(String status, UUID claimToken, int attempts, String lastError, boolean sent) {
    }

    /**
     * A message stored as a worker's claim holds it: SENDING under {@code token}, tried
     * {@code attempts} times, leased for ten minutes so that the app's own worker leaves it alone.
     */
    public long insertClaimed(Key key, String to, UUID token, int attempts) {
        return insert(key.accountId(), key.keyId(), "Shop", to, "SENDING", token, attempts, null, "now() + interval '10 minutes'");
    }

    /**
     * The same for a message with its own envelope and bytes; {@code smtputf8}: its sender declared
     * SMTPUTF8, as the relay stores it.
     */
    public long insertClaimed(Key key, String from, List<String> to, boolean smtputf8, String raw, UUID token) {
        String sql = "insert into outbound_message (account_id, key_id, key_name, key_master, envelope_from, recipients,"
                + " subject, size_bytes, raw_mime, smtputf8, status, claim_token, attempts, next_attempt_at)"
                + " values (?, ?, 'Shop', false, ?, ?, 'Inserted', ?, ?, ?, 'SENDING', ?, 1, now() + interval '10 minutes')"
                + " returning id";
        byte[] bytes = raw.getBytes(StandardCharsets.UTF_8);
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(sql)) {
            insert.setLong(1, key.accountId());
            insert.setLong(2, key.keyId());
            insert.setString(3, from);
            insert.setArray(4, c.createArrayOf("text", to.toArray()));
            insert.setInt(5, bytes.length);
            insert.setBytes(6, bytes);
            insert.setBoolean(7, smtputf8);
            insert.setObject(8, token);
            try (ResultSet r = insert.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A message in a final state, as the sent-mail page lists it; nothing the worker will take. A null
     * {@code keyName} stores it as the master key's, as the relay does (the master key has no name).
     */
    public long insertFinished(long accountId, long keyId, String keyName, String status, int attempts, String lastError) {
        return insert(accountId, keyId, keyName, "a@example.net", status, null, attempts, lastError, "now() + interval '1 day'");
    }

    /** {@code count} messages of {@code key}, queued and due now, as the relay stores them; answers their ids. */
    public List<Long> insertDue(Key key, int count) {
        String sql = "insert into outbound_message (account_id, key_id, key_name, key_master, envelope_from, recipients,"
                + " subject, size_bytes, raw_mime, next_attempt_at)"
                + " select ?, ?, 'Shop', false, 'shop@example.org', array['due-' || n || '@example.net'], 'Due', 5,"
                + " 'Due.'::bytea, now() from generate_series(1, ?) n returning id";
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(sql)) {
            insert.setLong(1, key.accountId());
            insert.setLong(2, key.keyId());
            insert.setInt(3, count);
            List<Long> ids = new ArrayList<>();
            try (ResultSet r = insert.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getLong(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** When the worker will next try message {@code id}. */
    public Instant nextAttemptAt(long id) {
        return Sql.one(dataSource, "select next_attempt_at from outbound_message where id = ?",
                r -> r.getTimestamp(1).toInstant(), id);
    }

    /** What another worker's claim does to message {@code id}: a new token, one more attempt, a new lease. */
    public void reclaim(long id, UUID token) {
        update("update outbound_message set status = 'SENDING', attempts = attempts + 1, claim_token = ?,"
                + " next_attempt_at = now() + interval '10 minutes' where id = ?", token, id);
    }

    /** What a hold does to a key's waiting messages, a try under way included (QueuedMail#apply without audit). */
    public void hold(long accountId, long keyId) {
        update("update outbound_message set held_at = now(), status = case when status = 'QUEUED' then 'HELD' else status end"
                + " where account_id = ? and key_id = ? and status in ('QUEUED', 'SENDING')", accountId, keyId);
    }

    /** What the relay stored of a message, as the delivery reads it. */
    public record Stored(String clientIp, boolean smtputf8, String[] recipients, byte[] rawMime) {
    }

    public Stored stored(long id) {
        return Sql.one(dataSource, "select client_ip, smtputf8, recipients, raw_mime from outbound_message where id = ?",
                r -> new Stored(r.getString(1), r.getBoolean(2), (String[]) r.getArray(3).getArray(), r.getBytes(4)), id);
    }

    /** The queue id in a {@code 250 2.0.0 Ok: queued as <id>} reply. */
    public static long queuedId(SmtpTestClient.Reply reply) {
        if (!reply.is(250)) {
            throw new AssertionError("not queued: " + reply);
        }
        return Long.parseLong(reply.text().substring(reply.text().lastIndexOf(' ') + 1));
    }

    /** Sets what the key table shows as the key's last use, as if it had been written then. */
    public void setLastUse(Key key, Instant at, String ip) {
        update("update smtp_key set last_used_at = ?, last_used_ip = ? where id = ?",
                Timestamp.from(at), ip, key.keyId());
    }

    public Row row(long id) {
        return Sql.one(dataSource, "select status, claim_token, attempts, last_error, sent_at from outbound_message where id = ?",
                r -> new Row(r.getString(1), r.getObject(2, UUID.class), r.getInt(3), r.getString(4), r.getTimestamp(5) != null),
                id);
    }

    private long insert(long accountId, long keyId, String keyName, String to, String status, UUID token, int attempts,
            String lastError, String nextAttempt) {
        String sql = "insert into outbound_message (account_id, key_id, key_name, key_master, envelope_from, recipients,"
                + " subject, size_bytes, raw_mime, status, claim_token, attempts, last_error, next_attempt_at)"
                + " values (?, ?, ?, ?, 'shop@example.org', ?, 'Inserted', ?, ?, ?, ?, ?, ?, " + nextAttempt + ")"
                + " returning id";
        byte[] raw = message("Inserted").getBytes(StandardCharsets.UTF_8);
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(sql)) {
            insert.setLong(1, accountId);
            insert.setLong(2, keyId);
            insert.setString(3, keyName);
            insert.setBoolean(4, keyName == null);
            insert.setArray(5, c.createArrayOf("text", new Object[] {to}));
            insert.setInt(6, raw.length);
            insert.setBytes(7, raw);
            insert.setString(8, status);
            insert.setObject(9, token);
            insert.setInt(10, attempts);
            insert.setString(11, lastError);
            try (ResultSet r = insert.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void update(String sql, Object... values) {
        Sql.update(dataSource, sql, values);
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
        return authenticated(key, port(), freshIp());
    }

    /** The same on another relay's {@code port}. */
    public SmtpTestClient authenticated(Key key, int port) throws java.io.IOException {
        return authenticated(key, port, freshIp());
    }

    /** The same from {@code sourceAddress}. */
    public SmtpTestClient authenticated(Key key, int port, String sourceAddress) throws java.io.IOException {
        SmtpTestClient client = SmtpTestClient.open(port, sourceAddress);
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
