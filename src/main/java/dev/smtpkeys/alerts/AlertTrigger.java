package dev.smtpkeys.alerts;

import java.util.Set;

import dev.smtpkeys.account.Role;
import dev.smtpkeys.audit.AuditAction;
import dev.smtpkeys.audit.AuditRecorded;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/**
 * Decides which audit events become security alerts, once their transaction has committed (a change
 * that was rolled back alerts nobody), and hands them to {@link AlertMailer} on another thread, so the
 * request or relay session that made the change never waits for a mail server.
 */
@ApplicationScoped
public class AlertTrigger {

    /** What users are told about whoever did it. Support staff's every action on an account is told too. */
    static final Set<AuditAction> ALERTING = Set.of(AuditAction.KEY_GENERATED, AuditAction.KEY_DELETED,
            AuditAction.KEY_ROTATED, AuditAction.MASTER_REVEALED, AuditAction.MASTER_REVEALED_CONFIRMED,
            AuditAction.KEY_REPORTED_LEAKED);

    private final Event<SecurityAlert> alerts;
    private final AlertsConfig config;

    AlertTrigger(Event<SecurityAlert> alerts, AlertsConfig config) {
        this.alerts = alerts;
        this.config = config;
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) AuditRecorded event) {
        if (config.enabled() && isAlert(event)) {
            alerts.fireAsync(new SecurityAlert(event));
        }
    }

    static boolean isAlert(AuditRecorded event) {
        if (event.accountId() == null) {
            return false;
        }
        if (Role.SUPPORT.equals(event.actor().role())) {
            // an account that support opens is new: its users get their welcome (the invitation), not an alarm
            return event.action() != AuditAction.ACCOUNT_CREATED && event.action() != AuditAction.INVITATION_SENT;
        }
        return ALERTING.contains(event.action());
    }
}
