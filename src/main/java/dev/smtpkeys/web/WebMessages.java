package dev.smtpkeys.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of the layout, the error pages and the words every feature shares (cancel, copy, paging,
 * language names). German in {@code messages/web_de.properties}; templates write {@code {web:cancel}}.
 */
@MessageBundle(value = "web", locale = "en")
public interface WebMessages {

    @Message("smtp-keys")
    String app_name();

    @Message("Skip to content")
    String layout_skip();

    @Message("Account menu")
    String layout_menu_label();

    @Message("Support")
    String layout_support();

    @Message("SMTP login")
    String layout_menu_login();

    @Message("SMTP & API")
    String layout_menu_smtp_api();

    @Message("Activity")
    String layout_menu_activity();

    @Message("Sent mail")
    String layout_menu_sent_mail();

    @Message("Accounts")
    String layout_menu_accounts();

    @Message("Change password")
    String layout_menu_password();

    @Message("Language")
    String layout_menu_language();

    @Message("Log out")
    String layout_menu_logout();

    @Message("English")
    String language_en();

    @Message("Deutsch")
    String language_de();

    @Message("Go to the start page")
    String error_home();

    @Message("That did not work")
    String error_400_title();

    @Message("The request could not be processed. Please go back and try again.")
    String error_400_text();

    @Message("The input contains a character that cannot be processed (a null byte). Please remove it and try again.")
    String error_input_text();

    @Message("Not allowed")
    String error_403_title();

    @Message("You are not allowed to open this page.")
    String error_403_text();

    @Message("Not found")
    String error_404_title();

    @Message("This page or key does not exist, or it belongs to another account.")
    String error_404_text();

    @Message("Something went wrong")
    String error_500_title();

    @Message("An unexpected error occurred. Nothing was changed. Please try again.")
    String error_500_text();

    @Message("Temporarily unavailable")
    String error_503_title();

    @Message("The service cannot reach its database right now. Nothing was changed. Please try again in a minute.")
    String error_503_text();

    @Message("This form has expired")
    String form_expired_title();

    @Message("For your safety, a form is only valid while the session it was opened in lasts. What you typed is kept, apart from passwords: send the form again, or go back.")
    String form_expired_text();

    @Message("This form came from another website or has expired, so it was not sent. Nothing was changed.")
    String form_expired_foreign();

    @Message("Send again")
    String form_expired_send();

    @Message("Go back")
    String form_expired_back();

    @Message("Cancel")
    String cancel();

    @Message("Copy")
    String copy();

    @Message("Copied")
    String copied();

    @Message("Pages")
    String paging_label();

    @Message("Page {page}")
    String paging_page(int page);

    @Message("Newer")
    String paging_newer();

    @Message("Older")
    String paging_older();

    @Message("Previous")
    String paging_previous();

    @Message("Next")
    String paging_next();
}
