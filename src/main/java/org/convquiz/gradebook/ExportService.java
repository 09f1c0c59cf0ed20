package org.convquiz.gradebook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.concurrent.CompletableFuture;
import java.util.ArrayList;
import java.util.List;
import org.convquiz.ReadOnly;
import org.convquiz.exercise.ExerciseCatalog;
import org.convquiz.exercise.ExerciseVersion;
import org.convquiz.exercise.Reference;

/**
 * The detail export: every submitted part of a course, one row each, in the order a reader expects (student, quiz,
 * attempt, question, part, time).
 *
 * <p>Why not Commons CSV like the other exports: at 10⁶ rows, reading them through JDBC and formatting them in Java
 * cost ~5 µs a row, and even PostgreSQL's own {@code COPY … (FORMAT csv)} spent ~3 s of one backend's CPU formatting
 * them. A submission is written once and exported many times, so each keeps its cells of the row as finished text
 * ({@code submission.export_cells}, a generated column: see V23, whose SQL functions apply the same quoting and
 * formula neutralisation as {@link CsvCells}). The query here only joins text: one result row per attempt, its
 * lines aggregated by PostgreSQL, read as raw UTF-8 bytes and written out unchanged.
 *
 * <p>Every line <em>starts</em> with CRLF (each question's student, quiz and exercise cells are one prefix per
 * question, {@code "\r\n" + cells}, joined to each of its submissions), so the file is the header, the attempts'
 * text, and one final CRLF.
 *
 * <p>Why the subquery per attempt: sorting 10⁶ wide rows by student took PostgreSQL 4–6 s; here only the course's
 * attempts (one row per student and quiz) and each attempt's ten-odd questions are sorted, and each question's
 * submissions come in (part, id) order from their index.
 */
@ApplicationScoped
public class ExportService {
    @Inject
    EntityManager em;

    @Inject
    io.agroal.api.AgroalDataSource dataSource;

    @Inject
    ExerciseCatalog catalog;

    /** Detail exports streaming now, at most {@code convquiz.detail-exports}. */
    private final java.util.concurrent.Semaphore streaming;

    @Inject
    ExportService(org.convquiz.ConvQuizConfig config) {
        streaming = new java.util.concurrent.Semaphore(Math.max(1, config.detailExports()));
    }

    static final String DETAIL_HEADER = "username,name,student_number,quiz,exercise,version,seed,part,answer,read_as,"
            + "correct_answer,score,max_score,misconceptions,submitted_at";

    /** The middle user name of the course's students with attempts (null if none): where the two halves meet. */
    private static final String MIDDLE = "select u.username from attempt a join quiz q on q.id = a.quiz_id join app_user u on u.id = a.user_id"
            + " where q.course_id = ? group by u.username order by u.username offset (select count(distinct a.user_id) / 2"
            + " from attempt a join quiz q on q.id = a.quiz_id where q.course_id = ?) limit 1";

    /**
     * One row per attempt of the course whose student's user name compares to the second parameter as
     * {@code comparison} says: the attempt's lines, or null if it has no submission. Parameters: course id, user name.
     * The title column is one of two fixed names.
     */
    static String detailLines(String lang, String comparison) {
        String title = "zh".equals(lang) ? "q.title_zh" : "q.title_en";
        return """
                with ev as materialized (select v.id, export_csv_cell(e.slug) || ',' || v.version || ',' as cells
                                         from exercise_version v join exercise e on e.id = v.exercise_id)
                select (select string_agg(i.prefix || s.export_cells, '')
                        from (select ai.id, E'\\r\\n' || a.cells || ev.cells as prefix
                              from attempt_item ai join ev on ev.id = ai.exercise_version_id
                              where ai.attempt_id = a.id order by ai.position) i
                        cross join lateral (select s.export_cells from submission s where s.attempt_item_id = i.id
                                            order by s.part_id, s.id) s)
                from (select a.id, export_csv_text(u.username) || ',' || export_csv_text(u.display_name) || ','
                             || export_csv_text(u.student_number) || ',' || export_csv_text(%s) || ',' as cells
                      from quiz q join attempt a on a.quiz_id = q.id join app_user u on u.id = a.user_id
                      where q.course_id = ? and u.username %s ?
                      order by u.username, q.position, q.id, a.id) a""".formatted(title, comparison);
    }

