package dev.smtpkeys.support;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** Puts every {@code @QuarkusTest} on its own {@link TestDatabase} schema. */
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
public final class TestDatabaseRegistration {

    private TestDatabaseRegistration() {
    }
}
