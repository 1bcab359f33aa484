package dev.smtpkeys.admin;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Support's texts: account search, one account, deactivate-all, and creating an account. German in
 * {@code messages/admin_de.properties}; templates write {@code {admin:index_title}}.
 */
@MessageBundle(value = "admin", locale = "en")
public interface AdminMessages {

    @Message("Accounts")
    String index_title();

    @Message("Find an account")
    String search_title();

    @Message("Search")
    String search_label();

    @Message("Part of a company name, user e-mail address, SMTP login or key name.")
    String search_hint();

    @Message("Search")
    String search_submit();

    @Message("No account matches.")
    String search_none();

    @Message("Company")
    String search_col_company();

    @Message("Login")
    String search_col_login();

    @Message("Keys")
    String search_col_keys();

    @Message("Last activity")
    String search_col_last_activity();

    @Message("Created")
    String search_col_created();

    @Message("{active} of {total} active")
    String search_keys_count(long active, long total);

    @Message("All accounts")
    String account_back();

    @Message("Account")
    String account_overview();

    @Message("Login")
    String account_login();

    @Message("Created")
    String account_created();

    @Message("Users")
    String account_users_title();

    @Message("Invited: no password chosen yet")
    String account_user_invited();

    @Message("Send invitation again")
    String account_invite_again();

    @Message("A new invitation was sent to {email}; the earlier link no longer works.")
    String flash_invited(String email);

    @Message("The invitation to {email} could not be sent. Please try again later.")
    String flash_invite_not_sent(String email);

    @Message("This user has already chosen a password.")
    String flash_invite_not_needed();

    @Message("SMTP keys")
    String account_keys_title();

    @Message("Support sees only the last two characters of each key, and never a full key or the master password.")
    String account_keys_intro();

    @Message("Activity")
    String account_activity_title();

    @Message("Deactivate all keys")
    String deactivate_all_button();

    @Message("Deactivate every key of this account?")
    String deactivate_all_title();

    @Message("For a compromised account: every active key, the master password included, stops working at once. The account's users see your reason in their activity log and can activate keys again.")
    String deactivate_all_text();

    @Message("Active keys now: {count}")
    String deactivate_all_count(long count);

    @Message("{count} keys were deactivated.")
    String flash_deactivated_all(int count);

    @Message("Reason")
    String reason_label();

    @Message("10 to 500 characters. The account's users will read it in their activity log.")
    String reason_hint();

    @Message("Create an account")
    String create_button();

    @Message("Create an account")
    String create_title();

    @Message("For a customer who cannot sign up themselves. The user receives an e-mail with a link to choose their own password; nobody else, you included, ever knows it.")
    String create_lead();

    @Message("Company name")
    String create_company();

    @Message("User's e-mail address")
    String create_email();

    @Message("Create account")
    String create_submit();

    @Message("Account created")
    String created_title();

    @Message("The account \"{company}\" was created for {email}.")
    String created_lead(String company, String email);

    @Message("An invitation was sent to {email}. Its link lets the user choose their password, once; if it expires, send it again from the account page.")
    String created_sent(String email);

    @Message("The invitation to {email} could not be sent. Open the account and send it again.")
    String created_not_sent(String email);

    @Message("Language of the invitation")
    String create_language();

    @Message("Open the account")
    String created_open();

    @Message("This e-mail address already belongs to a user. Search for it to find their account.")
    String problem_email_taken();

    @Message("Change the sending limits")
    String sending_title();

    @Message("Sending limits saved.")
    String flash_sending_saved();

    @Message("Sending limits reset to the standard limits.")
    String flash_sending_reset();

    @Message("Queued mail")
    String queued_title();

    @Message("Mail that keys of this account have waiting for delivery. Hold it to stop its delivery until released, or drop it.")
    String queued_intro();

    @Message("No key of this account has mail waiting.")
    String queued_none();

    @Message("{queued} waiting, {held} held")
    String queued_counts(long queued, long held);

    @Message("Hold")
    String queued_hold();

    @Message("Release")
    String queued_release();

    @Message("Drop")
    String queued_drop();

    @Message("Hold this key's queued mail?")
    String queued_hold_title();

    @Message("Release this key's held mail?")
    String queued_release_title();

    @Message("Drop this key's queued mail?")
    String queued_drop_title();

    @Message("The waiting messages are not sent until released. Messages that arrive later are not held: deactivate the key to stop them.")
    String queued_hold_text();

    @Message("The held messages are delivered again, starting now.")
    String queued_release_text();

    @Message("The waiting and held messages are never delivered and their content is deleted. This cannot be undone.")
    String queued_drop_text();

    @Message("{#if n == 1}1 message held.{#else}{n} messages held.{/if}")
    String flash_queued_held(int n);

    @Message("{#if n == 1}1 message released.{#else}{n} messages released.{/if}")
    String flash_queued_released(int n);

    @Message("{#if n == 1}1 message dropped.{#else}{n} messages dropped.{/if}")
    String flash_queued_dropped(int n);
}
