package dev.smtpkeys.alerts;

import java.util.List;
import java.util.Locale;

import org.jboss.logging.Logger;

import dev.smtpkeys.account.Role;
import dev.smtpkeys.account.User;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;

/**
 * Sends a security alert to every user of the account, each in their own language: what happened,
 * when, from which address and by whom; never a key. Runs on CDI's async thread pool; a mail that
 * cannot be sent is logged (without its content) and not retried.
 */
@ApplicationScoped
public class AlertMailer {

    private static final Logger LOG = Logger.getLogger(AlertMailer.class);

    @CheckedTemplate(basePath = "alerts")
    static class Templates {
        static native TemplateInstance alertHtml(AlertView alert);

        static native TemplateInstance alertText(AlertView alert);
    }

    /** A user the alert goes to, and their language (English if they chose none). */
    record Recipient(String email, Locale locale) {
    }

    /** The users of the account (not support staff), read in a transaction of their own. */
    static List<Recipient> recipients(long accountId) {
        return QuarkusTransaction.requiringNew().call(() -> User.<User>list("account.id = ?1 and role = ?2",
                accountId, Role.USER).stream()
                .map(u -> new Recipient(u.email, u.locale == null ? Locale.ENGLISH : Locale.forLanguageTag(u.locale)))
                .toList());
    }

    private final Mailer mailer;
    private final AlertViews views;

    AlertMailer(Mailer mailer, AlertViews views) {
        this.mailer = mailer;
        this.views = views;
    }

    void send(@ObservesAsync SecurityAlert alert) {
        List<Recipient> recipients;
        try {
            recipients = recipients(alert.event().accountId());
        } catch (RuntimeException e) {
            LOG.warnf("no security alert for event %d: the account's users could not be read (%s)",
                    alert.event().eventId(), e.getClass().getName());
            return;
        }
        for (Recipient recipient : recipients) {
            Locale locale = recipient.locale();
            AlertView view = views.of(alert.event(), locale);
            try {
                mailer.send(Mail.withHtml(recipient.email(), view.subject(),
                        Templates.alertHtml(view).setLocale(locale).render())
                        .setText(Templates.alertText(view).setLocale(locale).render()));
            } catch (RuntimeException e) {
                LOG.warnf("security alert for event %d not sent to a user of account %d: %s", alert.event().eventId(),
                        alert.event().accountId(), e.getClass().getName());
            }
        }
    }
}
