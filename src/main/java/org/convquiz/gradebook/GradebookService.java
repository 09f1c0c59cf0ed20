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

    @Inject
    StatisticsSummary summary;

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
    /** The course's students (all of them, or one page: {@link #PAGE_USERS}), with what the rows show of them. */
    private static final String ALL_USERS = """
            scope_users as (select u.id, u.username, u.display_name, u.student_number, u.email
                            from course_member m join app_user u on u.id = m.user_id where m.course_id = ?1 and m.role = 'student'),""";

    /**
     * One page of students by name: after {@code ?2} (or before {@code ?3}, then read backwards), whose name
     * or username contains {@code ?4} (an ILIKE pattern, '' for all), at most {@code ?5} of them. Only their
     * attempts are read, so a page costs the same whatever the class size.
     */
    private static final String PAGE_USERS = """
            scope_users as (select u.id, u.username, u.display_name, u.student_number, u.email
                            from course_member m join app_user u on u.id = m.user_id
                            where m.course_id = ?1 and m.role = 'student'
                              and (?2 = '' or u.username > ?2) and (?3 = '' or u.username < ?3)
                              and (?4 = '' or u.username ilike ?4 escape '\\' or u.display_name ilike ?4 escape '\\')
                            order by case when ?3 = '' then u.username end, u.username desc limit ?5),""";

    private static final String SELECT_ROWS = """
             q as (select id, position from quiz where course_id = ?1),
            """ + QuizService.BEST_SCORES + """

            select su.username, su.display_name, array_agg(b.best order by q.position, q.id), su.student_number, su.email
            from scope_users su left join q on true
            left join best b on b.user_id = su.id and b.quiz_id = q.id
            group by su.id, su.username, su.display_name, su.student_number, su.email order by su.username""";

    private static final String ROWS = "with " + ALL_USERS + SELECT_ROWS;
    private static final String PAGE = "with " + PAGE_USERS + SELECT_ROWS;

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
            stream.forEach(r -> sink.accept(row(r, quizCount)));
        }
    }

    private static Row row(Object[] r, int quizCount) {
        Object[] cells = quizCount == 0 ? new Object[0] : toArray(r[2]);
        List<Double> best = new ArrayList<>(cells.length);
        double total = 0;
        for (Object c : cells) {
            Double b = c == null ? null : ((Number) c).doubleValue();
            best.add(b);
            total += b == null ? 0 : b;
        }
        return new Row((String) r[0], (String) r[1], (String) r[3], (String) r[4], best, Grader.round(total));
    }

    private static Object[] toArray(Object sqlArray) {
        try {
            return sqlArray instanceof java.sql.Array a ? (Object[]) a.getArray() : (Object[]) sqlArray;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Students per gradebook page. */
    public static final int PAGE_SIZE = 100;

    /**
     * Where a gradebook page starts: after a username, before one (going back), or at the beginning; and an
     * optional filter on name or username.
     */
    public record PageRequest(String after, String before, String filter) {
        public PageRequest {
            after = after == null ? "" : after;
            before = before == null ? "" : before;
            filter = filter == null ? "" : filter.strip();
        }
    }

    /** One page of the gradebook; {@code first}/{@code last} are the usernames at its ends (for the links). */
    public record GradebookPage(List<String> quizTitles, List<Double> maxScores, List<Row> rows, long students, boolean hasPrevious,
            boolean hasNext, String filter) {
        public String first() {
            return rows.isEmpty() ? "" : rows.get(0).username();
        }

        public String last() {
            return rows.isEmpty() ? "" : rows.get(rows.size() - 1).username();
        }
    }

    /** A page of at most {@link #PAGE_SIZE} students in three statements (columns, the page with one extra row to know if more follow, the count). */
    @Transactional
    public GradebookPage page(Course course, String lang, PageRequest request) {
        Columns columns = columns(course, lang);
        String pattern = request.filter().isEmpty() ? "" : "%" + request.filter().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        org.hibernate.Session session = em.unwrap(org.hibernate.Session.class);
        session.setDefaultReadOnly(true);
        List<Row> rows = new ArrayList<>();
        List<Object[]> result = session.createNativeQuery(PAGE, Object[].class).setParameter(1, course.id).setParameter(2, request.after())
                .setParameter(3, request.before()).setParameter(4, pattern).setParameter(5, PAGE_SIZE + 1).getResultList();
        for (Object[] r : result) {
            rows.add(row(r, columns.quizIds().size()));
        }
        boolean more = rows.size() > PAGE_SIZE;
        boolean backwards = !request.before().isEmpty();
        if (more) {
            rows.remove(backwards ? 0 : rows.size() - 1); // the extra row only says that another page exists
        }
        long students = ((Number) em.createNativeQuery("""
                select count(*) from course_member m join app_user u on u.id = m.user_id
                where m.course_id = ?1 and m.role = 'student' and (?2 = '' or u.username ilike ?2 escape '\\' or u.display_name ilike ?2 escape '\\')""")
                .setParameter(1, course.id).setParameter(2, pattern).getSingleResult()).longValue();
        boolean hasPrevious = backwards ? more : !request.after().isEmpty();
        boolean hasNext = backwards || more;
        return new GradebookPage(columns.titles(), columns.maxScores(), rows, students, hasPrevious, hasNext, request.filter());
    }

    /** Per exercise and part of the course: answers, mean score, share right, named mistakes (see {@link StatisticsSummary}). */
    public List<PartStats> statistics(Course course) {
        return summary.statistics(course.id);
    }
}
