package dev.smtpkeys.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every user-facing text, keyed {@code <feature>_<screen>_<what>}. The texts live in
 * {@code messages/msg_en.properties} and {@code msg_de.properties}; a test keeps the two in step.
 */
@MessageBundle(value = "msg", locale = "en")
public interface AppMessages {

    @Message
    String app_name();

    @Message
    String layout_skip();

    @Message
    String layout_menu_label();

    @Message
    String layout_support();

    @Message
    String layout_menu_login();

    @Message
    String layout_menu_smtp_api();

    @Message
    String layout_menu_language();

    @Message
    String layout_menu_logout();

    @Message
    String account_login_title();

    @Message
    String account_login_lead();

    @Message
    String account_login_email();

    @Message
    String account_login_password();

    @Message
    String account_login_submit();

    @Message
    String account_login_error();

    @Message
    String keys_settings_title();

    @Message
    String keys_tab_smtp();

    @Message
    String keys_server_title();

    @Message
    String keys_server_host();

    @Message
    String keys_server_port();

    @Message
    String keys_server_login();

    @Message
    String keys_server_hint();

    @Message
    String keys_table_title();

    @Message
    String keys_table_intro();

    @Message
    String keys_count(int count, int max);

    @Message
    String keys_generate_button();

    @Message
    String keys_generate_title();

    @Message
    String keys_generate_lead();

    @Message
    String keys_generate_name_label();

    @Message
    String keys_generate_name_hint();

    @Message
    String keys_generate_submit();

    @Message
    String keys_cancel();

    @Message
    String keys_ok();

    @Message
    String keys_copy();

    @Message
    String keys_copied();

    @Message
    String keys_created_title();

    @Message
    String keys_created_lead(String name);

    @Message
    String keys_created_label();

    @Message
    String keys_created_warning();

    @Message
    String keys_reveal_warning();

    @Message
    String keys_master_label();

    @Message
    String keys_master_not_deletable();

    @Message
    String keys_master_not_deletable_short();

    @Message
    String keys_col_name();

    @Message
    String keys_col_value();

    @Message
    String keys_col_status();

    @Message
    String keys_col_created();

    @Message
    String keys_col_actions();

    @Message
    String keys_status_active();

    @Message
    String keys_status_inactive();

    @Message
    String keys_action_reveal();

    @Message
    String keys_action_deactivate();

    @Message
    String keys_action_activate();

    @Message
    String keys_action_delete();

    @Message
    String keys_action_delete_forever();

    @Message
    String keys_confirm_deactivate_title();

    @Message
    String keys_confirm_deactivate_text();

    @Message
    String keys_confirm_activate_title();

    @Message
    String keys_confirm_activate_text();

    @Message
    String keys_confirm_delete_title();

    @Message
    String keys_confirm_delete_text();

    @Message
    String keys_flash_deactivated(String name);

    @Message
    String keys_flash_activated(String name);

    @Message
    String keys_flash_deleted(String name);

    @Message
    String keys_problem_name_required();

    @Message
    String keys_problem_name_too_long(int max);

    @Message
    String keys_problem_name_control();

    @Message
    String keys_problem_name_taken();

    @Message
    String keys_problem_limit(int max);

    @Message
    String keys_problem_already_generated();

    @Message
    String keys_problem_changed();

    @Message
    String keys_problem_already_active();

    @Message
    String keys_problem_already_inactive();

    @Message
    String error_home();

    @Message
    String error_400_title();

    @Message
    String error_400_text();

    @Message
    String error_403_title();

    @Message
    String error_403_text();

    @Message
    String error_404_title();

    @Message
    String error_404_text();

    @Message
    String error_500_title();

    @Message
    String error_500_text();

    @Message
    String error_503_title();

    @Message
    String error_503_text();

    @Message
    String keys_col_last_used();

    @Message
    String keys_lastused_never();

    @Message
    String keys_lastused_now();

    @Message
    String keys_lastused_minutes(int n);

    @Message
    String keys_lastused_hours(int n);

    @Message
    String keys_lastused_days(int n);

    @Message
    String keys_lastused_on(String date);

    @Message
    String keys_lastused_from(String ip);

    @Message
    String keys_lastused_count(long n);

    @Message
    String keys_confirm_last_used(String when, String ip);

    @Message
    String keys_confirm_never_used();

    @Message
    String relay_menu_messages();

    @Message
    String relay_key_messages();

    @Message
    String relay_messages_title();

    @Message
    String relay_messages_lead();

    @Message
    String relay_messages_filter_key();

    @Message
    String relay_messages_filter_all();

    @Message
    String relay_messages_filter_apply();

    @Message
    String relay_messages_empty();

    @Message
    String relay_messages_col_time();

    @Message
    String relay_messages_col_key();

    @Message
    String relay_messages_col_from();

    @Message
    String relay_messages_col_to();

    @Message
    String relay_messages_col_subject();

    @Message
    String relay_messages_col_status();

    @Message
    String relay_messages_no_subject();

    @Message
    String relay_messages_more_recipients(int n);

    @Message
    String relay_messages_attempts(int n);

    @Message
    String relay_messages_no_upstream();

    @Message
    String relay_messages_newer();

    @Message
    String relay_messages_older();

    @Message
    String relay_status_queued();

    @Message
    String relay_status_sending();

    @Message
    String relay_status_sent();

    @Message
    String relay_status_failed();
}
