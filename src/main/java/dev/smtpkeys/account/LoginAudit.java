package dev.smtpkeys.account;

import org.jboss.logging.Logger;

import dev.smtpkeys.audit.Actor;
import dev.smtpkeys.audit.AuditAction;
import dev.smtpkeys.audit.AuditLog;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;

/**
 * Writes LOGIN and LOGIN_FAILED audit events. Sign-in runs on the HTTP event loop, where no
 * database work may happen, so attempts arrive here asynchronously, just after the answer.
 */
@ApplicationScoped
public class LoginAudit {

    private static final Logger LOG = Logger.getLogger(LoginAudit.class);

    private final AuditLog audit;

    LoginAudit(AuditLog audit) {
        this.audit = audit;
    }

    void record(@ObservesAsync LoginAttempt attempt) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                User user = User.findByEmail(attempt.email()).orElse(null);
                if (user == null) {
                    // belongs to no account; the typed text may be a mistyped password, so it is not logged
                    LOG.infof("failed sign-in with an unknown e-mail address from %s", attempt.ip());
                    return;
                }
                audit.record(Actor.of(user, attempt.ip()), user.account,
                        attempt.success() ? AuditAction.LOGIN : AuditAction.LOGIN_FAILED, null, null);
            });
        } catch (RuntimeException e) {
            // the sign-in itself has been answered already; a lost audit line must not go unnoticed
            LOG.errorf(e, "could not record a sign-in %s", attempt.success() ? "success" : "failure");
        }
    }
}
