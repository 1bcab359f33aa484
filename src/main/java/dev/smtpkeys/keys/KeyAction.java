package dev.smtpkeys.keys;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.quarkus.qute.TemplateGlobal;

/**
 * The three confirmed state changes of a key, as they appear in routes ({@code /{id}/deactivate}).
 * When one may be taken says {@link SmtpKey#problemWith}; taking it is {@link KeyService#change}.
 */
public enum KeyAction {
    DEACTIVATE, ACTIVATE, DELETE;

    /** All actions, for the confirmation dialogs that the key table's buttons open. */
    @TemplateGlobal(name = "keyActions")
    static final List<KeyAction> ALL = List.of(values());

    public String path() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<KeyAction> fromPath(String segment) {
        for (KeyAction action : values()) {
            if (action.path().equals(segment)) {
                return Optional.of(action);
            }
        }
        return Optional.empty();
    }
}
