package dev.smtpkeys.sending;

/**
 * Support's form for an account's sending limits: the values as typed (so a refused form shows them
 * again) and, after a refusal, what is wrong with each field in the reader's language.
 */
public record LimitsForm(String perMinute, String perDay, String reason, String perMinuteError,
        String perDayError, String reasonError) {

    /** The form as typed, not yet checked; nulls (fields left out of the post) become empty. */
    public static LimitsForm typed(String perMinute, String perDay, String reason) {
        return new LimitsForm(orEmpty(perMinute), orEmpty(perDay), orEmpty(reason), null, null, null);
    }

    /** The form filled with the limits in force, for a first look. */
    public static LimitsForm of(SendingUsage usage) {
        return typed(String.valueOf(usage.perMinute()), String.valueOf(usage.perDay()), "");
    }

    public boolean hasErrors() {
        return perMinuteError != null || perDayError != null || reasonError != null;
    }

    LimitsForm withErrors(String minuteError, String dayError, String reasonProblem) {
        return new LimitsForm(perMinute, perDay, reason, minuteError, dayError, reasonProblem);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    @Override
    public String toString() {
        return "LimitsForm[" + perMinute + "/" + perDay + "]";
    }
}
