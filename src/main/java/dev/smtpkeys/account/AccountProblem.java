package dev.smtpkeys.account;

/** Why an account form was refused; each has a text in {@link AccountMessages} ({@code problem_*}). */
public enum AccountProblem {
    COMPANY_REQUIRED,
    COMPANY_TOO_LONG,
    COMPANY_INVALID,
    EMAIL_INVALID,
    EMAIL_TAKEN,
    PASSWORD_TOO_SHORT,
    PASSWORD_TOO_LONG,
    PASSWORD_IS_EMAIL,
    PASSWORD_MISMATCH,
    CURRENT_PASSWORD_WRONG,
    PASSWORD_UNCHANGED,
    /** The set-password link is unknown, used, expired or replaced by a newer invitation. */
    INVITATION_INVALID
}
