package dev.smtpkeys.outbound;

import java.util.List;

import dev.smtpkeys.keys.SmtpKey;

/** What the "Sent mail" page shows: one page of the account's messages, maybe of one key only. */
public record MessagesPage(List<SmtpKey> keys, SmtpKey selected, List<OutboundMessage> messages, int page,
        boolean hasOlder, boolean upstreamConfigured) {

    public boolean hasNewer() {
        return page > 1;
    }

    /** The query string that keeps the key filter when paging. */
    public String keyParam() {
        return selected == null ? "" : "key=" + selected.id + "&";
    }

    public boolean isSelected(SmtpKey key) {
        return selected != null && selected.id.equals(key.id);
    }

    @Override
    public String toString() {
        return "MessagesPage[page=" + page + ", messages=" + messages.size() + "]";
    }
}
