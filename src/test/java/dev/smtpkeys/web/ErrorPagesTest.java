package dev.smtpkeys.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;

import jakarta.persistence.PersistenceException;

class ErrorPagesTest {

    @Test
    void aLostDatabaseConnectionAnywhereInTheCauseChainIsAnOutage() {
        assertTrue(ErrorPages.isDatabaseOutage(new PersistenceException(new SQLTransientConnectionException("pool"))));
        assertTrue(ErrorPages.isDatabaseOutage(new RuntimeException(new SQLException("refused", "08001"))));
        assertTrue(ErrorPages.isDatabaseOutage(new IllegalStateException(new ConnectException("refused"))));
        // however deep a feature wraps it
        assertTrue(ErrorPages.isDatabaseOutage(new IllegalStateException("lookup failed",
                new RuntimeException(new SQLException("terminated", "08006")))));
    }

    @Test
    void otherDatabaseErrorsAreNotAnOutage() {
        assertFalse(ErrorPages.isDatabaseOutage(new PersistenceException(new SQLException("duplicate", "23505"))));
        assertFalse(ErrorPages.isDatabaseOutage(new IllegalStateException("bug")));
    }
}
