package dev.smtpkeys.limits;

import java.sql.SQLException;

/** The shared counters could not be read or written (the database is away). */
public class LimitStoreException extends RuntimeException {

    LimitStoreException(SQLException cause) {
        super("limit counters unavailable", cause);
    }
}
