package dev.smtpkeys.keys;

import dev.smtpkeys.web.AppMessages;

/** The bundle text for each {@link KeyProblem}; shared by the user and the support pages. */
public final class KeyTexts {

    private KeyTexts() {
    }

    public static String problem(AppMessages msg, KeyProblem problem, int maxKeys) {
        return switch (problem) {
            case NAME_REQUIRED -> msg.keys_problem_name_required();
            case NAME_TOO_LONG -> msg.keys_problem_name_too_long(KeyNames.MAX_LENGTH);
            case NAME_CONTROL_CHARACTERS -> msg.keys_problem_name_control();
            case NAME_TAKEN -> msg.keys_problem_name_taken();
            case LIMIT_REACHED -> msg.keys_problem_limit(maxKeys);
            case ALREADY_GENERATED -> msg.keys_problem_already_generated();
            case CHANGED_MEANWHILE -> msg.keys_problem_changed();
            case ALREADY_ACTIVE -> msg.keys_problem_already_active();
            case ALREADY_INACTIVE -> msg.keys_problem_already_inactive();
            case MASTER_NOT_DELETABLE -> msg.keys_master_not_deletable();
            case REASON_TOO_SHORT -> msg.admin_reason_too_short(KeyReasons.MIN_LENGTH);
            case REASON_TOO_LONG -> msg.admin_reason_too_long(KeyReasons.MAX_LENGTH);
        };
    }

    /**
     * A key's name as pages show it: the name its owner gave it, or, for the master key, which has
     * none, its label in the reader's language. Templates use {@link KeyViews#displayName}.
     */
    public static String displayName(AppMessages msg, NamedKey key) {
        return key.isMasterKey() ? msg.keys_master_label() : key.givenName();
    }

    /** The confirmation after {@code action} was applied to {@code key}. */
    public static String done(AppMessages msg, KeyAction action, SmtpKey key) {
        String name = displayName(msg, key);
        return switch (action) {
            case DEACTIVATE -> msg.keys_flash_deactivated(name);
            case ACTIVATE -> msg.keys_flash_activated(name);
            case DELETE -> msg.keys_flash_deleted(name);
        };
    }
}
