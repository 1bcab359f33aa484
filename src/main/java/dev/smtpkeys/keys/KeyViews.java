package dev.smtpkeys.keys;

import io.quarkus.qute.TemplateExtension;

/** View-only values derived from a key. */
@TemplateExtension
public class KeyViews {

    /** The key as the table shows it: dots and the last two characters. */
    static String maskedValue(SmtpKey key) {
        return "••••••••" + key.suffix;
    }

    /** The route segment of the confirmed action, e.g. {@code deactivate}. */
    static String path(KeyAction action) {
        return action.path();
    }
}
