package org.convquiz.gradebook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convquiz.account.Course;
import org.convquiz.account.User;
import org.convquiz.audit.AuditLog;
import org.convquiz.exercise.Grader;
import org.convquiz.quiz.QuizService;
import org.convquiz.web.AppTime;

/**
 * One student of a course as their instructors see them: the score per quiz (with any override and its reason),
 * every attempt with each submitted answer as typed, how it was read, its score, the mistakes named and when;
 * and the score overrides themselves. A constant number of statements whatever the number of attempts.
 */
@ApplicationScoped
public class StudentRecord {
    static final int MAX_REASON = 500;
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss VV").withZone(AppTime.zoneId());

    @Inject
    EntityManager em;

    @Inject
    GradebookService gradebook;

    /** The student as the page names them. */
    public record Student(long id, String username, String displayName, String studentNumber, String email) {
    }

    /** A quiz's score for the student: shown (override or best), the attempts' best, and the override's who/why/when. */
    public record QuizScore(long quizId, String title, double maxScore, Double shown, Double computed, boolean overridden, String reason,
            String setBy, String setAt) {
    }

    /** One submitted part. */
    public record Answer(int position, String exercise, String part, String raw, String readAs, String status, double score,
            double maxScore, String misconceptions, String at) {
    }

    public record AttemptRecord(long id, long quizId, String quiz, int number, String startedAt, String submittedAt, List<Answer> answers) {
        public double score() {
            // the latest answer of each part counts, as in the one grading rule
            Map<String, Double> latest = new LinkedHashMap<>();
            answers.forEach(a -> latest.put(a.position() + "/" + a.part(), a.score()));
            return Grader.round(latest.values().stream().mapToDouble(Double::doubleValue).sum());
        }
    }

    public record Record(Student student, List<QuizScore> quizzes, List<AttemptRecord> attempts) {
        public double total() {
            return Grader.round(quizzes.stream().mapToDouble(q -> q.shown() == null ? 0 : q.shown()).sum());
        }
    }

