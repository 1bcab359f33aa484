package dev.smtpkeys.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import dev.smtpkeys.account.Account;
import dev.smtpkeys.account.AccountService;
import dev.smtpkeys.account.Actor;
import dev.smtpkeys.account.Role;
import dev.smtpkeys.account.User;
import dev.smtpkeys.audit.KeyRef;
import dev.smtpkeys.keys.ExpiryReminders;
import dev.smtpkeys.keys.GeneratedKey;
import dev.smtpkeys.keys.KeyDeadlines;
import dev.smtpkeys.keys.KeyRotation;
import dev.smtpkeys.keys.KeyService;
import dev.smtpkeys.keys.RotationGrace;
import dev.smtpkeys.support.NewOwnerTest;
import dev.smtpkeys.support.TestAccounts;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Expiry reminders: 7 days and 1 day before a key expires, once per key and threshold (also with two
 * runs at once), to every user in their language, never the key; none for keys that will not expire
 * in use. The job is run by hand on the moved test clock; its own schedule waits a day in tests.
 */
@QuarkusTest
class ExpiryRemindersTest extends NewOwnerTest {

    @Inject
    MockMailbox mailbox;

    @Inject
    AccountService accountService;

    @Inject
    KeyService keys;

    @Inject
    KeyRotation rotation;

    @Inject
    KeyDeadlines deadlines;

    @Inject
    ExpiryReminderJob job;

    @Inject
    AlertsConfig config;

    @Test
    void aWeekAndADayBeforeEveryUserIsRemindedOnceInTheirLanguageWithoutTheKey() {
        String colleague = germanColleague();
        GeneratedKey key = generate("Web shop", Duration.ofDays(30));
        Instant expiresAt = key.key().expiresAt;

        clock.advance(Duration.ofDays(30 - 8));
        job.run();
        assertEquals(0, reminders(owner.email()).size(), "8 days before: nothing yet");

        clock.advance(Duration.ofDays(1).plusMinutes(1));
        job.run();
        List<Mail> english = reminders(owner.email());
        assertEquals(1, english.size());
        Mail mail = english.get(0);
        String suffix = key.key().suffix;
        assertEquals("Reminder: your SMTP key \"Web shop\" (ending in " + suffix + ") expires within 7 days",
                mail.getSubject());
        assertTrue(mail.getText().contains("The SMTP key \"Web shop\" (ending in " + suffix + ") expires on "
                + when(expiresAt, Locale.ENGLISH) + "."), mail.getText());
        assertTrue(mail.getText().contains("Rotate") && mail.getText().contains("535 5.7.8"), mail.getText());
        assertTrue(mail.getHtml().contains("Web shop"));
        assertFalse(mail.getText().contains(key.secret()) || mail.getHtml().contains(key.secret()), "never the key");

        List<Mail> german = reminders(colleague);
        assertEquals(1, german.size());
        assertEquals("Erinnerung: Ihr SMTP-Schlüssel „Web shop“ (endet auf " + suffix
                + ") läuft in weniger als 7 Tagen ab", german.get(0).getSubject());
        assertTrue(german.get(0).getText().contains("läuft am " + when(expiresAt, Locale.GERMAN) + " ab."),
                german.get(0).getText());
        assertTrue(when(expiresAt, Locale.GERMAN).matches("\\d\\d\\.\\d\\d\\.\\d{4}, \\d\\d:\\d\\d UTC"),
                "German date format: " + when(expiresAt, Locale.GERMAN));
        assertFalse(german.get(0).getText().contains(key.secret()));

        job.run();
        assertEquals(1, reminders(owner.email()).size(), "a second run sends nothing more");
        assertEquals(1, reminders(colleague).size());

        clock.advance(Duration.ofDays(6).minusMinutes(2));
        job.run();
        assertEquals(1, reminders(owner.email()).size(), "between the two: nothing");

        clock.advance(Duration.ofMinutes(2));
        job.run();
        job.run();
        assertEquals(2, reminders(owner.email()).size());
        assertEquals("Reminder: your SMTP key \"Web shop\" (ending in " + suffix + ") expires within 24 hours",
                reminders(owner.email()).get(1).getSubject());
        assertEquals("Erinnerung: Ihr SMTP-Schlüssel „Web shop“ (endet auf " + suffix
                + ") läuft in weniger als 24 Stunden ab", reminders(colleague).get(1).getSubject());

        clock.advance(Duration.ofDays(1));
        deadlines.applyDue();
        job.run();
        assertEquals(2, reminders(owner.email()).size(), "nothing after the expiry");
    }

