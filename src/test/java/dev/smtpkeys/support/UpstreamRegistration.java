package dev.smtpkeys.support;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** Gives every {@code @QuarkusTest} of the run the same {@link TestUpstream}, so the app starts once. */
@WithTestResource(value = TestUpstream.class, scope = TestResourceScope.GLOBAL)
public final class UpstreamRegistration {

    private UpstreamRegistration() {
    }
}
