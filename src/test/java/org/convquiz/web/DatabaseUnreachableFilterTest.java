package org.convquiz.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class DatabaseUnreachableFilterTest {

    private static Throwable refused() {
        var sql = new SQLException("Connection to 127.0.0.1:5999 refused.", "08001", new ConnectException("Connection refused"));
        return new RuntimeException("Failed to migrate", new IllegalStateException("wrapped", sql));
    }

    @Test
    void recognisesAConnectionFailureDeepInTheCauseChain() {
        assertTrue(DatabaseUnreachableFilter.unreachableReason(refused()).isPresent());
        assertTrue(DatabaseUnreachableFilter.unreachableReason(new SQLException("password authentication failed", "28P01")).isPresent());
        assertTrue(DatabaseUnreachableFilter.unreachableReason(new IllegalStateException("wrapper", new IllegalStateException(
                "Datasource '<default>' was deactivated automatically because its URL is not set."))).isPresent());
        assertEquals(Optional.empty(), DatabaseUnreachableFilter.unreachableReason(new IllegalStateException("bug")));
    }

    @Test
    void rewritesTheStartupFailureIntoOneLineAndDropsEarlierCopies() {
        var filter = new DatabaseUnreachableFilter();

        var early = new LogRecord(Level.WARNING, "Datasource <default>: Connection refused");
        early.setThrown(refused());
        assertFalse(filter.isLoggable(early));

        var last = new LogRecord(Level.SEVERE, "Failed to start application (with profile {0})");
        last.setThrown(refused());
        assertTrue(filter.isLoggable(last));
        assertNull(last.getThrown());
        assertFalse(last.getMessage().contains("\n"));
        assertTrue(last.getMessage().startsWith("ConvQuiz could not reach PostgreSQL at "), last.getMessage());
        assertTrue(last.getMessage().contains("QUARKUS_DATASOURCE_JDBC_URL"));
    }

    @Test
    void leavesUnrelatedErrorsAlone() {
        var filter = new DatabaseUnreachableFilter();
        var other = new LogRecord(Level.SEVERE, "Failed to start application");
        other.setThrown(new IllegalStateException("something else"));
        assertTrue(filter.isLoggable(other));
        assertEquals(IllegalStateException.class, other.getThrown().getClass());
    }
}
