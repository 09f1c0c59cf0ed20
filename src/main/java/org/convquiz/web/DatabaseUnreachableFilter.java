package org.convquiz.web;

import io.quarkus.logging.LoggingFilter;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.Optional;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logmanager.ExtLogRecord;

/**
 * When PostgreSQL cannot be reached while the app starts, Agroal, Flyway and Quarkus each log a
 * long stack trace. This filter keeps only Quarkus' final "failed to start" record and rewrites it
 * into one line that says what was tried and how to fix it. After start-up it lets everything through.
 */
@LoggingFilter(name = "database-unreachable")
public final class DatabaseUnreachableFilter implements Filter {
    private static volatile boolean started;

    static void onStart(@Observes StartupEvent event) {
        started = true;
    }

    @Override
    public boolean isLoggable(LogRecord record) {
        if (started || record.getThrown() == null) {
            return true;
        }
        Optional<String> reason = unreachableReason(record.getThrown());
        if (reason.isEmpty()) {
            return true;
        }
        if (!isStartupFailure(record)) {
            return false; // an earlier copy of the same failure: the final line says it all
        }
        String line = oneLine(reason.get());
        if (record instanceof ExtLogRecord ext) {
            ext.setMessage(line, ExtLogRecord.FormatStyle.NO_FORMAT);
        } else {
            record.setMessage(line);
        }
        record.setParameters(null);
        record.setThrown(null);
        return true;
    }

    static String oneLine(String reason) {
        var config = ConfigProvider.getConfig();
        String url = config.getOptionalValue("quarkus.datasource.jdbc.url", String.class).orElse("(no URL configured)");
        String user = config.getOptionalValue("quarkus.datasource.username", String.class).orElse("(no user configured)");
        return "ConvQuiz could not reach PostgreSQL at " + url + " as user " + user + ": " + reason.replaceAll("[.\\s]+$", "")
                + ". Start PostgreSQL, or point ConvQuiz at one with QUARKUS_DATASOURCE_JDBC_URL,"
                + " QUARKUS_DATASOURCE_USERNAME and QUARKUS_DATASOURCE_PASSWORD (README, Configuration).";
    }

    /** The reason the database could not be used, if that is what the throwable says. */
    static Optional<String> unreachableReason(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException) {
                return Optional.of(t.getClass().getSimpleName() + " " + t.getMessage());
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("28")
                            || sql.getSQLState().equals("3D000"))) {
                return Optional.of(sql.getMessage());
            }
            String message = t.getMessage();
            if (message != null && message.contains("atasource")
                    && (message.contains("URL is not set") || message.contains("is not configured"))) {
                return Optional.of("no datasource URL is set");
            }
        }
        return Optional.empty();
    }

    private static boolean isStartupFailure(LogRecord record) {
        String message = record.getMessage();
        return message != null && message.startsWith("Failed to start application");
    }
}
