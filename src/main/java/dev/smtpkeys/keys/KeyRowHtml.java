package dev.smtpkeys.keys;

import java.util.ArrayList;
import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.quarkus.qute.Location;
import io.quarkus.qute.RawString;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The key table's rows as HTML, each rendered once by Qute ({@code keys/keyRow.html}) and then kept:
 * evaluating some 45 expressions per row, 50 rows a page, was most of the SMTP tab's time (issue 8).
 * <p>
 * The cache is keyed by content, not by key id: a {@link Row} holds everything the row's HTML depends on
 * (the {@link KeyRow} with its labels and relative times already made in the reader's language, the
 * table's {@link KeyRow.Labels} and flags), so a key that changes, a label in another language or a
 * relative time that moves on is a different entry, and an entry is never stale and never needs
 * invalidating, on this instance or any other. Old entries just fall out: the cache is bounded by the
 * characters it holds ({@link #MAX_CHARS}).
 * <p>
 * The master row's reveal form carries the session's CSRF token, which must not be shared between
 * sessions: the row is kept in two parts, {@code head} and {@code tail}, and the tag prints the token
 * between them on every request.
 */
@ApplicationScoped
@Named("keyRowHtml")
public class KeyRowHtml {

    /** About 8 MB of HTML (chars are 2 bytes), some 2,500 rows of 1.5 KB. */
    static final long MAX_CHARS = 4_000_000;
    private static final String CSRF_SLOT = "<csrf-slot/>";

    /** Everything one row's HTML depends on; records compare by content. */
    record Row(KeyRow key, KeyRow.Labels labels, boolean canReveal, boolean canRestrict, String messagesBase,
            boolean page, String actionBase) {
    }

    /**
     * One rendered row. Both parts come from Qute rendering {@code keys/keyRow.html}, which escaped every
     * value in them (key names, notes, IPs), so they are printed as they are; {@code tail} is null for a
     * row without a reveal form.
     */
    @TemplateData
    public record Html(RawString head, RawString tail) {
    }

    private final Template keyRow;
    private final Cache<Row, Html> cache;

    @Inject
    KeyRowHtml(@Location("keys/keyRow.html") Template keyRow) {
        this(keyRow, MAX_CHARS);
    }

    KeyRowHtml(Template keyRow, long maxChars) {
        this.keyRow = keyRow;
        this.cache = Caffeine.newBuilder().maximumWeight(maxChars)
                .weigher((Row row, Html html) -> weight(html)).build();
    }

    /** The rows of the table tag, in order; {@code page} is the tag's {@code page} (anything but false: it is set). */
    public List<Html> rows(List<KeyRow> keys, KeyRow.Labels labels, boolean canReveal, boolean canRestrict,
            String messagesBase, Object page, String actionBase) {
        boolean hasPage = page != null && !Boolean.FALSE.equals(page);
        String messages = messagesBase == null || messagesBase.isEmpty() ? null : messagesBase;
        List<Html> html = new ArrayList<>(keys.size());
        for (KeyRow key : keys) {
            html.add(cache.get(new Row(key, labels, canReveal, canRestrict, messages, hasPage, actionBase), this::render));
        }
        return html;
    }

    private Html render(Row row) {
        String html = keyRow.data("key", row.key()).data("labels", row.labels()).data("canReveal", row.canReveal())
                .data("canRestrict", row.canRestrict()).data("messagesBase", row.messagesBase())
                .data("page", row.page()).data("actionBase", row.actionBase()).render();
        html = html.substring(html.indexOf("    <tr "), html.length() - 1);
        int slot = html.indexOf(CSRF_SLOT);
        if (slot < 0) {
            return new Html(new RawString(html), null);
        }
        // as Qute drops the whitespace of a line that holds only a section, {#csrf/} in the tag
        String head = html.substring(0, html.lastIndexOf('\n', slot) + 1);
        String tail = html.substring(slot + CSRF_SLOT.length() + 1);
        return new Html(new RawString(head), new RawString(tail));
    }

    private static int weight(Html html) {
        // the rendered HTML, plus roughly the key it is held under (the row's texts once more)
        return 2 * (html.head().getValue().length() + (html.tail() == null ? 0 : html.tail().getValue().length()));
    }

    long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }
}
