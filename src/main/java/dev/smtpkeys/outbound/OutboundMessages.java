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

    @Message("Queued mail of this key")
    String queue_title();

    @Message("{queued} waiting for delivery, {held} held.")
    String queue_counts(long queued, long held);

    @Message("Held messages are not delivered until you release them. Deactivating the key stops new mail; this stops what is already waiting.")
    String queue_intro();

    @Message("Hold")
    String queue_hold();

    @Message("Release")
    String queue_release();

    @Message("Drop")
    String queue_drop();

    @Message("Hold this key's queued mail?")
    String queue_hold_title();

    @Message("Release this key's held mail?")
    String queue_release_title();

    @Message("Drop this key's queued mail?")
    String queue_drop_title();

    @Message("The messages waiting for delivery stay in the queue but are not sent until you release them. Messages that arrive later are not held.")
    String queue_hold_text();

    @Message("The held messages are delivered again, starting now.")
    String queue_release_text();

    @Message("The waiting and held messages are never delivered and their content is deleted. This cannot be undone.")
    String queue_drop_text();

    @Message("{#if n == 1}1 message held.{#else}{n} messages held.{/if}")
    String queue_held(int n);

    @Message("{#if n == 1}1 message released.{#else}{n} messages released.{/if}")
    String queue_released(int n);

    @Message("{#if n == 1}1 message dropped.{#else}{n} messages dropped.{/if}")
    String queue_dropped(int n);

    @Message("Refused by the mail server: {reply}")
    String error_upstream_rejected(String reply);

    @Message("The mail server could not be reached.")
    String error_upstream_unreachable();

    @Message("Given up after {#if n == 1}1 attempt{#else}{n} attempts{/if}.")
    String error_expired(int n);

    @Message("Last answer: {reply}")
    String error_last_reply(String reply);

    @Message("Not delivered: the address or headers need SMTPUTF8 (internationalized mail), which the mail server does not offer (5.6.7).")
    String error_smtputf8_unsupported();

    @Message("The delivery attempt failed.")
    String error_unknown();
}
