package org.convquiz.gradebook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.convquiz.exercise.ExerciseCatalog;
import org.convquiz.exercise.ExerciseVersion;
import org.convquiz.exercise.Reference;

/**
 * The detail export: every submitted part of a course, one row each, streamed from a server-side cursor in
 * one read-only statement (no entities, memory flat whatever the class size).
 */
@ApplicationScoped
public class ExportService {
    @Inject
    EntityManager em;

    @Inject
    ExerciseCatalog catalog;

    /** One graded part as exported: who, where, what they typed, how it was read, the right answer, the score. */
    public record DetailRow(String username, String displayName, String studentNumber, String quiz, String exercise, int version,
            long seed, String part, String answer, String readAs, String reference, double score, double maxScore,
            String misconceptions, OffsetDateTime submittedAt) {
    }

    private static final String DETAIL = """
            select u.username, u.display_name, u.student_number, q.title_en, q.title_zh, e.slug, v.version, s.seed, s.part_id,
                   s.raw_answer, s.parsed_answer, s.reference_answer, s.score, s.max_score,
                   coalesce(s.misconceptions, s.misconception), s.created_at, s.exercise_version_id
            from quiz q
            join attempt a on a.quiz_id = q.id
            join app_user u on u.id = a.user_id
            join attempt_item ai on ai.attempt_id = a.id
            join submission s on s.attempt_item_id = ai.id
            join exercise_version v on v.id = s.exercise_version_id
            join exercise e on e.id = v.exercise_id
            where q.course_id = ?1
            order by u.username, q.position, q.id, a.id, ai.position, s.id""";

    /** Streams the course's submissions in the order a reader expects: student, quiz, attempt, question, time. */
    @Transactional
    public void detail(long courseId, String lang, Consumer<DetailRow> sink) {
        org.hibernate.Session session = em.unwrap(org.hibernate.Session.class);
        session.setDefaultReadOnly(true);
        Map<String, String> computed = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > 1000; // rows from before references were stored: computed once per variant, bounded
            }
        };
        try (Stream<Object[]> rows = session.createNativeQuery(DETAIL, Object[].class).setParameter(1, courseId)
                .setFetchSize(500).setReadOnly(true).getResultStream()) {
            rows.forEach(r -> {
                long seed = ((Number) r[7]).longValue();
                String part = (String) r[8];
                String reference = (String) r[11];
                if (reference == null) {
                    long versionId = ((Number) r[16]).longValue();
                    reference = computed.computeIfAbsent(versionId + "/" + seed + "/" + part, k -> reference(versionId, seed, part));
                }
                sink.accept(new DetailRow((String) r[0], (String) r[1], (String) r[2], (String) ("zh".equals(lang) ? r[4] : r[3]),
                        (String) r[5], ((Number) r[6]).intValue(), seed, part, (String) r[9], (String) r[10], reference,
                        ((Number) r[12]).doubleValue(), ((Number) r[13]).doubleValue(), (String) r[14], offset(r[15])));
            });
        }
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

    private static OffsetDateTime offset(Object value) {
        if (value instanceof OffsetDateTime o) {
            return o;
        }
        if (value instanceof java.time.Instant i) {
            return i.atOffset(java.time.ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant().atOffset(java.time.ZoneOffset.UTC);
        }
        return null;
    }
}