    /** The course's student with that username, or a 404 (also for someone who is not a student of the course). */
    @Transactional
    public Student student(Course course, String username) {
        List<Object[]> rows = rows("""
                select u.id, u.username, u.display_name, u.student_number, u.email from app_user u
                join course_member m on m.user_id = u.id and m.course_id = ?1 and m.role = 'student' where u.username = ?2""", course.id, username);
        if (rows.isEmpty()) {
            throw new NotFoundException("no student " + username + " in course " + course.id);
        }
        Object[] r = rows.get(0);
        return new Student(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3], (String) r[4]);
    }

    private static final String SCORES = "with scope_users as (select cast(?2 as bigint) as id), " + QuizService.BEST_SCORES + """

            select q.id, b.best, b.computed, coalesce(b.overridden, false), o.reason, o.set_by, o.set_at
            from quiz q left join best b on b.quiz_id = q.id left join score_override o on o.quiz_id = q.id and o.user_id = ?2
            where q.course_id = ?1 order by q.id""";

    private static final String ANSWERS = """
            select a.id, a.quiz_id, a.number, a.started_at, a.submitted_at, ai.position, e.slug, s.part_id, s.raw_answer, s.parsed_answer,
                   s.status, s.score, s.max_score, coalesce(s.misconceptions, s.misconception), s.created_at
            from attempt a join quiz q on q.id = a.quiz_id
            left join attempt_item ai on ai.attempt_id = a.id
            left join submission s on s.attempt_item_id = ai.id
            left join exercise_version v on v.id = ai.exercise_version_id left join exercise e on e.id = v.exercise_id
            where q.course_id = ?1 and a.user_id = ?2
            order by a.quiz_id, a.number, ai.position, s.id""";

    /** The whole record in five statements (the student, the columns, the scores, the answers). */
    @Transactional
    public Record record(Course course, String username, String lang) {
        Student student = student(course, username);
        GradebookService.Columns columns = gradebook.columns(course, lang);
        Map<Long, Object[]> scores = new LinkedHashMap<>();
        for (Object[] r : rows(SCORES, course.id, student.id())) {
            scores.put(((Number) r[0]).longValue(), r);
        }
        List<QuizScore> quizzes = new ArrayList<>();
        Map<Long, String> titles = new LinkedHashMap<>();
        for (int i = 0; i < columns.quizIds().size(); i++) {
            long quizId = columns.quizIds().get(i);
            titles.put(quizId, columns.titles().get(i));
            Object[] r = scores.get(quizId);
            quizzes.add(new QuizScore(quizId, columns.titles().get(i), columns.maxScores().get(i), number(r[1]), number(r[2]),
                    Boolean.TRUE.equals(r[3]), (String) r[4], (String) r[5], time(r[6])));
        }
        Map<Long, AttemptRecord> attempts = new LinkedHashMap<>();
        for (Object[] r : rows(ANSWERS, course.id, student.id())) {
            long id = ((Number) r[0]).longValue();
            AttemptRecord a = attempts.computeIfAbsent(id, k -> new AttemptRecord(id, ((Number) r[1]).longValue(),
                    titles.getOrDefault(((Number) r[1]).longValue(), ""), ((Number) r[2]).intValue(), time(r[3]), time(r[4]), new ArrayList<>()));
            if (r[7] != null) {
                a.answers().add(new Answer(((Number) r[5]).intValue(), (String) r[6], (String) r[7], (String) r[8], (String) r[9],
                        ((String) r[10]).toLowerCase(), ((Number) r[11]).doubleValue(), ((Number) r[12]).doubleValue(), (String) r[13], time(r[14])));
            }
        }
        return new Record(student, quizzes, new ArrayList<>(attempts.values()));
    }

    /** A bad override form: the message key says what to fix. */
    public static class OverrideException extends RuntimeException {
        private final String key;

        OverrideException(String key, String message) {
            super(message);
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    /**
     * Sets (or, with a blank score, removes) the student's score for a quiz of the course, with a reason; the audit
     * log keeps who, when, the score before and after, and the reason.
     */
    @Transactional
    public void override(Course course, User actor, String username, String quiz, String score, String reason) {
        Student student = student(course, username);
        GradebookService.Columns columns = gradebook.columns(course, "en");
        long quizId;
        try {
            quizId = Long.parseLong(quiz == null ? "" : quiz.strip());
        } catch (NumberFormatException e) {
            throw new OverrideException("student_override_error_quiz", "no such quiz");
        }
        int index = columns.quizIds().indexOf(quizId);
        if (index < 0) {
            throw new OverrideException("student_override_error_quiz", "no quiz " + quizId + " in course " + course.id);
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > MAX_REASON) {
            throw new OverrideException("student_override_error_reason", "a reason of 1 to " + MAX_REASON + " characters is required");
        }
        Double value = null;
        String given = score == null ? "" : score.strip().replace(',', '.');
        if (!given.isEmpty()) {
            try {
                value = Double.parseDouble(given);
            } catch (NumberFormatException e) {
                throw new OverrideException("student_override_error_score", "the score is not a number");
            }
            double max = columns.maxScores().get(index);
            if (!(value >= 0 && value <= max) || given.length() > 20) {
                throw new OverrideException("student_override_error_score", "the score must be between 0 and " + max);
            }
        }
        Object[] before = rows("with scope_users as (select cast(?2 as bigint) as id), " + QuizService.BEST_SCORES
                + " select cast(max(best) as double precision), bool_or(overridden) from best where quiz_id = ?3", course.id, student.id(), quizId).get(0);
        if (value == null) {
            em.createNativeQuery("delete from score_override where quiz_id = ?1 and user_id = ?2").setParameter(1, quizId)
                    .setParameter(2, student.id()).executeUpdate();
        } else {
            em.createNativeQuery("""
                    insert into score_override (quiz_id, user_id, score, reason, set_by, set_at) values (?1, ?2, ?3, ?4, ?5, now())
                    on conflict (quiz_id, user_id) do update set score = excluded.score, reason = excluded.reason,
                      set_by = excluded.set_by, set_at = excluded.set_at""").setParameter(1, quizId).setParameter(2, student.id())
                    .setParameter(3, value).setParameter(4, why).setParameter(5, actor.username).executeUpdate();
        }
        Double previous = number(before[0]);
        String beforeText = (previous == null ? "none" : GradebookTemplateExtensions.points(previous)) + (Boolean.TRUE.equals(before[1]) ? " (set by hand)" : "");
        AuditLog.record(actor.username, value == null ? "gradebook.override.remove" : "gradebook.override.set",
                "course " + course.id + ", quiz " + quizId + ", student " + student.username() + ": " + beforeText + " → "
                        + (value == null ? "the attempts' best" : GradebookTemplateExtensions.points(value)) + "; reason: " + why);
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Object... params) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
        return query.getResultList();
    }

    private static Double number(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }

    static String time(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime o) {
            return TIME.format(o);
        }
        if (value instanceof java.time.Instant i) {
            return TIME.format(i);
        }
        if (value instanceof java.sql.Timestamp t) {
            return TIME.format(t.toInstant());
        }
        return value.toString();
    }
}
