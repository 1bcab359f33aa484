package dev.smtpkeys.outbound;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The sent-mail page's texts: its list, message states and delivery errors. German in
 * {@code messages/outbound_de.properties}; templates write {@code {outbound:messages_title}}.
 */
@MessageBundle(value = "outbound", locale = "en")
public interface OutboundMessages {

    @Message("Sent mail")
    String messages_title();

    @Message("The messages your integrations handed to the SMTP relay, newest first.")
    String messages_lead();

    @Message("All keys")
    String messages_filter_all();

    @Message("No messages yet.")
    String messages_empty();

    @Message("Received")
    String messages_col_time();

    @Message("Key")
    String messages_col_key();

    @Message("From")
    String messages_col_from();

    @Message("To")
    String messages_col_to();

    @Message("Subject")
    String messages_col_subject();

    @Message("Status")
    String messages_col_status();

    @Message("(no subject)")
    String messages_no_subject();

    @Message("+{n} more")
    String messages_more_recipients(int n);

    @Message("{#if n == 1}1 attempt{#else}{n} attempts{/if}")
    String messages_attempts(int n);

    @Message("No upstream mail server is configured, so messages stay queued.")
    String messages_no_upstream();

    @Message("Queued")
    String status_queued();

    @Message("Sending")
    String status_sending();

    @Message("Sent")
    String status_sent();

    @Message("Failed")
    String status_failed();

    @Message("Held")
    String status_held();

    @Message("Dropped")
    String status_dropped();

    @Message("{#if n == 1}1 recipient refused{#else}{n} recipients refused{/if}")
    String messages_refused_recipients(long n);

    @Message("sent")
    String recipient_sent();

    @Message("waiting for another try")
    String recipient_waiting();

    @Message("refused")
    String recipient_failed();

    @Message("Refused by the mail server: {reply}")
    String error_upstream_rejected(String reply);

    @Message("The mail server could not be reached.")
    String error_upstream_unreachable();

    @Message("Given up after {#if n == 1}1 attempt{#else}{n} attempts{/if}.")
    String error_expired(int n);

    @Message("Last answer: {reply}")
    String error_last_reply(String reply);

    @Message("The delivery attempt failed.")
    String error_unknown();
}
