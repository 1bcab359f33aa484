package dev.smtpkeys.keys;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

import io.quarkus.qute.TemplateGlobal;

/**
 * The generate form's expiry choice: never, in 30, 90 or 365 days, or on a date (the key works through
 * that day, UTC, and expires at its end). Plain Java, so its rules are tested without the app.
 */
public final class KeyExpiry {

    /** The form's value for "never" (also what an empty choice means). */
    public static final String NEVER = "never";
    /** The form's value for "on a date", which the date field then gives. */
    public static final String DATE = "date";

    /** The offered spans in days, in the order the form shows them. */
    @TemplateGlobal(name = "expiryDays")
    static final List<Integer> DAYS = List.of(30, 90, 365);

    private KeyExpiry() {
    }

    /**
     * When a key generated at {@code now} with this choice expires; null for never. A choice the form
     * never offers, or a malformed date, is {@link KeyProblem#EXPIRY_INVALID}; a date before today,
     * {@link KeyProblem#EXPIRY_PAST}.
     */
    public static Instant parse(String choice, String date, Instant now) {
        if (choice == null || choice.isBlank() || choice.equals(NEVER)) {
            return null;
        }
        if (choice.equals(DATE)) {
            return endOf(date, now);
        }
        try {
            int days = Integer.parseInt(choice);
            if (DAYS.contains(days)) {
                return now.plus(Duration.ofDays(days));
            }
        } catch (NumberFormatException e) {
            // falls through to the one answer for anything the form does not offer
        }
        throw new KeyException(KeyProblem.EXPIRY_INVALID);
    }

    private static Instant endOf(String date, Instant now) {
        LocalDate day;
        try {
            day = LocalDate.parse(date == null ? "" : date.strip());
        } catch (DateTimeParseException e) {
            throw new KeyException(KeyProblem.EXPIRY_INVALID);
        }
        Instant end = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        if (!end.isAfter(now)) {
            throw new KeyException(KeyProblem.EXPIRY_PAST);
        }
        return end;
    }
}
