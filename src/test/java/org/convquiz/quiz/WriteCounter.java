package org.convquiz.quiz;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Sees every statement Hibernate prepares (entity writes, JPQL and native SQL alike) and keeps the ones that
 * change data, so a test can say which requests wrote. Only in the tests' application.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class WriteCounter implements StatementInspector {
    private static final Pattern WRITE = Pattern.compile("\\s*(/\\*.*?\\*/\\s*)*(insert|update|delete|merge)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    /** A row lock is taken to write: a read never needs one. */
    private static final Pattern LOCK = Pattern.compile("\\bfor\\s+(no\\s+key\\s+)?update\\b", Pattern.CASE_INSENSITIVE);
    private static final List<String> WRITES = new CopyOnWriteArrayList<>();

    @Override
    public String inspect(String sql) {
        if (WRITE.matcher(sql).lookingAt() || LOCK.matcher(sql).find()) {
            WRITES.add(sql);
        }
        return sql;
    }

    /** The writing statements prepared while {@code run} ran. */
    public static List<String> during(Runnable run) {
        int before = WRITES.size();
        run.run();
        return List.copyOf(WRITES.subList(before, WRITES.size()));
    }
}
