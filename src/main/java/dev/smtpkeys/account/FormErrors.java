package dev.smtpkeys.account;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.smtpkeys.web.Messages;

/** The texts beside the fields of a refused account form, keyed by field name. */
public record FormErrors(Map<String, String> texts) {

    public static FormErrors none() {
        return new FormErrors(Map.of());
    }

    /** The texts for {@code e}'s problems, in the language of this request. */
    public static FormErrors of(Messages messages, AccountException e) {
        AccountMessages msg = messages.get(AccountMessages.class);
        Map<String, String> texts = new LinkedHashMap<>();
        e.problems().forEach((field, problem) -> texts.put(field, text(msg, problem)));
        return new FormErrors(texts);
    }

    public static FormErrors form(String text) {
        return new FormErrors(Map.of("form", text));
    }

    /** These errors with {@code field}'s text replaced (when it has one). */
    public FormErrors replace(String field, String text) {
        if (!texts.containsKey(field)) {
            return this;
        }
        Map<String, String> replaced = new LinkedHashMap<>(texts);
        replaced.put(field, text);
        return new FormErrors(replaced);
    }

    /** The text for {@code field}, or null when the field is fine. */
    public String get(String field) {
        return texts.get(field);
    }

    private static String text(AccountMessages msg, AccountProblem problem) {
        return switch (problem) {
            case COMPANY_REQUIRED -> msg.problem_company_required();
            case COMPANY_TOO_LONG -> msg.problem_company_too_long(AccountRules.COMPANY_MAX_LENGTH);
            case COMPANY_INVALID -> msg.problem_company_invalid();
            case EMAIL_INVALID -> msg.problem_email_invalid();
            case EMAIL_TAKEN -> msg.problem_email_taken();
            case PASSWORD_TOO_SHORT -> msg.problem_password_too_short(AccountRules.PASSWORD_MIN_LENGTH);
            case PASSWORD_TOO_LONG -> msg.problem_password_too_long(AccountRules.PASSWORD_MAX_BYTES);
            case PASSWORD_IS_EMAIL -> msg.problem_password_is_email();
            case PASSWORD_MISMATCH -> msg.problem_password_mismatch();
            case CURRENT_PASSWORD_WRONG -> msg.problem_current_wrong();
            case PASSWORD_UNCHANGED -> msg.problem_password_unchanged();
            case INVITATION_INVALID -> msg.welcome_invalid_text();
        };
    }
}
