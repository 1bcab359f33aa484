package dev.smtpkeys.outbound;

import io.quarkus.qute.TemplateExtension;

/** View-only values derived from a queued message. */
@TemplateExtension
public class MessageViews {

    /** The reason of the last failed try, to be rendered through the message bundle; null for none. */
    static DeliveryError deliveryError(OutboundMessage message) {
        return DeliveryError.parse(message.lastError);
    }
}
