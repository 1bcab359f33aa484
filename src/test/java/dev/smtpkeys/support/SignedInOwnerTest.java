package dev.smtpkeys.support;

import org.junit.jupiter.api.BeforeEach;

/**
 * Base of a {@code @QuarkusTest} whose every test starts with a new account's owner signed in
 * through the form login ({@link #session}); a subclass's own {@code @BeforeEach} runs after this one.
 */
public abstract class SignedInOwnerTest extends NewOwnerTest {

    protected WebSession session;

    @BeforeEach
    void signInOwner() {
        session = WebSession.signIn(owner.email(), TestAccounts.PASSWORD);
    }
}
