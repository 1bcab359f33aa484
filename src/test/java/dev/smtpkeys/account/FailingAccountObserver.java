package dev.smtpkeys.account;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

/**
 * A test-only observer of {@link AccountCreated} that fails for one company name, after the other
 * observers (the master key, the audit line) have done their work: what it breaks must all roll back.
 */
@ApplicationScoped
public class FailingAccountObserver {

    public static final String FAILING_COMPANY = "Fails After Its Master Key Ltd";

    void fail(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) AccountCreated created) {
        if (FAILING_COMPANY.equals(created.account().name)) {
            throw new IllegalStateException("this account must not survive");
        }
    }
}
