package dev.smtpkeys.alerts;

import java.util.Locale;

import dev.smtpkeys.account.Actor;
import dev.smtpkeys.account.Role;
import dev.smtpkeys.audit.AuditRecorded;
import dev.smtpkeys.audit.KeyRef;
import dev.smtpkeys.keys.ExpiryReminders;
import dev.smtpkeys.web.DateViews;
import dev.smtpkeys.web.Messages;
import jakarta.enterprise.context.ApplicationScoped;

/** Turns an audit event into the words of an alert, in a given language. */
@ApplicationScoped
public class AlertViews {

    private final AlertsConfig config;

    AlertViews(AlertsConfig config) {
        this.config = config;
    }

    /** The alert for {@code event} as a reader of {@code locale} reads it. */
    public AlertView of(AuditRecorded event, Locale locale) {
        AlertsMessages msg = Messages.in(AlertsMessages.class, locale);
        Actor actor = event.actor();
        boolean support = Role.SUPPORT.equals(actor.role());
        String key = key(event.key(), msg);
        String what = switch (event.action().name()) {
            case "KEY_GENERATED" -> msg.what_generated(key);
            case "KEY_DELETED" -> msg.what_deleted(key);
            case "KEY_ROTATED" -> msg.what_rotated(key);
            case "KEY_DEACTIVATED" -> msg.what_deactivated(key);
            case "KEY_ACTIVATED" -> msg.what_activated(key);
            case "KEY_NETWORKS_CHANGED" -> msg.what_networks_changed(key);
            case "KEY_REPORTED_LEAKED" -> msg.what_leaked(key);
            case "MASTER_REVEALED", "MASTER_REVEALED_CONFIRMED" -> msg.what_master_revealed();
            default -> msg.what_other();
        };
        String subject = support ? msg.subject_support()
                : event.action().name().equals("KEY_REPORTED_LEAKED") ? msg.subject_leaked() : msg.subject_change();
        String who = support ? msg.who_support()
                : Actor.SYSTEM_ROLE.equals(actor.role()) || actor.email() == null ? msg.who_system() : actor.email();
        // staff addresses are the provider's business, as on the activity page
        String ip = support ? null : actor.ip();
        return new AlertView(subject, what, DateViews.dateTime(event.at(), locale), who, ip, event.reason(), link("/settings/activity"));
    }

    /** The reminder that {@code due}'s key expires soon, as a reader of {@code locale} reads it. */
    public ExpiryReminderView reminder(ExpiryReminders.Due due, Locale locale) {
        AlertsMessages msg = Messages.in(AlertsMessages.class, locale);
        String key = key(due.key(), msg);
        String subject = due.threshold() == ExpiryReminders.Threshold.DAY ? msg.reminder_subject_day(key)
                : msg.reminder_subject_week(key);
        return new ExpiryReminderView(subject, msg.reminder_expires(key, DateViews.dateTime(due.expiresAt(), locale)),
                link("/settings/keys/smtp"));
    }

    /** {@code path} of the app (null without a configured base URL). */
    private String link(String path) {
        return config.baseUrl().map(base -> base.replaceAll("/+$", "") + path).orElse(null);
    }

    private static String key(KeyRef key, AlertsMessages msg) {
        if (key == null) {
            return "";
        }
        return key.master() ? msg.key_master(key.suffix()) : msg.key_named(key.name(), key.suffix());
    }
}
