package org.convquiz.gradebook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.concurrent.CompletableFuture;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.convquiz.exercise.ExerciseCatalog;
import org.convquiz.exercise.ExerciseVersion;
import org.convquiz.exercise.Reference;
import org.postgresql.PGConnection;

/**
 * The detail export: every submitted part of a course, one row each, written by PostgreSQL itself
 * ({@code COPY (SELECT …) TO STDOUT (FORMAT csv, HEADER)}) and piped unchanged into the response.
 *
 * <p>Why COPY and not Commons CSV like the other exports: at 10⁶ rows, reading them through JDBC and formatting
 * them in Java cost ~5 µs a row (5 s) on top of the query, on the same two cores; COPY formats in C inside the
 * query's own process, and the app only moves bytes. So the CSV rules of this one file are PostgreSQL's (RFC 4180
 * quoting; records end in LF, not CRLF) and the formula neutralisation runs in SQL ({@link CsvCells#sql}).
 *
 * <p>Why the LATERAL shape: sorting 10⁶ wide rows by student took PostgreSQL 4–6 s (spilling to disk); here only
 * the course's attempts (one row per student and quiz) are sorted, and each attempt's questions and each
 * question's submissions come in order from their indexes. A LATERAL subquery can only run as the inner side of a
 * nested loop, so rows leave in the outer order, each attempt's in the inner order, without a sort of the result.
 */
@ApplicationScoped
public class ExportService {
    @Inject
    EntityManager em;

    @Inject
    io.agroal.api.AgroalDataSource dataSource;

    @Inject
    ExerciseCatalog catalog;

    /**
     * Header and SQL expression of each column, in the file's order; text a student or teacher typed is neutralised
     * (the student's and quiz's columns once per attempt, in the subquery below, not once per row).
     */
    private static final List<String[]> DETAIL_COLUMNS = List.of(
            new String[] {"username", "a.username"},
            new String[] {"name", "a.display_name"},
            new String[] {"student_number", "a.student_number"},
            new String[] {"quiz", "a.title"},
            new String[] {"exercise", "ai.slug"}, // a question's version is its submissions' (looked up once per question)
            new String[] {"version", "ai.version"},
            new String[] {"seed", "s.seed"},
            new String[] {"part", "s.part_id"},
            new String[] {"answer", CsvCells.sql("s.raw_answer")},
            new String[] {"read_as", CsvCells.sql("s.parsed_answer")},
            new String[] {"correct_answer", CsvCells.sql("s.reference_answer")},
            new String[] {"score", "s.score"}, // stored rounded to 2 decimals; float8 prints 1 as "1", 0.5 as "0.5"
            new String[] {"max_score", "s.max_score"},
            new String[] {"misconceptions", CsvCells.sql("coalesce(s.misconceptions, s.misconception)")},
            new String[] {"submitted_at", "replace((s.created_at at time zone 'UTC')::text, ' ', 'T') || 'Z'"});

    /**
     * The COPY statement of one course. COPY takes no bind parameters: the course id is a {@code long} and the
     * title column one of two fixed names, so nothing typed by anyone reaches the SQL text.
     */
    static String detailCopy(long courseId, String lang) {
        return detailCopy(courseId, lang, "", true);
    }

    /** The middle user name of the course's students with attempts (null if none): where the two halves meet. */
    private static final String MIDDLE = "select u.username from attempt a join quiz q on q.id = a.quiz_id join app_user u on u.id = a.user_id"
            + " where q.course_id = ? group by u.username order by u.username offset (select count(distinct a.user_id) / 2"
            + " from attempt a join quiz q on q.id = a.quiz_id where q.course_id = ?) limit 1";

