package dev.smtpkeys.support;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import jakarta.inject.Inject;

/**
 * Base of a {@code @QuarkusTest} whose every test starts with a new account's owner, not signed in,
 * and puts the test clock back afterwards. Its subclass {@link SignedInOwnerTest} signs the owner in.
 */
public abstract class NewOwnerTest {

    @Inject
    protected TestAccounts accounts;

    @Inject
    protected TestData data;

    @Inject
    protected TestClock clock;

    protected TestAccounts.Created owner;

    @BeforeEach
    void newOwner() {
        owner = accounts.create();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }
}
