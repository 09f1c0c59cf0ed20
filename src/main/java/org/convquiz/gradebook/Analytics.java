package org.convquiz.gradebook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.convquiz.account.Course;
import org.convquiz.exercise.Exercise;
import org.convquiz.exercise.ExerciseCatalog;
import org.convquiz.exercise.ExerciseDefinition;
import org.convquiz.exercise.ExerciseVersion;
import org.convquiz.exercise.Grader;
import org.convquiz.exercise.VariantFeatures;
import org.convquiz.quiz.QuizService;

/**
 * Misconception analytics of a course, every number an SQL aggregate (no loop over submissions in Java) and every page a
 * fixed number of statements: per exercise part the answers, mean, a score histogram, the discrimination index, the most
 * common wrong answers and mistakes, and the error rate by variant feature; per student the mistakes they keep making;
 * for the class a students × mistakes table, paged like the gradebook.
 */
@ApplicationScoped
public class Analytics {
    /** Histogram buckets of score / points: 0–20 %, 20–40 %, 40–60 %, 60–80 %, 80–100 % (100 % in the last). */
    public static final int BUCKETS = 5;
    /** Wrong answers listed per part. */
    static final int WRONG_ANSWERS = 5;

    @Inject
    EntityManager em;

    @Inject
    ExerciseCatalog catalog;

    /** Error rate of the answers whose variant has a feature, and of those whose variant has not. */
    public record FeatureRate(String feature, long withAnswers, long withWrong, long withoutAnswers, long withoutWrong) {
        /** The message that names the feature. */
        public String messageKey() {
            return "analytics_feature_" + feature;
        }

        public Double withPercent() {
            return withAnswers == 0 ? null : Grader.round(100.0 * withWrong / withAnswers);
        }

        public Double withoutPercent() {
            return withoutAnswers == 0 ? null : Grader.round(100.0 * withoutWrong / withoutAnswers);
        }
    }

    /** A wrong answer (as read, else as typed) given {@code count} times, and the mistake most often named with it. */
    public record WrongAnswer(String answer, long count, String misconception) {
    }

    /**
     * One part of an exercise across the course. {@code answers}: every graded submission with points to win;
     * {@code students}: who answered it; {@code meanPercent}: mean of score / points over the answers; {@code histogram}:
     * answers per bucket; {@code discrimination}: mean first-try score of the top 27 % of those students by course total
     * minus that of the bottom 27 % (null under two students); {@code unclassified}: answers whose variant's features are
     * not worked out yet.
     */
    public record PartAnalytics(String part, String label, long answers, long students, double meanPercent, double correctPercent,
            List<Long> histogram, Double discrimination, Integer groupSize, List<WrongAnswer> wrongAnswers, Map<String, Long> misconceptions,
            List<FeatureRate> features, long unclassified) {
    }

    public record ExerciseAnalytics(String slug, String title, List<PartAnalytics> parts) {
    }

    /** The submissions of one exercise in one course ({@code ?1} course, {@code ?2} slug), aliased {@code s}, {@code a}. */
    private static final String OF_EXERCISE = """
            from submission s join attempt_item ai on ai.id = s.attempt_item_id join attempt a on a.id = ai.attempt_id
            join quiz q on q.id = a.quiz_id join exercise_version v on v.id = s.exercise_version_id join exercise e on e.id = v.exercise_id
            where q.course_id = ?1 and e.slug = ?2""";

