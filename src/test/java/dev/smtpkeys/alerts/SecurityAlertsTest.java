package dev.smtpkeys.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.smtpkeys.account.Account;
import dev.smtpkeys.account.AccountService;
import dev.smtpkeys.account.Actor;
import dev.smtpkeys.account.User;
import dev.smtpkeys.keys.GeneratedKey;
import dev.smtpkeys.keys.KeyService;
import dev.smtpkeys.support.NewOwnerTest;
import dev.smtpkeys.support.TestAccounts;
import dev.smtpkeys.support.Waits;
import dev.smtpkeys.support.WebSession;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** Security alert e-mails: after the change is committed, to every user of the account, in their language, never a key. */
@QuarkusTest
class SecurityAlertsTest extends NewOwnerTest {

    @Inject
    MockMailbox mailbox;

    @Inject
    AccountService accountService;

    @Inject
    KeyService keys;

    @Test
    void generatingAKeyTellsTheUserWhatWhenAndFromWhereButNotTheKey() {
        WebSession session = WebSession.signIn(owner.email(), TestAccounts.PASSWORD);
        String page = session.post("/settings/keys/smtp", "name", "Web shop", "nonce", UUID.randomUUID().toString()).asString();
        Mail mail = awaitMail(owner.email(), 1).get(0);
        assertEquals("Security alert: a change to your SMTP keys", mail.getSubject());
        assertTrue(mail.getText().contains("The SMTP key \"Web shop\" (ending in "), mail.getText());
        assertTrue(mail.getText().contains("From IP address: 127.0.0.1"), mail.getText());
        assertTrue(mail.getText().contains("Who: " + owner.email()), mail.getText());
        assertTrue(mail.getText().contains(" UTC"), mail.getText());
        assertTrue(mail.getHtml().contains("Web shop"));
        String secret = page.replaceAll("(?s).*(smtpk_[0-9A-Za-z]{46}).*", "$1");
        assertTrue(secret.startsWith("smtpk_"), "the page showed the new key");
        assertFalse(mail.getText().contains(secret) || mail.getHtml().contains(secret), "the key is never mailed");
    }

    @Test
    void everyUserOfTheAccountIsToldInTheirOwnLanguage() {
        String colleague = QuarkusTransaction.requiringNew().call(() -> {
            User user = accountService.createSupportUser("colleague-" + UUID.randomUUID() + "@example.org", TestAccounts.PASSWORD);
            user.role = "user";
            user.account = Account.findById(owner.accountId());
            user.locale = "de";
            return user.email;
        });
        QuarkusTransaction.requiringNew().run(() -> keys.revealMaster(Actor.system(), Account.findById(owner.accountId())));
        assertEquals("Security alert: a change to your SMTP keys", awaitMail(owner.email(), 1).get(0).getSubject());
        Mail german = awaitMail(colleague, 1).get(0);
        assertEquals("Sicherheitshinweis: eine Änderung an Ihren SMTP-Schlüsseln", german.getSubject());
        assertTrue(german.getText().contains("Das Master-Passwort wurde angezeigt."), german.getText());
        assertTrue(german.getText().contains("Wer: automatisch, durch das System"), german.getText());
    }

    @Test
    void supportsActionsAreToldWithTheReasonButWithoutStaffAddresses() {
        GeneratedKey key = QuarkusTransaction.requiringNew().call(() ->
                keys.generate(Actor.system(), Account.findById(owner.accountId()), "CRM", UUID.randomUUID()));
        awaitMail(owner.email(), 1);
        Actor support = new Actor(999L, "support", "staff@provider.example", "10.9.8.7");
        QuarkusTransaction.requiringNew().run(() -> keys.deactivate(support, Account.findById(owner.accountId()),
                key.key().id, null, "Customer asked us by phone to switch it off"));
        Mail mail = awaitMail(owner.email(), 2).get(1);
        assertEquals("Security alert: our support team acted on your account", mail.getSubject());
        assertTrue(mail.getText().contains("The SMTP key \"CRM\""), mail.getText());
        assertTrue(mail.getText().contains("Customer asked us by phone"), mail.getText());
        assertFalse(mail.getText().contains("10.9.8.7") || mail.getText().contains("staff@provider.example"), mail.getText());
    }

    @Test
    void aChangeThatIsRolledBackAlertsNobody() {
        assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            keys.generate(Actor.system(), Account.findById(owner.accountId()), "Rolled back", UUID.randomUUID());
            QuarkusTransaction.setRollbackOnly();
        }));
        QuarkusTransaction.requiringNew().run(() ->
                keys.generate(Actor.system(), Account.findById(owner.accountId()), "Kept", UUID.randomUUID()));
        awaitMail(owner.email(), 1);
        List<Mail> mails = mailbox.getMailsSentTo(owner.email());
        assertEquals(1, mails.size());
        assertTrue(mails.get(0).getText().contains("Kept"));
    }

    @Test
    void signInsAndTheUsersOwnDeactivationsAreNotAlerts() {
        GeneratedKey key = QuarkusTransaction.requiringNew().call(() ->
                keys.generate(Actor.system(), Account.findById(owner.accountId()), "Shop", UUID.randomUUID()));
        WebSession.signIn(owner.email(), TestAccounts.PASSWORD);
        QuarkusTransaction.requiringNew().run(() -> keys.deactivate(Actor.system(), Account.findById(owner.accountId()),
                key.key().id, null, null));
        QuarkusTransaction.requiringNew().run(() ->
                keys.generate(Actor.system(), Account.findById(owner.accountId()), "Marker", UUID.randomUUID()));
        List<Mail> mails = awaitMail(owner.email(), 2);
        assertEquals(2, mails.size());
        assertTrue(mails.stream().allMatch(m -> m.getText().contains("was generated")));
    }

    private List<Mail> awaitMail(String to, int count) {
        Waits.waitFor(() -> mailbox.getMailsSentTo(to) != null && mailbox.getMailsSentTo(to).size() >= count);
        return mailbox.getMailsSentTo(to);
    }
}
