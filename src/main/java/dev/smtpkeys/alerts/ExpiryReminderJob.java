package dev.smtpkeys.alerts;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jboss.logging.Logger;

import dev.smtpkeys.alerts.AlertMailer.Recipient;
import dev.smtpkeys.keys.ExpiryReminders;
import dev.smtpkeys.keys.ExpiryReminders.Due;
import dev.smtpkeys.keys.ExpiryReminders.Threshold;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;

/**
 * Mails every user of an account, in their language, 7 days and 1 day before one of its keys expires
 * (which reminders are due, and that each goes out once across instances, is {@link ExpiryReminders}').
 * A reminder is claimed before it is mailed; if no user could be mailed, the claim is given back and
 * a later run tries again, {@code smtpkeys.alerts.expiry-reminder-tries} times at most.
 */
@ApplicationScoped
public class ExpiryReminderJob {

    private static final Logger LOG = Logger.getLogger(ExpiryReminderJob.class);

    /** Reminders claimed at a time: a crash loses at most these, and a run ends once a batch is not full. */
    static final int BATCH = 50;

    @CheckedTemplate(basePath = "alerts")
    static class Templates {
        static native TemplateInstance expiryReminderHtml(ExpiryReminderView reminder);

        static native TemplateInstance expiryReminderText(ExpiryReminderView reminder);
    }

    private final ExpiryReminders reminders;
    private final AlertViews views;
    private final Mailer mailer;
    private final AlertsConfig config;

    ExpiryReminderJob(ExpiryReminders reminders, AlertViews views, Mailer mailer, AlertsConfig config) {
        this.reminders = reminders;
        this.views = views;
        this.mailer = mailer;
        this.config = config;
    }

    // the interval and its default live in AlertsConfig#expiryReminderInterval only; the first run
    // waits one interval too, so a start (or a test run) does not mail before it is asked to
    @Scheduled(every = "${smtpkeys.alerts.expiry-reminder-interval}",
            delayed = "${smtpkeys.alerts.expiry-reminder-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        run();
    }

    /** Mails the reminders due now, the 1-day ones first; answers how many reminders went out. */
    @ActivateRequestContext
    public int run() {
        if (!config.enabled()) {
            return 0;
        }
        int sent = 0;
        // keys made together expire together: each account's users are read once per run
        Map<Long, List<Recipient>> recipients = new HashMap<>();
        for (Threshold threshold : List.of(Threshold.DAY, Threshold.WEEK)) {
            List<Due> batch;
            boolean failed = false;
            do {
                batch = reminders.claimDue(threshold, BATCH);
                for (Due due : batch) {
                    if (send(due, recipients)) {
                        sent++;
                    } else {
                        failed = true;
                    }
                }
                // a batch given back would be claimed again at once: failures wait for the next run
            } while (batch.size() == BATCH && !failed);
        }
        return sent;
    }

    /**
     * Mails one reminder to every user of its account; answers whether anyone got it. A reminder some
     * users got stays sent (sending it again would repeat it for them); the others are logged.
     * {@code byAccount} holds the users of the accounts this run has mailed already.
     */
    private boolean send(Due due, Map<Long, List<Recipient>> byAccount) {
        List<Recipient> recipients;
        try {
            recipients = byAccount.computeIfAbsent(due.accountId(), AlertMailer::recipients);
        } catch (RuntimeException e) {
            return failed(due, 0, 1, e);
        }
        if (recipients.isEmpty()) {
            // counted as sent, as there is no one to send it to; said, so a missing reminder can be traced
            LOG.warnf("expiry reminder (%s) for key %d not sent: account %d has no user to remind", due.threshold(),
                    due.key().id(), due.accountId());
        }
        int delivered = 0;
        RuntimeException last = null;
        for (Recipient recipient : recipients) {
            ExpiryReminderView view = views.reminder(due, recipient.locale());
            try {
                mailer.send(Mail.withHtml(recipient.email(), view.subject(),
                        Templates.expiryReminderHtml(view).setLocale(recipient.locale()).render())
                        .setText(Templates.expiryReminderText(view).setLocale(recipient.locale()).render()));
                delivered++;
            } catch (RuntimeException e) {
                last = e;
            }
        }
        if (last == null || delivered > 0) {
            if (last != null) {
                LOG.warnf("expiry reminder (%s) for key %d reached %d of %d users of account %d: %s", due.threshold(),
                        due.key().id(), delivered, recipients.size(), due.accountId(), last.getClass().getName());
            }
            reminders.sent(due);
            return true;
        }
        return failed(due, delivered, recipients.size(), last);
    }

    private boolean failed(Due due, int delivered, int of, RuntimeException e) {
        String then;
        try {
            then = reminders.release(due, config.expiryReminderTries()) ? "the next run tries again" : "given up";
        } catch (RuntimeException releaseFailed) {
            then = "its claim could not be given back (" + releaseFailed.getClass().getName() + "), so it is lost";
        }
        // the class only: a mail server's message may quote the mail, and no key is ever logged
        LOG.warnf("expiry reminder (%s) for key %d of account %d not sent (%d of %d users; %s); %s", due.threshold(),
                due.key().id(), due.accountId(), delivered, of, e.getClass().getName(), then);
        return false;
    }
}
