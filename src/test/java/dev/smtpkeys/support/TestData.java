package dev.smtpkeys.support;

import java.util.List;
import java.util.UUID;

import dev.smtpkeys.account.Account;
import dev.smtpkeys.account.Actor;
import dev.smtpkeys.audit.AuditAction;
import dev.smtpkeys.audit.AuditEvent;
import dev.smtpkeys.keys.KeyService;
import dev.smtpkeys.keys.KeyStatus;
import dev.smtpkeys.keys.SmtpKey;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

/** Reads and writes test data directly, each call in its own transaction, always by account. */
@ApplicationScoped
public class TestData {

    private final KeyService keys;

    TestData(KeyService keys) {
        this.keys = keys;
    }

    /** Generates a key named {@code name} as the account's own user; answers its id. */
    public long generateKey(TestAccounts.Created owner, String name) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Account account = Account.findById(owner.accountId());
            Actor actor = new Actor(owner.userId(), "user", owner.email(), "127.0.0.1");
            return keys.generate(actor, account, name, UUID.randomUUID()).key().id;
        });
    }

    /** Deactivates key {@code keyId} of the account as the system would. */
    public void deactivate(TestAccounts.Created owner, long keyId) {
        QuarkusTransaction.requiringNew().run(() ->
                keys.deactivate(Actor.system(), Account.findById(owner.accountId()), keyId, null, null));
    }

    public long keyId(long accountId, String name) {
        return QuarkusTransaction.requiringNew().call(() -> SmtpKey
                .<SmtpKey>find("account.id = ?1 and name = ?2", accountId, name).firstResult().id);
    }

    public long masterId(long accountId) {
        return QuarkusTransaction.requiringNew().call(() -> SmtpKey
                .<SmtpKey>find("account.id = ?1 and master = true", accountId).firstResult().id);
    }

    public KeyStatus status(long keyId) {
        return QuarkusTransaction.requiringNew().call(() -> SmtpKey.<SmtpKey>findById(keyId).status);
    }

    public boolean keyExists(long keyId) {
        return QuarkusTransaction.requiringNew().call(() -> SmtpKey.findById(keyId) != null);
    }

    public List<KeyStatus> statuses(long accountId) {
        return QuarkusTransaction.requiringNew().call(() -> SmtpKey.<SmtpKey>list("account.id", accountId)
                .stream().map(k -> k.status).toList());
    }

    public long auditCount(long accountId) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEvent.count("account.id", accountId));
    }

    public long auditCount(long accountId, AuditAction action) {
        return QuarkusTransaction.requiringNew().call(() ->
                AuditEvent.count("account.id = ?1 and action = ?2", accountId, action));
    }

    public List<AuditEvent> events(long accountId, AuditAction action) {
        return QuarkusTransaction.requiringNew().call(() ->
                AuditEvent.<AuditEvent>list("account.id = ?1 and action = ?2 order by id", accountId, action));
    }

    /** Waits up to 5 s for {@code count} events of {@code action}: sign-ins are recorded asynchronously. */
    public long awaitAuditCount(long accountId, AuditAction action, long count) {
        long deadline = System.currentTimeMillis() + 5_000;
        long seen = auditCount(accountId, action);
        while (seen < count && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            seen = auditCount(accountId, action);
        }
        return seen;
    }
}
