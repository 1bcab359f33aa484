package dev.smtpkeys.keys;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The keys feature's texts: the SMTP tab, its key table, dialogs and confirmations, and the problems of a
 * key change. German in {@code messages/keys_de.properties}; templates write {@code {keys:settings_title}}.
 */
@MessageBundle(value = "keys", locale = "en")
public interface KeysMessages {

    @Message("SMTP & API")
    String settings_title();

    @Message("SMTP")
    String tab_smtp();

    @Message("SMTP server")
    String server_title();

    @Message("SMTP server")
    String server_host();

    @Message("Ports")
    String server_ports();

    @Message("STARTTLS")
    String security_starttls();

    @Message("SSL/TLS (implicit)")
    String security_implicit();

    @Message("Login")
    String server_login();

    @Message("Any of these ports works: choose STARTTLS or SSL/TLS in your mail client as the port says. Your integrations sign in with the login above and one of the SMTP keys below as password.")
    String server_hint();

    @Message("SMTP keys")
    String table_title();

    @Message("Create one key per integration (shop, CRM, app…), so you can switch one off without touching the others.")
    String table_intro();

    @Message("{count} of {max} keys used")
    String table_count(int count, int max);

    @Message("Name")
    String col_name();

    @Message("Key")
    String col_value();

    @Message("Status")
    String col_status();

    @Message("Created")
    String col_created();

    @Message("Actions")
    String col_actions();

    @Message("Last used")
    String col_last_used();

    @Message("Active")
    String status_active();

    @Message("Inactive")
    String status_inactive();

    @Message("Show master password")
    String action_reveal();

    @Message("Deactivate")
    String action_deactivate();

    @Message("Activate")
    String action_activate();

    @Message("Delete")
    String action_delete();

    @Message("Delete for good")
    String action_delete_forever();

    @Message("Messages")
    String action_messages();

    @Message("Master password")
    String master_label();

    @Message("The master password cannot be deleted. Deactivate it if no integration needs it.")
    String master_not_deletable();

    @Message("Cannot be deleted")
    String master_not_deletable_short();

    @Message("Never")
    String lastused_never();

    @Message("just now")
    String lastused_now();

    @Message("{#if n == 1}1 minute ago{#else}{n} minutes ago{/if}")
    String lastused_minutes(int n);

    @Message("{#if n == 1}1 hour ago{#else}{n} hours ago{/if}")
    String lastused_hours(int n);

    @Message("{#if n == 1}1 day ago{#else}{n} days ago{/if}")
    String lastused_days(int n);

    @Message("on {date}")
    String lastused_on(String date);

    @Message("from {ip}")
    String lastused_from(String ip);

    @Message("{#if n == 1}1 sign-in{#else}{n} sign-ins{/if}")
    String lastused_count(long n);

    @Message("Key")
    String filter_label();

    @Message("Show")
    String filter_submit();

    @Message("Generate a new SMTP key")
    String generate_button();

    @Message("Generate a new SMTP key")
    String generate_title();

    @Message("Give the key a name that says where it will be used.")
    String generate_lead();

    @Message("Name")
    String generate_name_label();

    @Message("For example \"Shop\" or \"CRM\", up to 64 characters.")
    String generate_name_hint();

    @Message("Generate")
    String generate_submit();

    @Message("Your new SMTP key")
    String created_title();

    @Message("The key \"{name}\" was generated.")
    String created_lead(String name);

    @Message("SMTP key")
    String created_label();

    @Message("This key is shown only this once. Copy it now and keep it somewhere safe. Never share it and never send it by e-mail.")
    String created_warning();

    @Message("Anyone with this password can send mail from your account. Keep it somewhere safe and never send it by e-mail.")
    String reveal_warning();

    @Message("OK")
    String dialog_ok();

    @Message("Deactivate this SMTP key?")
    String confirm_deactivate_title();

    @Message("The key stops working at once: integrations that use it can no longer send mail. You can activate it again at any time.")
    String confirm_deactivate_text();

    @Message("Activate this SMTP key?")
    String confirm_activate_title();

    @Message("Integrations that use this key can send mail with it again at once.")
    String confirm_activate_text();

    @Message("Delete this SMTP key?")
    String confirm_delete_title();

    @Message("Deleting a key cannot be undone. Integrations still using it will stop sending mail.")
    String confirm_delete_text();

    @Message("This key was last used {when} from {ip}.")
    String confirm_last_used(String when, String ip);

    @Message("This key has never been used.")
    String confirm_never_used();

    @Message("The key \"{name}\" was deactivated.")
    String flash_deactivated(String name);

    @Message("The key \"{name}\" was activated.")
    String flash_activated(String name);

    @Message("The key \"{name}\" was deleted.")
    String flash_deleted(String name);

    @Message("Please enter a name for the key.")
    String problem_name_required();

    @Message("The name may be at most {max} characters long.")
    String problem_name_too_long(int max);

    @Message("The name may not contain control characters such as line breaks or tabs.")
    String problem_name_control();

    @Message("A key with this name already exists. Please choose another name.")
    String problem_name_taken();

    @Message("Your account has reached the limit of {max} SMTP keys. Delete a key you no longer need first.")
    String problem_limit(int max);

    @Message("This form was already sent and its key generated; its value was shown only once. If you did not copy it, delete that key and generate a new one.")
    String problem_already_generated();