    private static String features() {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < VariantFeatures.NAMES.size(); i++) {
            int bit = 1 << i;
            sql.append(", count(*) filter (where (vf.features & ").append(bit).append(") <> 0)")
                    .append(", count(*) filter (where (vf.features & ").append(bit).append(") <> 0 and s.status <> 'CORRECT')")
                    .append(", count(*) filter (where (vf.features & ").append(bit).append(") = 0)")
                    .append(", count(*) filter (where (vf.features & ").append(bit).append(") = 0 and s.status <> 'CORRECT')");
        }
        return sql.toString();
    }

    private static final String PARTS = "select s.part_id, count(*), count(distinct a.user_id), avg(s.score / s.max_score),"
            + " count(*) filter (where s.status = 'CORRECT')"
            + ", count(*) filter (where s.score / s.max_score < 0.2)"
            + ", count(*) filter (where s.score / s.max_score >= 0.2 and s.score / s.max_score < 0.4)"
            + ", count(*) filter (where s.score / s.max_score >= 0.4 and s.score / s.max_score < 0.6)"
            + ", count(*) filter (where s.score / s.max_score >= 0.6 and s.score / s.max_score < 0.8)"
            + ", count(*) filter (where s.score / s.max_score >= 0.8)"
            + ", count(*) filter (where vf.features is null)" + features() + " "
            + OF_EXERCISE.replace("where q.course_id", "left join variant_feature vf on vf.exercise_version_id = s.exercise_version_id"
                    + " and vf.seed = s.seed where q.course_id")
            + " and s.max_score > 0 group by s.part_id";

    /**
     * Discrimination per part: each student's first answer to the part (before any feedback), the students ranked by
     * their course total (the gradebook's, overrides included; ties by account id), the mean first-try score of the top
     * ceil(27 %) minus that of the bottom ceil(27 %).
     */
    private static final String DISCRIMINATION = "with scope_users as (select distinct a.user_id as id " + OF_EXERCISE + "), "
            + QuizService.BEST_SCORES + ","
            + " totals as (select su.id as user_id, coalesce(sum(b.best), 0) as total from scope_users su left join best b on b.user_id = su.id group by su.id),"
            + " first_try as (select distinct on (a.user_id, s.part_id) a.user_id, s.part_id, s.score / s.max_score as ratio "
            + OF_EXERCISE + " and s.max_score > 0 order by a.user_id, s.part_id, s.id),"
            + " ranked as (select f.part_id, f.ratio, row_number() over (partition by f.part_id order by t.total desc, f.user_id) as hi,"
            + " row_number() over (partition by f.part_id order by t.total asc, f.user_id desc) as lo,"
            + " count(*) over (partition by f.part_id) as n from first_try f join totals t on t.user_id = f.user_id)"
            + " select part_id, max(n), cast(ceil(0.27 * max(n)) as int), avg(ratio) filter (where hi <= ceil(0.27 * n)),"
            + " avg(ratio) filter (where lo <= ceil(0.27 * n)) from ranked group by part_id";

    private static final String WRONG = "select part_id, answer, n, m from (select s.part_id, coalesce(s.parsed_answer, s.raw_answer) as answer,"
            + " count(*) as n, mode() within group (order by coalesce(s.misconceptions, s.misconception)) as m,"
            + " row_number() over (partition by s.part_id order by count(*) desc, coalesce(s.parsed_answer, s.raw_answer)) as rn "
            + OF_EXERCISE + " and s.status in ('WRONG', 'PARTIAL', 'UNREADABLE') group by s.part_id, coalesce(s.parsed_answer, s.raw_answer)) w"
            + " where rn <= " + WRONG_ANSWERS + " order by part_id, rn";

    private static final String MISTAKES = "select s.part_id, m.id, count(*) " + OF_EXERCISE.replace("where q.course_id",
            "cross join lateral unnest(string_to_array(coalesce(s.misconceptions, s.misconception), ',')) as m(id) where q.course_id")
            + " group by s.part_id, m.id order by s.part_id, count(*) desc, m.id";

    /** One exercise's analytics in the course: the exercise and its latest version (two statements) and four aggregates. */
    @Transactional
    public ExerciseAnalytics exercise(Course course, String slug, String lang) {
        Exercise exercise = Exercise.find("slug", slug).firstResult();
        if (exercise == null) {
            throw new NotFoundException("no exercise " + slug);
        }
        ExerciseDefinition definition = catalog.definition(ExerciseVersion.latest(exercise).orElseThrow(() -> new NotFoundException(slug)));
        Map<String, String> labels = new LinkedHashMap<>();
        definition.spec().parts().forEach(p -> labels.put(p.id(), p.label().in(lang)));
        Map<String, Object[]> parts = new TreeMap<>();
        rows(PARTS, course.id, slug).forEach(r -> parts.put((String) r[0], r));
        Map<String, Object[]> discrimination = new LinkedHashMap<>();
        rows(DISCRIMINATION, course.id, slug).forEach(r -> discrimination.put((String) r[0], r));
        Map<String, List<WrongAnswer>> wrong = new LinkedHashMap<>();
        rows(WRONG, course.id, slug).forEach(r -> wrong.computeIfAbsent((String) r[0], k -> new ArrayList<>())
                .add(new WrongAnswer((String) r[1], ((Number) r[2]).longValue(), first((String) r[3]))));
        Map<String, Map<String, Long>> mistakes = new LinkedHashMap<>();
        rows(MISTAKES, course.id, slug).forEach(r -> mistakes.computeIfAbsent((String) r[0], k -> new LinkedHashMap<>())
                .put((String) r[1], ((Number) r[2]).longValue()));
        List<String> order = new ArrayList<>(labels.keySet());
        parts.keySet().stream().filter(p -> !labels.containsKey(p)).forEach(order::add); // parts of older versions
        List<PartAnalytics> out = new ArrayList<>();
        for (String part : order) {
            Object[] r = parts.get(part);
            if (r == null) {
                continue;
            }
            long answers = n(r[1]);
            List<Long> histogram = new ArrayList<>();
            for (int i = 0; i < BUCKETS; i++) {
                histogram.add(n(r[5 + i]));
            }
            List<FeatureRate> features = new ArrayList<>();
            for (int i = 0; i < VariantFeatures.NAMES.size(); i++) {
                int c = 11 + 4 * i;
                features.add(new FeatureRate(VariantFeatures.NAMES.get(i), n(r[c]), n(r[c + 1]), n(r[c + 2]), n(r[c + 3])));
            }
            Object[] d = discrimination.get(part);
            Double index = d == null || n(d[1]) < 2 || d[3] == null || d[4] == null ? null
                    : Grader.round(((Number) d[3]).doubleValue() - ((Number) d[4]).doubleValue());
            out.add(new PartAnalytics(part, labels.getOrDefault(part, part), answers, n(r[2]), Grader.round(100 * ((Number) r[3]).doubleValue()),
                    Grader.round(100.0 * n(r[4]) / answers), histogram, index, d == null ? null : ((Number) d[2]).intValue(),
                    wrong.getOrDefault(part, List.of()), mistakes.getOrDefault(part, Map.of()), features, n(r[10])));
        }
        return new ExerciseAnalytics(slug, definition.spec().title().in(lang), out);
    }

    /** A mistake the student made, how often, in how many quizzes, and in which exercises. */
    public record StudentMistake(String misconception, long count, long quizzes, List<String> exercises) {
    }

    /** One student's mistakes across all quizzes of the course, most frequent first (one statement). */
    @Transactional
    public List<StudentMistake> profile(long courseId, long userId) {
        List<StudentMistake> out = new ArrayList<>();
        for (Object[] r : rows("""
                select m.id, count(*), count(distinct a.quiz_id), string_agg(distinct e.slug, ',')
                from submission s join attempt_item ai on ai.id = s.attempt_item_id join attempt a on a.id = ai.attempt_id
                join quiz q on q.id = a.quiz_id join exercise_version v on v.id = s.exercise_version_id join exercise e on e.id = v.exercise_id
                cross join lateral unnest(string_to_array(coalesce(s.misconceptions, s.misconception), ',')) as m(id)
                where q.course_id = ?1 and a.user_id = ?2 and coalesce(s.misconceptions, s.misconception) is not null group by m.id order by count(*) desc, m.id""", courseId, userId)) {
            out.add(new StudentMistake((String) r[0], n(r[1]), n(r[2]), List.of(((String) r[3]).split(","))));
        }
        return out;
    }

    /** A column of the heat map: a mistake named in the course, how often, and the exercises it was named in. */
    public record MistakeColumn(String misconception, long count, List<String> exercises) {
    }

    /** A row of the heat map: a student and how often each column's mistake was named in their answers. */
    public record HeatRow(String username, String displayName, List<Long> counts) {
    }

    public record HeatMap(List<MistakeColumn> columns, List<HeatRow> rows, long students, boolean hasPrevious, boolean hasNext,
            String filter, long max) {
        public String first() {
            return rows.isEmpty() ? "" : rows.get(0).username();
        }

        public String last() {
            return rows.isEmpty() ? "" : rows.get(rows.size() - 1).username();
        }
    }

    /**
     * The course's mistakes with the exercises they were named in: the folded summary plus the submissions after its
     * watermark (three statements), as on the statistics page. Only submissions that name a mistake are joined (a third
     * of them in the bench): 0.5 s instead of 0.9 s at 10⁶ unfolded submissions.
     */
    List<MistakeColumn> columns(long courseId) {
        long watermark = ((Number) em.createNativeQuery("select folded_up_to from statistics_watermark where id = 1").getSingleResult()).longValue();
        Map<String, Map<String, Long>> named = new LinkedHashMap<>();
        for (Object[] r : rows("""
                select t.misconception, e.slug, sum(t.answers) from statistics_mistake t
                join exercise_version v on v.id = t.exercise_version_id join exercise e on e.id = v.exercise_id
                where t.course_id = ?1 group by t.misconception, e.slug""", courseId)) {
            named.computeIfAbsent((String) r[0], k -> new TreeMap<>()).merge((String) r[1], n(r[2]), Long::sum);
        }
        for (Object[] r : rows("""
                select m.id, e.slug, count(*)
                from submission s join attempt_item ai on ai.id = s.attempt_item_id join attempt a on a.id = ai.attempt_id
                join quiz q on q.id = a.quiz_id join exercise_version v on v.id = s.exercise_version_id join exercise e on e.id = v.exercise_id
                cross join lateral unnest(string_to_array(coalesce(s.misconceptions, s.misconception), ',')) as m(id)
                where q.course_id = ?1 and s.id > ?2 and coalesce(s.misconceptions, s.misconception) is not null group by m.id, e.slug""", courseId, watermark)) {
            named.computeIfAbsent((String) r[0], k -> new TreeMap<>()).merge((String) r[1], n(r[2]), Long::sum);
        }
        return named.entrySet().stream()
                .map(e -> new MistakeColumn(e.getKey(), e.getValue().values().stream().mapToLong(Long::longValue).sum(), List.copyOf(e.getValue().keySet())))
                .sorted(java.util.Comparator.comparingLong(MistakeColumn::count).reversed().thenComparing(MistakeColumn::misconception))
                .toList();
    }

    /** A page of the heat map: columns (three statements), the page's students' counts (one), the number of students (one). */
    @Transactional
    public HeatMap heatMap(Course course, GradebookService.PageRequest request) {
        List<MistakeColumn> columns = columns(course.id);
        Map<String, Integer> index = new LinkedHashMap<>();
        columns.forEach(c -> index.put(c.misconception(), index.size()));
        String pattern = GradebookService.pattern(request.filter());
        boolean backwards = !request.before().isEmpty();
        List<HeatRow> rows = new ArrayList<>();
        long max = 0;
        for (Object[] r : rows(GradebookService.pageSql(GradebookService.SortKey.username, false, backwards, """

                select su.username, su.display_name, array_agg(c.id order by c.id), array_agg(c.n order by c.id)
                from scope_users su left join (select a.user_id, m.id, count(*) as n from scope_users u join attempt a on a.user_id = u.id
                  join quiz q on q.id = a.quiz_id join attempt_item ai on ai.attempt_id = a.id join submission s on s.attempt_item_id = ai.id
                  cross join lateral unnest(string_to_array(coalesce(s.misconceptions, s.misconception), ',')) as m(id)
                  where q.course_id = ?1 and coalesce(s.misconceptions, s.misconception) is not null group by a.user_id, m.id) c on c.user_id = su.id
                group by su.id, su.username, su.display_name, su.k order by su.k, su.username"""),
                course.id, request.after(), request.before(), pattern, GradebookService.PAGE_SIZE + 1)) {
            Long[] counts = new Long[columns.size()];
            java.util.Arrays.fill(counts, 0L);
            Object[] ids = GradebookService.toArray(r[2]);
            Object[] ns = GradebookService.toArray(r[3]);
            for (int i = 0; i < ids.length; i++) {
                Integer at = ids[i] == null ? null : index.get((String) ids[i]);
                if (at != null) {
                    counts[at] = n(ns[i]);
                    max = Math.max(max, counts[at]);
                }
            }
            rows.add(new HeatRow((String) r[0], (String) r[1], List.of(counts)));
        }
        boolean more = rows.size() > GradebookService.PAGE_SIZE;
        if (more) {
            rows.remove(backwards ? 0 : rows.size() - 1);
        }
        long students = ((Number) rows(GradebookService.COUNT, course.id, pattern).get(0)[0]).longValue();
        return new HeatMap(columns, rows, students, backwards ? more : !request.after().isEmpty(), backwards || more, request.filter(), max);
    }

    private static String first(String ids) {
        return ids == null || ids.isBlank() ? "" : ids.split(",")[0];
    }

    private static long n(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Object... params) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
        List<?> result = query.getResultList();
        return result.stream().map(r -> r instanceof Object[] a ? a : new Object[] {r}).toList();
    }
}
