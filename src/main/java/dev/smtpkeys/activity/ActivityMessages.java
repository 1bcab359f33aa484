package dev.smtpkeys.activity;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The activity log's texts: its page, its columns, and who did what. German in
 * {@code messages/activity_de.properties}; templates write {@code {activity:index_title}}.
 */
@MessageBundle(value = "activity", locale = "en")
public interface ActivityMessages {

    @Message("Activity")
    String index_title();

    @Message("Who did what with the SMTP keys of this account, and every sign-in. Times are in UTC.")
    String index_lead();

    @Message("All activity")
    String filter_all();

    @Message("deleted")
    String filter_key_deleted();

    @Message("Nothing has happened here yet.")
    String table_empty();

    @Message("When")
    String col_when();

    @Message("Who")
    String col_who();

    @Message("What")
    String col_what();

    @Message("Key")
    String col_key();

    @Message("IP address")
    String col_ip();

    @Message("Reason")
    String col_reason();

    @Message("You")
    String who_you();

    @Message("Support")
    String who_support();

    @Message("Support ({email})")
    String who_support_named(String email);

    @Message("System")
    String who_system();

    @Message("Unknown")
    String who_unknown();

    @Message("Key generated")
    String action_key_generated();

    @Message("Key deactivated")
    String action_key_deactivated();

    @Message("Key activated")
    String action_key_activated();

    @Message("Key deleted")
    String action_key_deleted();

    @Message("Master password shown")
    String action_master_revealed();

    @Message("Signed in")
    String action_login();

    @Message("Failed sign-in")
    String action_login_failed();

    @Message("Account created")
    String action_account_created();

    @Message("Password changed")
    String action_password_changed();

    @Message("Allowed IP addresses changed")
    String action_key_networks_changed();

    @Message("Blocked: IP address not allowed")
    String action_key_address_refused();

    @Message("Reported as leaked, deactivated")
    String action_key_reported_leaked();
    @Message("Key rotated (replacement generated)")
    String action_key_rotated();

    @Message("Old key retired after rotation")
    String action_key_retired();

    @Message("Key expired")
    String action_key_expired();

    @Message("Master password shown (password confirmed)")
    String action_master_revealed_confirmed();
    @Message("Sending limits set to {perMinute} messages per minute and {perDay} per day")
    String action_sending_limits_set(String perMinute, String perDay);

    @Message("Sending limits changed")
    String action_sending_limits_changed();

    @Message("Sending limits reset to the defaults")
    String action_sending_limits_reset();
    @Message("Sign-in paused after failed attempts")
    String action_login_throttled();

    @Message("Password change paused after wrong current passwords")
    String action_password_throttled();

    @Message("Sign-up paused for a network")
    String action_signup_throttled();

    @Message("Queued mail held")
    String action_queued_mail_held();

    @Message("Queued mail released")
    String action_queued_mail_released();

    @Message("Queued mail dropped")
    String action_queued_mail_dropped();

    @Message("Invitation to choose a password sent")
    String action_invitation_sent();
}