    @Message("The key was changed meanwhile. Please look at its current state and try again.")
    String problem_changed();

    @Message("The key is already active.")
    String problem_already_active();

    @Message("The key is already inactive.")
    String problem_already_inactive();

    @Message("Please give a reason of at least {min} characters.")
    String problem_reason_too_short(int min);

    @Message("The reason may be at most {max} characters long.")
    String problem_reason_too_long(int max);

    @Message("IP addresses")
    String action_networks();

    @Message("Allowed IP addresses")
    String networks_title();

    @Message("The key works only from these IPv4 or IPv6 addresses and ranges (CIDR, such as 203.0.113.0/24). Leave the list empty to allow every address. Sign-ins from other addresses are refused and listed in the activity log.")
    String networks_lead();

    @Message("Addresses and ranges")
    String networks_label();

    @Message("One per line, or separated by commas. At most {max}.")
    String networks_hint(int max);

    @Message("Save")
    String networks_submit();

    @Message("Only from: {list}")
    String networks_only_from(String list);

    @Message("\"{entry}\" is not an IPv4 or IPv6 address or a CIDR range (such as 203.0.113.0/24). Host names are not allowed.")
    String networks_invalid(String entry);

    @Message("\"{entry}\" has bits set beyond its prefix length. Did you mean {network}?")
    String networks_host_bits(String entry, String network);

    @Message("At most {max} addresses or ranges per key.")
    String networks_too_many(int max);

    @Message("The key \"{name}\" now works only from the allowed IP addresses.")
    String flash_networks_saved(String name);

    @Message("The key \"{name}\" works from every IP address again.")
    String flash_networks_cleared(String name);
    @Message("The key has expired. An expired key cannot be activated again; delete it and generate a new one.")
    String problem_expired();

    @Message("The key was already replaced by a new key.")
    String problem_replaced();

    @Message("Only an active key can be rotated. Generate a new key instead.")
    String problem_not_active();

    @Message("Please choose when the key expires, or \"never\"; a date must look like 2027-03-31.")
    String problem_expiry_invalid();

    @Message("The expiry date must be in the future.")
    String problem_expiry_past();

    @Message("Please choose how long the old key keeps working.")
    String problem_grace_invalid();

    @Message("Expired")
    String status_expired();

    @Message("Expires")
    String expiry_label();

    @Message("Never")
    String expiry_never();

    @Message("In {n} days")
    String expiry_days(int n);

    @Message("On a date")
    String expiry_date();

    @Message("Expiry date")
    String expiry_date_label();

    @Message("Expires {date}")
    String expiry_on(String date);

    @Message("Expired {date}")
    String expired_on(String date);

    @Message("Rotate")
    String action_rotate();

    @Message("Rotate this SMTP key?")
    String rotate_title();

    @Message("A new key with the same name is generated and shown once. The old key keeps working until the moment you choose, then it is deactivated automatically.")
    String rotate_text();

    @Message("The new key becomes the master password: \"Show master password\" shows the new one from now on, the old one never again.")
    String rotate_master_text();

    @Message("The old key keeps working")
    String rotate_grace_label();

    @Message("Not at all: stop it now")
    String grace_now();

    @Message("For 1 hour")
    String grace_1h();

    @Message("For 24 hours")
    String grace_24h();

    @Message("For 7 days")
    String grace_7d();

    @Message("Until the new key is first used")
    String grace_first_use();

    @Message("Rotate")
    String rotate_submit();

    @Message("The key \"{name}\" was rotated. Put the new key into the integration; the old one keeps working as chosen.")
    String rotated_lead(String name);

    @Message("Replaced; works until {when}")
    String rotation_old_until(String when);

    @Message("Replaced; stops in {left}")
    String rotation_old_left(String left);

    @Message("Replaced; stops when the new key is first used")
    String rotation_old_first_use();

    @Message("Replaced")
    String rotation_old_done();

    @Message("Replaces the key ending in {suffix}")
    String rotation_new(String suffix);

    @Message("{#if n == 1}1 minute{#else}{n} minutes{/if}")
    String left_minutes(long n);

    @Message("{#if n == 1}1 hour{#else}{n} hours{/if}")
    String left_hours(long n);

    @Message("{#if n == 1}1 day{#else}{n} days{/if}")
    String left_days(long n);

    @Message("Unused")
    String stale_badge();

    @Message("Not used for {days} days or more. Delete it if no integration needs it.")
    String stale_hint(long days);

    @Message("All keys")
    String show_all();

    @Message("Only unused keys")
    String show_stale();

    @Message("Used from")
    String ips_title();

    @Message("No sign-ins recorded yet.")
    String ips_none();

    @Message("{ip}, last {when}")
    String ips_seen(String ip, String when);

    @Message("The key \"{name}\" was rotated.")
    String flash_rotated(String name);

    @Message("Confirm your password")
    String sudo_title();

    @Message("You signed in more than 10 minutes ago. Please enter your password to show the master password.")
    String sudo_lead();

    @Message("Password")
    String sudo_password();

    @Message("Confirm and show")
    String sudo_submit();

    @Message("The password is not correct.")
    String sudo_wrong();

    @Message("Too many wrong passwords. Please wait a few minutes and try again.")
    String sudo_paused();
}
