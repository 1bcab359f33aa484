package dev.smtpkeys.audit;

import java.text.Normalizer;

/**
 * The written reason support staff give for a change to a customer's account: it is what the account's
 * users read in their activity log, so "x" is not enough. One rule for every such change (keys, queued
 * mail, sending limits), so the same text is never accepted by one form and refused by another.
 */
public final class WrittenReason {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 500;

    /** Why a reason cannot be stored. */
    public enum Problem {
        TOO_SHORT, TOO_LONG
    }

    private WrittenReason() {
    }

    /** The reason as it would be stored: stripped, NFC, line ends as {@code \n}; never null. */
    public static String normalize(String typed) {
        return Normalizer.normalize(typed == null ? "" : typed.strip(), Normalizer.Form.NFC).replace("\r\n", "\n");
    }

    /** Null when the normalized {@code reason} has 10 to 500 characters (code points), else what is wrong. */
    public static Problem problem(String reason) {
        int length = reason.codePointCount(0, reason.length());
        if (length < MIN_LENGTH) {
            return Problem.TOO_SHORT;
        }
        return length > MAX_LENGTH ? Problem.TOO_LONG : null;
    }
}
