package dev.smtpkeys.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.qute.Engine;
import io.quarkus.qute.ReflectionValueResolver;
import io.quarkus.qute.Template;

/** {@link KeyRowHtml}'s cache stays within its size however many distinct rows pass through it. */
class KeyRowHtmlBoundTest {

    private final Template template = Engine.builder().addDefaults().addValueResolver(new ReflectionValueResolver())
            .build().parse("{! a stand-in for keys/keyRow.html !}\n    <tr id=\"key-{key.id}\"><th>{key.label}</th></tr>\n");

    @Test
    void holdsNoMoreThanItsWeightAllowsHoweverManyRowsPass() {
        long maxChars = 20_000;
        KeyRowHtml html = new KeyRowHtml(template, maxChars);
        KeyRow.Labels labels = labels();
        for (int i = 0; i < 5_000; i++) {
            html.rows(List.of(row(i, "Key " + i)), labels, false, false, null, false, null);
        }
        // each entry weighs 2 × its 40 characters or more: at most 250 fit in 20,000
        assertTrue(html.size() <= maxChars / 80, "entries: " + html.size());
        assertTrue(html.size() > 0);
    }

    @Test
    void rendersTheRowOnceAndServesItAgain() {
        KeyRowHtml html = new KeyRowHtml(template, 20_000);
        KeyRow row = row(7, "Seven");
        KeyRowHtml.Html first = html.rows(List.of(row), labels(), false, false, null, false, null).get(0);
        assertEquals("    <tr id=\"key-7\"><th>Seven</th></tr>", first.head().getValue());
        assertNull(first.tail());
        assertTrue(first == html.rows(List.of(row), labels(), false, false, null, false, null).get(0));
    }

    private static KeyRow row(long id, String label) {
        return new KeyRow(id, "/k/" + id, false, label, "xy", 0, "", "••xy", "badge-active", "Active", null, "", false,
                null, null, null, "", "", null, null, "never", null, List.of(), "", true, "deactivate", "Deactivate", true);
    }

    private static KeyRow.Labels labels() {
        return new KeyRow.Labels("v", "s", "c", "l", "r", "m", "n", "r", "d", "x", "x", "s", null, "i");
    }
}
