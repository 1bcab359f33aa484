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
        };
    }
}
