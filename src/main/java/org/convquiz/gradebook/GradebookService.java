package org.convquiz.gradebook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jakarta.ws.rs.NotFoundException;
import org.convquiz.account.Course;
import org.convquiz.account.CourseMember;
import org.convquiz.account.User;
import org.convquiz.exercise.Grader;
import org.convquiz.quiz.Quiz;
import org.convquiz.quiz.QuizService;

/** A course's grades (best score per student and quiz) and per-exercise statistics, from the stored submissions. */
@ApplicationScoped
public class GradebookService {
    @Inject
    QuizService quizzes;

    @Inject
    EntityManager em;

    /** One student's row: best score per quiz (null = not attempted) and the total. */
    public record Row(String username, String displayName, String studentNumber, String email, List<Double> best, double total) {
        /** The best scores as shown: "—" where the student has not attempted the quiz. */
        public List<String> cells() {
            return best.stream().map(b -> b == null ? "—" : GradebookTemplateExtensions.points(b)).toList();
        }
    }

    public record Gradebook(List<String> quizTitles, List<Double> maxScores, List<Row> rows) {
    }

    /** How one part of one exercise went across the course. */
    public record PartStats(String exercise, String part, long answers, double meanPercent, double correctPercent,
            Map<String, Long> misconceptions) {
    }

    /** The course, if {@code user} is one of its instructors; anyone else gets a 404 (not a hint that it exists). */
    @Transactional
    public Course taught(long courseId, User user) {
        Course course = Course.findById(courseId);
        if (course == null || CourseMember.of(course, user).filter(m -> User.INSTRUCTOR.equals(m.role)).isEmpty()) {
            throw new NotFoundException("no course " + courseId);
        }
        return course;
    }

    /** The columns: quizzes of the course in order, their titles and points (two statements). */
    public record Columns(List<Long> quizIds, List<String> titles, List<Double> maxScores) {
    }

    @Transactional
    public Columns columns(Course course, String lang) {
        List<Quiz> list = Quiz.of(course);
        Map<Long, Double> max = quizzes.maxScores(list.stream().map(q -> q.id).toList());
        return new Columns(list.stream().map(q -> q.id).toList(), list.stream().map(q -> q.title(lang)).toList(),
                list.stream().map(q -> max.getOrDefault(q.id, 0.0)).toList());
    }

    /**
     * Best score per student and quiz, one row per student, computed by PostgreSQL in one statement with the
     * grading rule of {@link QuizService#BEST_SCORES}. Exam attempts past their deadline are handed in by the
     * sweeper, not here.
     */
    private static final String ROWS = "with q as (select id from quiz where course_id = ?1), " + QuizService.BEST_SCORES + """

            select u.username, u.display_name, array_agg(b.best order by q.id), u.student_number, u.email
            from course_member m join app_user u on u.id = m.user_id left join q on true
            left join best b on b.user_id = u.id and b.quiz_id = q.id
            where m.course_id = ?1 and m.role = 'student'
            group by u.id, u.username, u.display_name, u.student_number, u.email order by u.username""";

    /**
     * Streams the rows to {@code sink} from a server-side cursor (a few hundred rows in memory at a
     * time, no entities), in one read-only transaction that lasts as long as the reading.
     */
    @Transactional
    public void rows(long courseId, int quizCount, java.util.function.Consumer<Row> sink) {
        org.hibernate.Session session = em.unwrap(org.hibernate.Session.class);
        session.setDefaultReadOnly(true);
        try (java.util.stream.Stream<Object[]> stream = session.createNativeQuery(ROWS, Object[].class).setParameter(1, courseId)
                .setFetchSize(500).setReadOnly(true).getResultStream()) {
            stream.forEach(r -> {
                Object[] cells = quizCount == 0 ? new Object[0] : toArray(r[2]);
                List<Double> best = new ArrayList<>(cells.length);
                double total = 0;
                for (Object c : cells) {
                    Double b = c == null ? null : ((Number) c).doubleValue();
                    best.add(b);
                    total += b == null ? 0 : b;
                }
                sink.accept(new Row((String) r[0], (String) r[1], (String) r[3], (String) r[4], best, Grader.round(total)));
            });
        }
    }

    private static Object[] toArray(Object sqlArray) {
        try {
            return sqlArray instanceof java.sql.Array a ? (Object[]) a.getArray() : (Object[]) sqlArray;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The whole gradebook for the page: the rows are small records, never entities. */
    @Transactional
    public Gradebook gradebook(Course course, String lang, Instant now) {
        Columns columns = columns(course, lang);
        List<Row> rows = new ArrayList<>();
        rows(course.id, columns.quizIds().size(), rows::add);
        return new Gradebook(columns.titles(), columns.maxScores(), rows);
    }

    @Transactional
    public List<PartStats> statistics(Course course) {
        List<Object[]> totals = em.createQuery("""
                select e.slug, s.partId, count(s), avg(s.score / s.maxScore),
                       sum(case when s.status = 'CORRECT' then 1 else 0 end)
                from Submission s join s.exerciseVersion v join v.exercise e
                where s.item.attempt.quiz.course = :course and s.maxScore > 0
                group by e.slug, s.partId order by e.slug, s.partId""", Object[].class)
                .setParameter("course", course).getResultList();
        List<Object[]> mistakes = em.createQuery("""
                select e.slug, s.partId, s.misconception, count(s)
                from Submission s join s.exerciseVersion v join v.exercise e
                where s.item.attempt.quiz.course = :course and s.misconception is not null
                group by e.slug, s.partId, s.misconception order by count(s) desc, s.misconception""", Object[].class)
                .setParameter("course", course).getResultList();
        List<PartStats> out = new ArrayList<>();
        for (Object[] t : totals) {
            Map<String, Long> named = new LinkedHashMap<>();
            for (Object[] m : mistakes) {
                if (m[0].equals(t[0]) && m[1].equals(t[1])) {
                    named.put((String) m[2], (Long) m[3]);
                }
            }
            long answers = (Long) t[2];
            out.add(new PartStats((String) t[0], (String) t[1], answers, Grader.round(100 * ((Number) t[3]).doubleValue()),
                    Grader.round(100.0 * ((Number) t[4]).longValue() / answers), named));
        }
        return out;
    }
}
