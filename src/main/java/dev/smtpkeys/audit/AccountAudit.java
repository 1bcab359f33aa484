package dev.smtpkeys.audit;

import org.jboss.logging.Logger;

import dev.smtpkeys.account.AccountCreated;
import dev.smtpkeys.account.Actor;
import dev.smtpkeys.account.InvitationIssued;
import dev.smtpkeys.account.LoginAttempt;
import dev.smtpkeys.account.PasswordChanged;
import dev.smtpkeys.account.Throttled;
import dev.smtpkeys.account.User;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;

/**
 * Writes the audit events of the account feature, which fires events and knows nothing of the log:
 * ACCOUNT_CREATED, PASSWORD_CHANGED and INVITATION_SENT inside the transaction that made the change, LOGIN and
 * LOGIN_FAILED asynchronously, since sign-in runs on the HTTP event loop, where no database work may
 * happen, so attempts arrive here just after the answer; so do the *_THROTTLED ones.
 */
@ApplicationScoped
public class AccountAudit {

    private static final Logger LOG = Logger.getLogger(AccountAudit.class);
    /** The actor of what an anonymous visitor did (a sign-up attempt). */
    static final String VISITOR_ROLE = "visitor";

    private final AuditLog audit;

    AccountAudit(AuditLog audit) {
        this.audit = audit;
    }

    void accountCreated(@Observes AccountCreated created) {
        audit.record(created.actor(), created.account(), AuditAction.ACCOUNT_CREATED, null, null);
    }

    void passwordChanged(@Observes PasswordChanged changed) {
        audit.record(changed.actor(), changed.user().account, AuditAction.PASSWORD_CHANGED, null, null);
    }

    void invitationIssued(@Observes InvitationIssued issued) {
        audit.record(issued.actor(), issued.user().account, AuditAction.INVITATION_SENT, null, null);
    }

    void throttled(@ObservesAsync Throttled throttled) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                if (throttled.kind() == Throttled.Kind.SIGN_UP) {
                    audit.record(new Actor(null, VISITOR_ROLE, null, throttled.ip()), null,
                            AuditAction.SIGNUP_THROTTLED, null, null);
                    return;
                }
                User user = User.findByEmail(throttled.email()).orElse(null);
                if (user == null) {
                    LOG.infof("sign-in with an unknown e-mail address paused for %s", throttled.ip());
                    return;
                }
                audit.record(Actor.of(user, throttled.ip()), user.account, throttled.kind() == Throttled.Kind.SIGN_IN
                        ? AuditAction.LOGIN_THROTTLED : AuditAction.PASSWORD_THROTTLED, null, null);
            });
        } catch (RuntimeException e) {
            LOG.errorf(e, "could not record a throttled %s", throttled.kind());
        }
    }

    void signIn(@ObservesAsync LoginAttempt attempt) {
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
