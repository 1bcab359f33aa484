package dev.smtpkeys.outbound;

import java.util.ArrayList;
import java.util.List;

import io.quarkus.qute.TemplateExtension;

/** View-only values derived from a queued message. */
@TemplateExtension
public class MessageViews {

    /** The reason of the last failed try, to be rendered through the message bundle; null for none. */
    static DeliveryError deliveryError(OutboundMessage message) {
        return DeliveryError.parse(message.lastError);
    }

    /** One recipient of a message with several, and where it stands; null state: the message's own. */
    public record RecipientView(String address, RecipientResults.State state, DeliveryError error) {
    }

    /**
     * Each recipient of a message with several: its own state once a try refused one of them, else
     * none (they share the message's status).
     */
    static List<RecipientView> recipientStates(OutboundMessage message) {
        List<RecipientView> views = new ArrayList<>(message.recipients.length);
        for (int i = 0; i < message.recipients.length; i++) {
            RecipientResults.Result result = message.recipientResults == null || i >= message.recipientResults.length
                    ? null : RecipientResults.Result.parse(message.recipientResults[i]);
            views.add(result != null ? new RecipientView(message.recipients[i], result.state(), result.error())
                    : new RecipientView(message.recipients[i], null, null));
        }
        return views;
    }

    /** How many recipients of a SENT message did not get it (refused for good); 0 when all did. */
    static long refusedCount(OutboundMessage message) {
        return recipientStates(message).stream().filter(r -> r.state() == RecipientResults.State.FAILED).count();
    }
}
