package dev.smtpkeys.keys;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.smtpkeys.account.Account;
import dev.smtpkeys.audit.Actor;
import io.quarkus.qute.TemplateGlobal;

/** The three confirmed state changes of a key, as they appear in routes ({@code /{id}/deactivate}). */
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

    /** Why this action cannot be taken on {@code key} as it is now, if it cannot. */
    public Optional<KeyProblem> problemWith(SmtpKey key) {
        return Optional.ofNullable(switch (this) {
            case DEACTIVATE -> key.isActive() ? null : KeyProblem.ALREADY_INACTIVE;
            case ACTIVATE -> key.isActive() ? KeyProblem.ALREADY_ACTIVE : null;
            case DELETE -> key.master ? KeyProblem.MASTER_NOT_DELETABLE : null;
        });
    }

    /** Runs the action through the service. */
    public SmtpKey apply(KeyService service, Actor actor, Account account,
            long keyId, Integer version, String reason) {
        return switch (this) {
            case DEACTIVATE -> service.deactivate(actor, account, keyId, version, reason);
            case ACTIVATE -> service.activate(actor, account, keyId, version, reason);
            case DELETE -> service.delete(actor, account, keyId, version, reason);
        };
    }
}