    @Test
    void aKeyMadeWithThreeDaysLeftGetsOnlyTheOneDayReminder() {
        generate("Short", Duration.ofDays(3));
        job.run();
        clock.advance(Duration.ofDays(1));
        job.run();
        assertEquals(0, reminders(owner.email()).size(), "no \"7 days\" reminder for a key that never had 7 days");

        clock.advance(Duration.ofDays(1).plusMinutes(1));
        job.run();
        assertEquals(List.of("24 hours"), thresholds(owner.email()));
    }

    @Test
    void aRunAfterALongPauseSendsOnlyTheNearestReminder() {
        generate("Paused job", Duration.ofDays(30));
        clock.advance(Duration.ofDays(29).plusHours(2));
        job.run();
        job.run();
        assertEquals(List.of("24 hours"), thresholds(owner.email()));

        // an instance whose clock lags by days does not send the week's reminder after the day's
        clock.advance(Duration.ofDays(-3));
        job.run();
        assertEquals(List.of("24 hours"), thresholds(owner.email()));
    }

    @Test
    void keysThatWillNotExpireInUseAreNotReminded() {
        GeneratedKey paused = generate("Paused", Duration.ofDays(30));
        GeneratedKey gone = generate("Gone", Duration.ofDays(30));
        GeneratedKey rotated = generate("Rotated", Duration.ofDays(30));
        generate("Lapsed", Duration.ofDays(20));
        QuarkusTransaction.requiringNew().run(() -> {
            Account account = Account.findById(owner.accountId());
            keys.deactivate(Actor.system(), account, paused.key().id, null, null);
            keys.delete(Actor.system(), account, gone.key().id, null, null);
        });
        clock.advance(Duration.ofDays(10));
        // the old key works on until its replacement is first used; the replacement has 30 fresh days
        QuarkusTransaction.requiringNew().run(() -> rotation.rotate(Actor.system(), Account.findById(owner.accountId()),
                rotated.key().id, null, RotationGrace.FIRST_USE));
        clock.advance(Duration.ofDays(13).plusHours(1));
        // "Lapsed" expired without a run of the job in between
        deadlines.applyDue();
        job.run();
        job.run();
        assertEquals(List.of(), thresholds(owner.email()));
    }

