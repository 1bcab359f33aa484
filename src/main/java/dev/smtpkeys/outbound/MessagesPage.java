package dev.smtpkeys.outbound;

import java.util.List;

import dev.smtpkeys.keys.SmtpKey;
import dev.smtpkeys.web.Paging;

/**
 * What the "Sent mail" page shows: one page of the account's messages, maybe of one key only, and then
 * what that key has waiting (null without a key), with its hold, release and drop controls.
 */
public record MessagesPage(List<SmtpKey> keys, SmtpKey selected, List<OutboundMessage> messages, Paging.Pager pager,
        boolean upstreamConfigured, QueuedMail.Waiting waiting) {

    /** The query string of page {@code page} that keeps the key filter, e.g. {@code ?key=7&page=2}. */
    static String query(int page, SmtpKey selected) {
        return "?" + (selected == null ? "" : "key=" + selected.id + "&") + "page=" + page;
    }

    public boolean isSelected(SmtpKey key) {
        return selected != null && selected.id.equals(key.id);
    }

    @Override
    public String toString() {
        return "MessagesPage[page=" + pager.number() + ", messages=" + messages.size() + "]";
    }
}
