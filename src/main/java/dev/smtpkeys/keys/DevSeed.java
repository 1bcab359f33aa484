package dev.smtpkeys.keys;

import java.util.UUID;

import org.jboss.logging.Logger;

import dev.smtpkeys.account.AccountService;
import dev.smtpkeys.account.Actor;
import dev.smtpkeys.account.User;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

/**
 * Dev mode only: a demo account with keys and a support user, so the app can be tried at once. Here
 * rather than in {@code account}, which may not use the key feature.
 */
@ApplicationScoped
@IfBuildProfile("dev")
public class DevSeed {

    static final String DEMO_EMAIL = "demo@example.com";
    static final String DEMO_PASSWORD = "demo-password-1";
    static final String SUPPORT_EMAIL = "support@example.com";
    static final String SUPPORT_PASSWORD = "support-password-1";

    private static final Logger LOG = Logger.getLogger(DevSeed.class);

    @Transactional
    void seed(@Observes StartupEvent start, AccountService accounts, KeyService keys) {
        if (User.findByEmail(DEMO_EMAIL).isEmpty()) {
            User demo = accounts.createAccount(Actor.system(), "Demo GmbH", DEMO_EMAIL, DEMO_PASSWORD);
            Actor actor = Actor.of(demo, null);
            keys.generate(actor, demo.account, "Shop", UUID.randomUUID());
            keys.generate(actor, demo.account, "CRM", UUID.randomUUID());
        }
        if (User.findByEmail(SUPPORT_EMAIL).isEmpty()) {
            accounts.createSupportUser(SUPPORT_EMAIL, SUPPORT_PASSWORD);
        }
        // dev-only fixed credentials, printed so that the first start needs no README
        LOG.infof("Dev sign-in: %s / %s (account user), %s / %s (support)",
                DEMO_EMAIL, DEMO_PASSWORD, SUPPORT_EMAIL, SUPPORT_PASSWORD);
    }
}
