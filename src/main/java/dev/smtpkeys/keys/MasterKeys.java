package dev.smtpkeys.keys;

import dev.smtpkeys.account.AccountCreated;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

/**
 * Gives every new account its master key. The event is synchronous and fired inside the account's
 * transaction: the key commits with the account, and a failure here rolls the account back.
 */
@ApplicationScoped
class MasterKeys {

    private final KeyService keys;

    MasterKeys(KeyService keys) {
        this.keys = keys;
    }

    // before other observers (the audit line), as when account creation called the key service itself
    void create(@Observes @Priority(Interceptor.Priority.APPLICATION) AccountCreated created) {
        keys.createMaster(created.account(), created.user());
    }
}
