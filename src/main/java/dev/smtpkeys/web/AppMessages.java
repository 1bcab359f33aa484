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

    // admin, activity, signup
    @Message
    String admin_reason_too_short(int min);

    @Message
    String admin_reason_too_long(int max);

    @Message
    String account_login_wait();

    @Message
    String account_login_signup_lead();

    @Message
    String account_login_signup_link();

    @Message
    String account_menu_password();

    @Message
    String account_signup_title();

    @Message
    String account_signup_lead();

    @Message
    String account_signup_company();

    @Message
    String account_signup_submit();

    @Message
    String account_signup_have_account();

    @Message
    String account_signup_closed();

    @Message
    String account_signup_to_login();

    @Message
    String account_password_title();

    @Message
    String account_password_lead();

    @Message
    String account_password_forced();

    @Message
    String account_password_current();

    @Message
    String account_password_new();

    @Message
    String account_password_repeat();

    @Message
    String account_password_hint();

    @Message
    String account_password_submit();

    @Message
    String account_password_changed();

    @Message
    String account_problem_company_required();

    @Message
    String account_problem_company_too_long(int max);

    @Message
    String account_problem_company_invalid();

    @Message
    String account_problem_email_invalid();

    @Message
    String account_problem_email_taken();

    @Message
    String account_problem_password_too_short(int min);

    @Message
    String account_problem_password_too_long(int max);

    @Message
    String account_problem_password_is_email();

    @Message
    String account_problem_password_mismatch();

    @Message
    String account_problem_current_wrong();

    @Message
    String account_problem_password_unchanged();

    @Message
    String activity_menu();

    @Message
    String activity_title();

    @Message
    String activity_lead();

    @Message
    String activity_filter_key();

    @Message
    String activity_filter_all();

    @Message
    String activity_filter_submit();

    @Message
    String activity_key_deleted();

    @Message
    String activity_empty();

    @Message
    String activity_col_when();

    @Message
    String activity_col_who();

    @Message
    String activity_col_what();

    @Message
    String activity_col_key();

    @Message
    String activity_col_ip();

    @Message
    String activity_col_reason();



    @Message
    String activity_who_you();

    @Message
    String activity_who_support();

    @Message
    String activity_who_support_named(String email);

    @Message
    String activity_who_system();

    @Message
    String activity_who_unknown();

    @Message
    String activity_action_key_generated();

    @Message
    String activity_action_key_deactivated();

    @Message
    String activity_action_key_activated();

    @Message
    String activity_action_key_deleted();

    @Message
    String activity_action_master_revealed();

    @Message
    String activity_action_login();

    @Message
    String activity_action_login_failed();

    @Message
    String activity_action_account_created();

    @Message
    String activity_action_password_changed();

    @Message
    String activity_pages();

    @Message
    String activity_page(int page);

    @Message
    String activity_newer();

    @Message
    String activity_older();

    @Message
    String admin_menu();

    @Message
    String admin_title();

    @Message
    String admin_search_title();

    @Message
    String admin_search_label();

    @Message
    String admin_search_hint();

    @Message
    String admin_search_submit();

    @Message
    String admin_search_none();

    @Message
    String admin_col_company();

    @Message
    String admin_col_keys();

    @Message
    String admin_col_last_activity();

    @Message
    String admin_keys_count(long active, long total);

    @Message
    String admin_previous();

    @Message
    String admin_next();

    @Message
    String admin_back();

    @Message
    String admin_account_overview();

    @Message
    String admin_users_title();

    @Message
    String admin_user_initial_password();

    @Message
    String admin_keys_intro();

    @Message
    String admin_deactivate_all();

    @Message
    String admin_deactivate_all_title();

    @Message
    String admin_deactivate_all_text();

    @Message
    String admin_deactivate_all_count(long count);

    @Message
    String admin_flash_deactivated_all(int count);

    @Message
    String admin_reason_label();

    @Message
    String admin_reason_hint();

    @Message
    String admin_create_button();

    @Message
    String admin_create_title();

    @Message
    String admin_create_lead();

    @Message
    String admin_create_email();

    @Message
    String admin_create_submit();

    @Message
    String admin_created_title();

    @Message
    String admin_created_lead(String company, String email);

    @Message
    String admin_created_password();

    @Message
    String admin_created_warning();

    @Message
    String admin_created_open();

    @Message
    String admin_problem_email_taken();
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

    @Message
    String relay_error_upstream_rejected(String reply);

    @Message
    String relay_error_upstream_unreachable();

    @Message
    String relay_error_expired(int n);

    @Message
    String relay_error_last_reply(String reply);

    @Message
    String relay_error_unknown();
}