    @Test
    void twoRunsAtTheSameMomentSendEachReminderOnce() throws Exception {
        String colleague = germanColleague();
        int rounds = 10;
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            // each round makes keys that become due, then starts two runs together
            for (int round = 0; round < rounds; round++) {
                generate("Shop " + round + "a", Duration.ofDays(7).plusMinutes(1));
                generate("Shop " + round + "b", Duration.ofDays(7).plusMinutes(1));
                clock.advance(Duration.ofMinutes(2));
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<Integer>> runs = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    runs.add(threads.submit(() -> {
                        start.await();
                        return job.run();
                    }));
                }
                for (Future<Integer> run : runs) {
                    run.get();
                }
            }
        } finally {
            threads.shutdownNow();
        }
        assertEquals(2 * rounds, reminders(owner.email()).size());
        assertEquals(2 * rounds, reminders(colleague).size());
        for (int round = 0; round < rounds; round++) {
            for (String letter : List.of("a", "b")) {
                String name = "\"Shop " + round + letter + "\"";
                assertEquals(1, reminders(owner.email()).stream().filter(m -> m.getSubject().contains(name)).count(),
                        name);
            }
        }
    }

    @Test
    void aReminderThatCouldNotBeSentIsTriedAgainByTheNextRun() {
        generate("Retried", Duration.ofDays(10));
        clock.advance(Duration.ofDays(3).plusMinutes(1));
        String address = owner.email();
        setEmail(owner.userId(), "not an address " + UUID.randomUUID());
        job.run();
        assertEquals(0, reminders(address).size());

        setEmail(owner.userId(), address);
        job.run();
        job.run();
        assertEquals(List.of("7 days"), thresholds(address));
    }

    @Test
    void aReminderThatKeepsFailingIsGivenUpAfterTheConfiguredTries() {
        generate("Given up", Duration.ofDays(10));
        clock.advance(Duration.ofDays(3).plusMinutes(1));
        String address = owner.email();
        setEmail(owner.userId(), "not an address " + UUID.randomUUID());
        for (int i = 0; i < config.expiryReminderTries(); i++) {
            job.run();
        }
        setEmail(owner.userId(), address);
        job.run();
        assertEquals(List.of(), thresholds(address), "given up: the week's reminder is not sent late");

        clock.advance(Duration.ofDays(6));
        job.run();
        assertEquals(List.of("24 hours"), thresholds(address), "the day's reminder has tries of its own");
    }

    @Test
    void withAlertsSwitchedOffNothingIsClaimedOrSent() {
        // a proxy, not a class: Quarkus would take a class implementing the mapping for a bean
        AlertsConfig off = (AlertsConfig) Proxy.newProxyInstance(AlertsConfig.class.getClassLoader(),
                new Class<?>[] {AlertsConfig.class}, (proxy, method, args) -> {
                    assertEquals("enabled", method.getName(), "only asked whether alerts are on");
                    return false;
                });
        // no reminders, views or mailer: touching any of them would fail
        assertEquals(0, new ExpiryReminderJob(null, null, null, off).run());
    }

    @Test
    void withABaseUrlTheReminderLinksToTheSmtpTab() {
        AlertsConfig withBase = (AlertsConfig) Proxy.newProxyInstance(AlertsConfig.class.getClassLoader(),
                new Class<?>[] {AlertsConfig.class}, (proxy, method, args) -> Optional.of("https://app.example.test/"));
        ExpiryReminders.Due due = new ExpiryReminders.Due(ExpiryReminders.Threshold.DAY, owner.accountId(),
                new KeyRef(1, "CRM <b>", "x9", false), Instant.parse("2027-03-04T05:06:00Z"), 0);
        ExpiryReminderView view = new AlertViews(withBase).reminder(due, Locale.GERMAN);
        assertEquals("https://app.example.test/settings/keys/smtp", view.smtpTabUrl());
        assertEquals("Der SMTP-Schlüssel „CRM <b>“ (endet auf x9) läuft am 04.03.2027, 05:06 UTC ab.", view.expires());
        String html = ExpiryReminderJob.Templates.expiryReminderHtml(view).setLocale(Locale.GERMAN).render();
        assertTrue(html.contains("<a href=\"https://app.example.test/settings/keys/smtp\">SMTP-Tab öffnen</a>"), html);
        assertTrue(html.contains("CRM &lt;b&gt;") && !html.contains("CRM <b>"), "the key's name is escaped: " + html);
    }

    @Test
    void theScheduleIsTheAlertsSetting() throws NoSuchMethodException {
        Scheduled scheduled = ExpiryReminderJob.class.getDeclaredMethod("onSchedule").getAnnotation(Scheduled.class);
        assertEquals("${smtpkeys.alerts.expiry-reminder-interval}", scheduled.every());
        assertEquals(Scheduled.ConcurrentExecution.SKIP, scheduled.concurrentExecution());
    }

    private GeneratedKey generate(String name, Duration lifetime) {
        return QuarkusTransaction.requiringNew().call(() -> keys.generate(Actor.system(),
                Account.findById(owner.accountId()), name, UUID.randomUUID(), clock.instant().plus(lifetime)));
    }

    private String germanColleague() {
        return QuarkusTransaction.requiringNew().call(() -> {
            User user = accountService.createSupportUser("kollegin-" + UUID.randomUUID() + "@example.org",
                    TestAccounts.PASSWORD);
            user.role = Role.USER;
            user.account = Account.findById(owner.accountId());
            user.locale = "de";
            return user.email;
        });
    }

    private void setEmail(long userId, String email) {
        QuarkusTransaction.requiringNew().run(() -> User.<User>findById(userId).email = email);
    }

    /** The reminders mailed to {@code to}, oldest first (the account's security alerts left out). */
    private List<Mail> reminders(String to) {
        List<Mail> mails = mailbox.getMailsSentTo(to);
        return mails == null ? List.of()
                : mails.stream().filter(m -> m.getSubject().startsWith("Reminder:")
                        || m.getSubject().startsWith("Erinnerung:")).toList();
    }

    private List<String> thresholds(String to) {
        return reminders(to).stream().map(m -> m.getSubject().replaceAll(".* expires within ", "")).toList();
    }

    private static String when(Instant at, Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
                .withZone(ZoneOffset.UTC).format(at) + " UTC";
    }
}