    /**
     * The condition of one half: user names before ({@code <}) or from ({@code >=}) the middle one. The name reaches
     * the SQL text as hexadecimal digits only, decoded by the database, so nothing typed can change the statement.
     */
    static String half(String comparison, String middle) {
        return " and u.username " + comparison + " convert_from(decode('"
                + java.util.HexFormat.of().formatHex(middle.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "', 'hex'), 'UTF8')";
    }

    /** {@code students}: an extra condition on {@code u} (one half of the students), or empty for all. */
    static String detailCopy(long courseId, String lang, String students, boolean header) {
        String title = "zh".equals(lang) ? "q.title_zh" : "q.title_en";
        String select = DETAIL_COLUMNS.stream().map(c -> c[1] + " as \"" + c[0] + "\"").collect(Collectors.joining(", "));
        return "copy (select " + select + """
                 from (select a.id, %s as username, %s as display_name, %s as student_number, %s as title
                       from quiz q join attempt a on a.quiz_id = q.id join app_user u on u.id = a.user_id
                       where q.course_id = %d%s
                       order by u.username, q.position, q.id, a.id) a
                 cross join lateral (select ai.id, e.slug, v.version from attempt_item ai
                                     join exercise_version v on v.id = ai.exercise_version_id join exercise e on e.id = v.exercise_id
                                     where ai.attempt_id = a.id order by ai.position) ai
                 cross join lateral (select * from submission s where s.attempt_item_id = ai.id order by s.id) s
                ) to stdout with (format csv, header %s, encoding 'UTF8')""".formatted(CsvCells.sql("u.username"),
                CsvCells.sql("u.display_name"), CsvCells.sql("u.student_number"), CsvCells.sql(title), courseId,
                students, header ? "true" : "false");
    }

    /**
     * A plain thread, not a managed executor: the second half must run on its own connection, outside the request's
     * transaction (a propagated transaction would hand it the same connection).
     */
    private static final java.util.concurrent.Executor SPOOLER = task -> {
        Thread t = new Thread(task, "convquiz-export-spool");
        t.setDaemon(true);
        t.start();
    };

    private static Path spoolFile() {
        try {
            return Files.createTempFile("convquiz-export-", ".csv");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void copyInto(String copy, Path file) {
        try (java.sql.Connection c = dataSource.getConnection(); OutputStream o = new BufferedOutputStream(Files.newOutputStream(file), 256 * 1024)) {
            try (java.sql.Statement settings = c.createStatement()) {
                settings.execute("set jit = off; set enable_memoize = off; set max_parallel_workers_per_gather = 0");
            }
            c.unwrap(PGConnection.class).getCopyAPI().copyOut(copy, o);
            try (java.sql.Statement reset = c.createStatement()) {
                reset.execute("reset jit; reset enable_memoize; reset max_parallel_workers_per_gather");
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("the second half of the detail export failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Streams the course's submissions as CSV in the order a reader expects: student, quiz, attempt, question,
     * time. Memory stays flat: PostgreSQL sends one row at a time and the bytes go straight out.
     */
    @Transactional
    public void detail(long courseId, String lang, OutputStream output) {
        org.hibernate.Session session = em.unwrap(org.hibernate.Session.class);
        session.doWork(connection -> {
            try (PreparedStatement settings = connection.prepareStatement(
                    // for this transaction only: no JIT compile (0.2 s at 10⁶ rows), no memoize of the per-question
                    // lookups (every key is new), no parallel plan (one ordered stream is read anyway)
                    "select set_config('jit', 'off', true), set_config('enable_memoize', 'off', true), "
                            + "set_config('max_parallel_workers_per_gather', '0', true)")) {
                settings.execute();
            }
            OutputStream out = new BufferedOutputStream(output, 256 * 1024); // pgjdbc writes each row on its own
            // One backend prints ~3 s of CPU at 10⁶ rows and can use one core: the second half of the students is
            // written by a second connection at the same time, into a temporary file, appended once the first half
            // has streamed out. Memory stays flat; the file is deleted whatever happens.
            // The middle is read once, so the halves are disjoint and meet even if a student starts meanwhile.
            String middle = null;
            try (PreparedStatement m = connection.prepareStatement(MIDDLE)) {
                m.setLong(1, courseId);
                m.setLong(2, courseId);
                try (java.sql.ResultSet r = m.executeQuery()) {
                    middle = r.next() ? r.getString(1) : null;
                }
            }
            String secondHalf = middle == null ? null : detailCopy(courseId, lang, half(">=", middle), false);
            String firstHalf = middle == null ? detailCopy(courseId, lang) : detailCopy(courseId, lang, half("<", middle), true);
            Path spool = middle == null ? null : spoolFile(); // no attempts: one COPY, the header alone
            try {
                CompletableFuture<Void> second = spool == null ? CompletableFuture.completedFuture(null)
                        : CompletableFuture.runAsync(() -> copyInto(secondHalf, spool), SPOOLER);
                connection.unwrap(PGConnection.class).getCopyAPI().copyOut(firstHalf, out);
                second.join();
                if (spool != null) {
                    Files.copy(spool, out);
                }
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (java.util.concurrent.CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            } finally {
                if (spool != null) {
                    spool.toFile().delete();
                }
            }
        });
    }

    /**
     * Rows graded before the right answer was stored with each part (V7) get it now, computed once per variant
     * by the engine, so that the export itself can be one COPY. The grade is a pure function of (version, seed),
     * so storing it later is what grading would have stored. In the usual case this is one statement that
     * finds nothing.
     */
    @Transactional
    public void storeMissingReferences(long courseId) {
        @SuppressWarnings("unchecked")
        List<Object[]> missing = em.createNativeQuery("""
                select distinct s.exercise_version_id, s.seed, s.part_id
                from quiz q
                join attempt a on a.quiz_id = q.id
                join attempt_item ai on ai.attempt_id = a.id
                join submission s on s.attempt_item_id = ai.id
                where q.course_id = ?1 and s.reference_answer is null""").setParameter(1, courseId).getResultList();
        if (missing.isEmpty()) {
            return;
        }
        List<Long> versions = new ArrayList<>();
        List<Long> seeds = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        List<String> references = new ArrayList<>();
        for (Object[] m : missing) {
            long versionId = ((Number) m[0]).longValue();
            long seed = ((Number) m[1]).longValue();
            String part = (String) m[2];
            versions.add(versionId);
            seeds.add(seed);
            parts.add(part);
            references.add(reference(versionId, seed, part));
        }
        em.unwrap(org.hibernate.Session.class).doWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement("""
                    update submission s set reference_answer = r.reference
                    from unnest(?, ?, ?, ?) as r(version_id, seed, part_id, reference)
                    where s.exercise_version_id = r.version_id and s.seed = r.seed and s.part_id = r.part_id
                      and s.reference_answer is null""")) {
                update.setArray(1, connection.createArrayOf("bigint", versions.toArray()));
                update.setArray(2, connection.createArrayOf("bigint", seeds.toArray()));
                update.setArray(3, connection.createArrayOf("text", parts.toArray()));
                update.setArray(4, connection.createArrayOf("text", references.toArray()));
                update.executeUpdate();
            }
        });
    }

    private String reference(long versionId, long seed, String part) {
        ExerciseVersion version = em.find(ExerciseVersion.class, versionId);
        var definition = catalog.definition(version);
        List<Reference> references = definition.references(seed);
        var parts = definition.spec().parts();
        for (int i = 0; i < parts.size(); i++) {
            if (parts.get(i).id().equals(part)) {
                return references.get(i).value().display();
            }
        }
        return "";
    }
}