    /**
     * Reads the lines of one half of the students on its own connection and hands each attempt's bytes (UTF-8, as
     * PostgreSQL sent them, not decoded) to {@code sink}. A cursor brings 64 attempts at a time (an attempt's text is
     * its own submissions' lines: kilobytes), so memory does not grow with the class.
     */
    private void readLines(String lang, long courseId, String comparison, String middle, LineSink sink) {
        try (java.sql.Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false); // a cursor needs a transaction; this one only reads
            try (PreparedStatement settings = c.prepareStatement(
                    // for this transaction only: no JIT compile (0.2 s at 10⁶ rows), no memoize (every key is new),
                    // no parallel plan (one ordered stream is read anyway)
                    "select set_config('jit', 'off', true), set_config('enable_memoize', 'off', true), "
                            + "set_config('max_parallel_workers_per_gather', '0', true)");
                    PreparedStatement lines = c.prepareStatement(detailLines(lang, comparison))) {
                settings.execute();
                lines.setFetchSize(64);
                lines.setLong(1, courseId);
                lines.setString(2, middle);
                try (java.sql.ResultSet r = lines.executeQuery()) {
                    while (r.next()) {
                        byte[] text = r.getBytes(1);
                        if (text != null) { // an attempt without submissions
                            sink.accept(text);
                        }
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("the detail export failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the detail export was abandoned", e);
        }
    }

    private interface LineSink {
        void accept(byte[] text) throws IOException, InterruptedException;
    }

    /**
     * Plain threads, not a managed executor: each half runs on its own connection and transaction (a propagated
     * transaction would hand both the same connection).
     */
    private static final java.util.concurrent.Executor READERS = task -> {
        Thread t = new Thread(task, "convquiz-export-reader");
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

    /** The middle user name of the course's students with attempts (null if none): where the two halves meet. */
    @ReadOnly
    public String middleStudent(long courseId) {
        List<?> middle = em.createNativeQuery(MIDDLE).setParameter(1, courseId).setParameter(2, courseId).getResultList();
        return middle.isEmpty() ? null : (String) middle.get(0);
    }

    /** Marks the end of a half in the queue. */
    private static final byte[] END = new byte[0];

    /**
     * Streams the course's submissions as CSV. One PostgreSQL backend can use one core, so the students are split at
     * {@code middle} over two connections that work at the same time: the first half is read on its own thread into
     * a small queue (the backend computes while the response is written), the second half is written into a
     * temporary file, appended once the first half has gone out. The middle is read once, so the halves are disjoint
     * and meet even if a student starts meanwhile. Memory stays flat (a queue of 256 attempts); the file is deleted
     * and both readers stop (within a second) whatever happens, a client that goes away included.
     */
    public void detail(long courseId, String lang, String middle, boolean bom, OutputStream output) throws IOException {
        if (!streaming.tryAcquire()) {
            // before a byte is written, so the client gets a 503 with Retry-After (ErrorMappers), not a cut file
            throw new java.util.concurrent.RejectedExecutionException("as many detail exports as allowed are streaming (convquiz.detail-exports)");
        }
        try {
            stream(courseId, lang, middle, bom, output);
        } finally {
            streaming.release();
        }
    }

    private void stream(long courseId, String lang, String middle, boolean bom, OutputStream output) throws IOException {
        OutputStream out = new BufferedOutputStream(output, 256 * 1024);
        if (bom) {
            out.write(UTF8_BOM);
        }
        out.write(DETAIL_HEADER.getBytes(StandardCharsets.UTF_8));
        if (middle != null) { // no attempts: the header alone
            Path spool = spoolFile();
            java.util.concurrent.atomic.AtomicBoolean abandoned = new java.util.concurrent.atomic.AtomicBoolean();
            java.util.concurrent.BlockingQueue<byte[]> queue = new java.util.concurrent.ArrayBlockingQueue<>(256);
            try {
                CompletableFuture<Void> second = CompletableFuture.runAsync(() -> {
                    try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(spool), 256 * 1024)) {
                        readLines(lang, courseId, ">=", middle, text -> {
                            if (abandoned.get()) {
                                throw new InterruptedException();
                            }
                            file.write(text);
                        });
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }, READERS);
                CompletableFuture<Void> first = CompletableFuture.runAsync(() -> {
                    try {
                        readLines(lang, courseId, "<", middle, text -> put(queue, text, abandoned));
                    } finally {
                        try {
                            put(queue, END, abandoned); // also after a failure: the writer then rethrows it
                        } catch (InterruptedException e) {
                            // the writer has gone: no one waits for the end
                        }
                    }
                }, READERS);
                for (byte[] text; (text = take(queue)) != END;) {
                    out.write(text);
                }
                first.join(); // rethrows the first half's failure
                second.join();
                Files.copy(spool, out);
            } catch (java.util.concurrent.CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            } finally {
                abandoned.set(true);
                spool.toFile().delete();
            }
        }
        out.write(CRLF);
        out.flush();
    }

    /** Waits for room in the queue, unless the writer has gone (then the reader stops). */
    private static void put(java.util.concurrent.BlockingQueue<byte[]> queue, byte[] text, java.util.concurrent.atomic.AtomicBoolean abandoned)
            throws InterruptedException {
        while (!queue.offer(text, 1, java.util.concurrent.TimeUnit.SECONDS)) {
            if (abandoned.get()) {
                throw new InterruptedException("the detail export was abandoned");
            }
        }
    }

    private static byte[] take(java.util.concurrent.BlockingQueue<byte[]> queue) {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the detail export was interrupted", e);
        }
    }

    private static final byte[] CRLF = {'\r', '\n'};

    private static final byte[] UTF8_BOM = "\uFEFF".getBytes(StandardCharsets.UTF_8);

    /**
     * Rows graded before the right answer was stored with each part (V7) get it now, computed once per variant
     * by the engine, so that the export only joins stored text (storing it also refills {@code export_cells}). The
     * grade is a pure function of (version, seed), so storing it later is what grading would have stored. In the usual
     * case this is one statement that finds nothing, through an index of just such rows.
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
