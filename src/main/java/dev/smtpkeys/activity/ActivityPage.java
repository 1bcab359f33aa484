package dev.smtpkeys.activity;

import java.util.List;

import dev.smtpkeys.audit.AuditEvent;
import dev.smtpkeys.keys.NamedKey;
import dev.smtpkeys.web.Paging;

/**
 * One page of an account's activity log as a reader sees it: newest first, labels already in the
 * reader's language and from the reader's point of view ("you", "Support").
 */
public record ActivityPage(List<Row> rows, List<KeyOption> keys, Long keyFilter, Paging.Pager pager) {

    /** A line of the log, naming the event's key (if any) as pages do; {@code ip} is null where it is not shown. */
    public record Row(AuditEvent event, String who, String what, String ip) implements NamedKey {

        @Override
        public boolean isMasterKey() {
            return event.keyMaster;
        }

        @Override
        public String givenName() {
            return event.keyName;
        }
    }

    /** An entry of the key filter; deleted keys stay selectable, since their lines stay in the log. */
    public record KeyOption(long id, String name, String suffix, boolean master, boolean deleted) implements NamedKey {

        @Override
        public boolean isMasterKey() {
            return master;
        }

        @Override
        public String givenName() {
            return name;
        }
    }

    /** The query string of page {@code page} with the same filter, e.g. {@code ?page=2&key=7}. */
    static String query(int page, Long keyFilter) {
        return "?page=" + page + (keyFilter == null ? "" : "&key=" + keyFilter);
    }

    public boolean isSelected(KeyOption option) {
        return keyFilter != null && keyFilter == option.id();
    }
}
