package dev.smtpkeys.sending;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The sending limits' texts: the panel on the SMTP tab and on support's account page, and support's
 * form. German in {@code messages/sending_de.properties}; templates write {@code {sending:limits_title}}.
 */
@MessageBundle(value = "sending", locale = "en")
public interface SendingMessages {

    @Message("Sending limits")
    String limits_title();

    @Message("How many messages this account may send through the SMTP relay. Minutes and days are counted in UTC.")
    String limits_lead();

    @Message("Per minute")
    String limits_per_minute();

    @Message("Per day")
    String limits_per_day();

    @Message("Sent today")
    String limits_today();

    @Message("{sent} of {limit}")
    String limits_usage(int sent, int limit);

    @Message("{count} left today")
    String limits_remaining(int count);

    @Message("Today's quota is used up; sending resumes at 00:00 UTC.")
    String limits_used_up();

    @Message("Set for this account by support.")
    String limits_overridden();

    @Message("The standard limits.")
    String limits_defaults();

    @Message("Over the limit the relay answers 451 4.7.1 (per minute: your mail server tries again shortly) or 550 5.7.1 (per day). Need more? Contact support.")
    String limits_replies();

    @Message("Change limits")
    String limits_change();

    @Message("Change the sending limits")
    String form_title();

    @Message("New limits apply to the next message; what was already sent this minute and today still counts.")
    String form_lead();

    @Message("Messages per minute")
    String form_per_minute();

    @Message("Messages per day")
    String form_per_day();

    @Message("Standard: {limit}")
    String form_default(int limit);

    @Message("Reason")
    String form_reason();

    @Message("The account's users read it in their activity log (10 to 500 characters).")
    String form_reason_hint();

    @Message("Save limits")
    String form_save();

    @Message("Reset to the standard limits")
    String form_reset();

    @Message("Enter a whole number from {min} to {max}.")
    String problem_number(int min, int max);

    @Message("Please give a reason of at least {min} characters.")
    String problem_reason_too_short(int min);

    @Message("The reason may have at most {max} characters.")
    String problem_reason_too_long(int max);

    @Message("Sending limits saved.")
    String flash_saved();

    @Message("Sending limits reset to the standard limits.")
    String flash_reset();
}
