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

    @Message("Initial password not changed yet")
    String account_user_initial_password();

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

    @Message("For a customer who cannot sign up themselves. An initial password is generated; the user must change it at the first sign-in.")
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

    @Message("Initial password")
    String created_password();

    @Message("This password is shown only this once. Give it to the customer through a safe channel; they must change it at the first sign-in.")
    String created_warning();

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
}
