package dev.smtpkeys.alerts;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The security alert e-mails' texts. German in {@code messages/alerts_de.properties}. */
@MessageBundle(value = "alerts", locale = "en")
public interface AlertsMessages {

    @Message("Security alert: a change to your SMTP keys")
    String subject_change();

    @Message("Security alert: an SMTP key was found in public and deactivated")
    String subject_leaked();

    @Message("Security alert: our support team acted on your account")
    String subject_support();

    @Message("Security alert")
    String heading();

    @Message("We are letting you know about this change to your account's SMTP keys. If it was you or a colleague, there is nothing to do.")
    String intro();

    @Message("If you do not recognise it, change your password, check your keys and look at the activity log.")
    String advice();

    @Message("What")
    String label_what();

    @Message("When")
    String label_when();

    @Message("Who")
    String label_who();

    @Message("From IP address")
    String label_ip();

    @Message("Reason or source")
    String label_reason();

    @Message("Open the activity log")
    String link_activity();

    @Message("Reminder: your SMTP key {key} expires within 7 days")
    String reminder_subject_week(String key);

    @Message("Reminder: your SMTP key {key} expires within 24 hours")
    String reminder_subject_day(String key);

    @Message("An SMTP key expires soon")
    String reminder_heading();

    @Message("The SMTP key {key} expires on {when}.")
    String reminder_expires(String key, String when);

    @Message("From then on the relay refuses it (535 5.7.8): an integration that still uses it can no longer send mail. The key is shown as \"Expired\" and cannot be activated again; an expiry cannot be extended.")
    String reminder_then();

    @Message("To keep the integration working, rotate the key in time on the SMTP tab (\"SMTP & API\" in the account menu): \"Rotate\" generates a replacement with the same name and the same lifetime, shown once; put it into the integration, and the old key stops working when you choose. If nothing uses the key any more, let it expire or delete it.")
    String reminder_howto();

    @Message("Open the SMTP tab")
    String link_smtp_tab();

    @Message("You receive this e-mail because you are a user of this account. It never contains a key.")
    String footer();

    @Message("\"{name}\" (ending in {suffix})")
    String key_named(String name, String suffix);

    @Message("the master password (ending in {suffix})")
    String key_master(String suffix);

    @Message("The SMTP key {key} was generated.")
    String what_generated(String key);

    @Message("The SMTP key {key} was deleted.")
    String what_deleted(String key);

    @Message("The SMTP key {key} was rotated: a replacement was generated.")
    String what_rotated(String key);

    @Message("The SMTP key {key} was deactivated.")
    String what_deactivated(String key);

    @Message("The SMTP key {key} was activated.")
    String what_activated(String key);

    @Message("The allowed IP addresses of the SMTP key {key} were changed.")
    String what_networks_changed(String key);

    @Message("The SMTP key {key} was found published on the internet and has been deactivated. Generate a new key for the integration that used it.")
    String what_leaked(String key);

    @Message("The master password was shown.")
    String what_master_revealed();

    @Message("A change was made to your account.")
    String what_other();

    @Message("our support team")
    String who_support();

    @Message("automatically, by the system")
    String who_system();

    @Message("unknown")
    String unknown();
}
