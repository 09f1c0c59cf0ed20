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
    public record Row(String username, String displayName, String studentNumber, String email, List<Double> best,
            List<Boolean> overridden, double total) {
        /** The best scores as shown: "—" where the student has not attempted the quiz. */
        public List<String> cells() {
            return best.stream().map(b -> b == null ? "—" : GradebookTemplateExtensions.points(b)).toList();
        }

        /** Whether the score of the quiz at {@code index} was set by an instructor. */
        public boolean overriddenAt(int index) {
            return Boolean.TRUE.equals(overridden.get(index));
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
        return CourseMember.taught(courseId, user);
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
    /** The course's students (all of them, or one page: see {@link #pageSql}), with what the rows show of them. */
    private static final String ALL_USERS = """
            scope_users as (select u.id, u.username, u.display_name, u.student_number, u.email
                            from course_member m join app_user u on u.id = m.user_id where m.course_id = ?1 and m.role = 'student'),""";

    private static final String SELECT_ROWS = """
             q as (select id, position from quiz where course_id = ?1 and not adaptive),
            """ + QuizService.BEST_SCORES + """

            select su.username, su.display_name, array_agg(b.best order by q.position, q.id), su.student_number, su.email,
                   array_agg(coalesce(b.overridden, false) order by q.position, q.id)
            from scope_users su left join q on true
            left join best b on b.user_id = su.id and b.quiz_id = q.id
            group by su.id, su.username, su.display_name, su.student_number, su.email order by su.username""";

    private static final String ROWS = "with " + ALL_USERS + SELECT_ROWS;

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
        Object[] flags = quizCount == 0 ? new Object[0] : toArray(r[5]);
        List<Double> best = new ArrayList<>(cells.length);
        List<Boolean> overridden = new ArrayList<>(cells.length);
        double total = 0;
        for (int i = 0; i < cells.length; i++) {
            Double b = cells[i] == null ? null : ((Number) cells[i]).doubleValue();
            best.add(b);
            overridden.add(Boolean.TRUE.equals(flags[i]));
            total += b == null ? 0 : b;
        }
        return new Row((String) r[0], (String) r[1], (String) r[3], (String) r[4], best, overridden, Grader.round(total));
    }

    static Object[] toArray(Object sqlArray) {
        try {
            return sqlArray instanceof java.sql.Array a ? (Object[]) a.getArray() : (Object[]) sqlArray;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Students per gradebook page. */
    public static final int PAGE_SIZE = 100;

    /** What a gradebook page is ordered by; ties (and the keyset) are broken by username, which is unique. */
    public enum SortKey {
        username, name, number, quiz, total;

        /** Whether the key is a column of the account (the page's students are chosen before their scores are read). */
        boolean ofAccount() {
            return this != quiz && this != total;
        }

        /** The key as SQL over an account aliased {@code a}. */
        String account(String a) {
            return switch (this) {
                case username -> a + ".username";
                case name -> a + ".display_name";
                case number -> "coalesce(" + a + ".student_number, '')";
                default -> throw new IllegalStateException(name());
            };
        }
    }

    /**
     * Where a gradebook page starts: after a username, before one (going back), or at the beginning, in the order of
     * {@code sort} ({@code quizId} for {@link SortKey#quiz}) and direction; and an optional filter on name or username.
     */
    public record PageRequest(String after, String before, String filter, SortKey sort, Long quizId, boolean descending) {
        public PageRequest {
            after = after == null ? "" : after;
            before = before == null ? "" : before;
            filter = filter == null ? "" : filter.strip();
            sort = sort == null ? SortKey.username : sort;
        }

        public PageRequest(String after, String before, String filter) {
            this(after, before, filter, SortKey.username, null, false);
        }

        /** The sort as its query parameter: {@code name}, {@code quiz-12}… */
        public String sortParam() {
            return sort == SortKey.quiz ? "quiz-" + quizId : sort.name();
        }
    }

    /** One page of the gradebook; {@code first}/{@code last} are the usernames at its ends (for the links). */
    public record GradebookPage(List<Long> quizIds, List<String> quizTitles, List<Double> maxScores, List<Row> rows, long students,
            boolean hasPrevious, boolean hasNext, String filter, String sort, boolean descending) {
        public String first() {
            return rows.isEmpty() ? "" : rows.get(0).username();
        }

        public String last() {
            return rows.isEmpty() ? "" : rows.get(rows.size() - 1).username();
        }

        /** The query string that keeps the filter and the order (for the paging links). */
        public String keep() {
            return "q=" + GradebookTemplateExtensions.urlEncode(filter) + "&sort=" + sort + (descending ? "&dir=desc" : "");
        }

        /** The link that sorts by {@code key}: ascending, or descending when the page is already sorted by it ascending. */
        public String sortLink(String key) {
            boolean desc = key.equals(sort) && !descending;
            return "q=" + GradebookTemplateExtensions.urlEncode(filter) + "&sort=" + key + (desc ? "&dir=desc" : "");
        }

        /** The sort key of the quiz column at {@code index}. */
        public String quizKey(int index) {
            return "quiz-" + quizIds.get(index);
        }

        /** " ▲" or " ▼" after the header the page is sorted by (the header's aria-sort says it to screen readers). */
        public String arrow(String key) {
            return !key.equals(sort) ? "" : descending ? " ▼" : " ▲";
        }

        /** The aria-sort value of a column header. */
        public String ariaSort(String key) {
            return !key.equals(sort) ? "none" : descending ? "descending" : "ascending";
        }
    }

    /**
     * One page of students in the requested order: after {@code ?2} (or before {@code ?3}, then read backwards), whose
     * name or username contains {@code ?4} (an ILIKE pattern, '' for all), at most {@code ?5} of them; {@code ?6} is
     * the quiz sorted by. An order by a column of the account picks the page's students first and reads only their
     * attempts; an order by a score computes every matching student's scores (one aggregate) and keeps a page of them.
     * The cursor is the username at the page's end; its key is looked up in the same statement.
     */
    static String pageSql(SortKey sort, boolean descending, boolean backwards) {
        boolean ascending = descending == backwards; // the direction the statement reads in
        String cmpAfter = descending ? "<" : ">";
        String cmpBefore = descending ? ">" : "<";
        String dir = ascending ? "asc" : "desc";
        String shown = descending ? "desc" : "asc";
        if (sort.ofAccount()) {
            return pageSql(sort, descending, backwards, ", q as (select id, position from quiz where course_id = ?1 and not adaptive), " + QuizService.BEST_SCORES
                    + " select su.username, su.display_name, array_agg(b.best order by q.position, q.id), su.student_number, su.email,"
                    + " array_agg(coalesce(b.overridden, false) order by q.position, q.id)"
                    + " from scope_users su left join q on true left join best b on b.user_id = su.id and b.quiz_id = q.id"
                    + " group by su.id, su.username, su.display_name, su.student_number, su.email, su.k"
                    + " order by su.k " + shown + ", su.username " + shown);
        }
        String key = sort == SortKey.total ? "coalesce(sum(b.best), 0)" : "coalesce(max(b.best) filter (where q.id = ?6), -1)";
        return "with scope_users as (select u.id, u.username, u.display_name, u.student_number, u.email"
                + " from course_member m join app_user u on u.id = m.user_id where m.course_id = ?1 and m.role = 'student' and " + FILTER + "),"
                + " q as (select id, position from quiz where course_id = ?1 and not adaptive), " + QuizService.BEST_SCORES + ","
                + " all_rows as (select su.username, su.display_name, array_agg(b.best order by q.position, q.id) as bests, su.student_number, su.email,"
                + " array_agg(coalesce(b.overridden, false) order by q.position, q.id) as flags, " + key + " as k"
                + " from scope_users su left join q on true left join best b on b.user_id = su.id and b.quiz_id = q.id"
                + " group by su.id, su.username, su.display_name, su.student_number, su.email),"
                + " page as (select * from all_rows r"
                + " where (?2 = '' or (r.k, r.username) " + cmpAfter + " ((select k from all_rows where username = ?2), ?2))"
                + " and (?3 = '' or (r.k, r.username) " + cmpBefore + " ((select k from all_rows where username = ?3), ?3))"
                + " order by r.k " + dir + ", r.username " + dir + " limit ?5)"
                + " select username, display_name, bests, student_number, email, flags from page order by k " + shown + ", username " + shown;
    }

    /**
     * A page of students ordered by a column of their account: {@code scope_users(id, username, display_name,
     * student_number, email, k)} with the parameters of {@link #pageSql(SortKey, boolean, boolean)}, then {@code rest}
     * (", " and more common table expressions, or at once the select, which orders by {@code k} and {@code username}).
     */
    static String pageSql(SortKey sort, boolean descending, boolean backwards, String rest) {
        boolean ascending = descending == backwards;
        String cmpAfter = descending ? "<" : ">";
        String cmpBefore = descending ? ">" : "<";
        String dir = ascending ? "asc" : "desc";
        String key = sort.account("u");
        String cursorAfter = sort == SortKey.username ? "?2" : "(select " + sort.account("c") + " from app_user c where c.username = ?2)";
        String cursorBefore = sort == SortKey.username ? "?3" : "(select " + sort.account("c") + " from app_user c where c.username = ?3)";
        return "with scope_users as (select u.id, u.username, u.display_name, u.student_number, u.email, " + key + " as k"
                + " from course_member m join app_user u on u.id = m.user_id where m.course_id = ?1 and m.role = 'student'"
                + " and (?2 = '' or (" + key + ", u.username) " + cmpAfter + " (" + cursorAfter + ", ?2))"
                + " and (?3 = '' or (" + key + ", u.username) " + cmpBefore + " (" + cursorBefore + ", ?3))"
                + " and " + FILTER + " order by " + key + " " + dir + ", u.username " + dir + " limit ?5)" + rest;
    }

    private static final String FILTER = "(?4 = '' or u.username ilike ?4 escape '\\' or u.display_name ilike ?4 escape '\\')";

    /** The number of students whose name or username matches the pattern {@code ?2} ('' for all). */
    static final String COUNT = """
            select count(*) from course_member m join app_user u on u.id = m.user_id
            where m.course_id = ?1 and m.role = 'student' and (?2 = '' or u.username ilike ?2 escape '\\' or u.display_name ilike ?2 escape '\\')""";

    /** A filter as an ILIKE pattern with % and _ taken literally ('' for none). */
    static String pattern(String filter) {
        return filter.isEmpty() ? "" : "%" + filter.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** A page of at most {@link #PAGE_SIZE} students in four statements (columns, the page with one extra row to know if more follow, the count). */
    @Transactional
    public GradebookPage page(Course course, String lang, PageRequest request) {
        Columns columns = columns(course, lang);
        if (request.sort() == SortKey.quiz && !columns.quizIds().contains(request.quizId())) {
            throw new jakarta.ws.rs.BadRequestException("no quiz " + request.quizId() + " in this course to sort by");
        }
        String pattern = pattern(request.filter());
        org.hibernate.Session session = em.unwrap(org.hibernate.Session.class);
        session.setDefaultReadOnly(true);
        boolean backwards = !request.before().isEmpty();
        List<Row> rows = new ArrayList<>();
        var query = session.createNativeQuery(pageSql(request.sort(), request.descending(), backwards), Object[].class)
                .setParameter(1, course.id).setParameter(2, request.after()).setParameter(3, request.before()).setParameter(4, pattern)
                .setParameter(5, PAGE_SIZE + 1);
        if (request.sort() == SortKey.quiz) {
            query.setParameter(6, request.quizId());
        }
        for (Object[] r : query.getResultList()) {
            rows.add(row(r, columns.quizIds().size()));
        }
        boolean more = rows.size() > PAGE_SIZE;
        if (more) {
            rows.remove(backwards ? 0 : rows.size() - 1); // the extra row only says that another page exists
        }
        long students = ((Number) em.createNativeQuery(COUNT)
                .setParameter(1, course.id).setParameter(2, pattern).getSingleResult()).longValue();
        boolean hasPrevious = backwards ? more : !request.after().isEmpty();
        boolean hasNext = backwards || more;
        return new GradebookPage(columns.quizIds(), columns.titles(), columns.maxScores(), rows, students, hasPrevious, hasNext,
                request.filter(), request.sortParam(), request.descending());
    }

    /** Per exercise and part of the course: answers, mean score, share right, named mistakes (see {@link StatisticsSummary}). */
    public List<PartStats> statistics(Course course) {
        return summary.statistics(course.id);
    }
}
