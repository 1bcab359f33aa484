package dev.smtpkeys.keys;

import dev.smtpkeys.audit.WrittenReason;
import dev.smtpkeys.web.Messages;
import jakarta.enterprise.context.RequestScoped;

/**
 * The keys feature's texts made in Java, in this request's language: what went wrong with a key change
 * and what a change did. Shared by the user's and support's pages, which need not know the bundle.
 */
@RequestScoped
public class KeyTexts {

    private final Messages messages;
    private final KeysConfig config;

    KeyTexts(Messages messages, KeysConfig config) {
        this.messages = messages;
        this.config = config;
    }

    /** The text for {@code problem}, as a flash message or beside a form field. */
    public String problem(KeyProblem problem) {
        KeysMessages msg = bundle();
        return switch (problem) {
            case NAME_REQUIRED -> msg.problem_name_required();
            case NAME_TOO_LONG -> msg.problem_name_too_long(KeyNames.MAX_LENGTH);
            case NAME_CONTROL_CHARACTERS -> msg.problem_name_control();
            case NAME_TAKEN -> msg.problem_name_taken();
            case LIMIT_REACHED -> msg.problem_limit(config.maxPerAccount());
            case ALREADY_GENERATED -> msg.problem_already_generated();
            case CHANGED_MEANWHILE -> msg.problem_changed();
            case ALREADY_ACTIVE -> msg.problem_already_active();
            case ALREADY_INACTIVE -> msg.problem_already_inactive();
            case MASTER_NOT_DELETABLE -> msg.master_not_deletable();
            case EXPIRED -> msg.problem_expired();
            case REPLACED -> msg.problem_replaced();
            case NOT_ACTIVE -> msg.problem_not_active();
            case EXPIRY_INVALID -> msg.problem_expiry_invalid();
            case EXPIRY_PAST -> msg.problem_expiry_past();
            case GRACE_INVALID -> msg.problem_grace_invalid();
            case REASON_TOO_SHORT -> msg.problem_reason_too_short(WrittenReason.MIN_LENGTH);
            case REASON_TOO_LONG -> msg.problem_reason_too_long(WrittenReason.MAX_LENGTH);
            case PASSWORD_NOT_CHOSEN -> msg.problem_password_not_chosen();
        };
    }

    /** The confirmation after {@code action} was applied to {@code key}. */
    public String done(KeyAction action, SmtpKey key) {
        KeysMessages msg = bundle();
        String name = displayName(msg, key);
        return switch (action) {
            case DEACTIVATE -> msg.flash_deactivated(name);
            case ACTIVATE -> msg.flash_activated(name);
            case DELETE -> msg.flash_deleted(name);
        };
    }

    public String sudoWrong() {
        return bundle().sudo_wrong();
    }

    public String sudoPaused() {
        return bundle().sudo_paused();
    }

    /**
     * A key's name as pages show it: the name its owner gave it, or, for the master key, which has
     * none, its label in the reader's language. Templates use {@link KeyViews#displayName}.
     */
    static String displayName(KeysMessages msg, NamedKey key) {
        return key.isMasterKey() ? msg.master_label() : key.givenName();
    }

    private KeysMessages bundle() {
        return messages.get(KeysMessages.class);
    }
}
