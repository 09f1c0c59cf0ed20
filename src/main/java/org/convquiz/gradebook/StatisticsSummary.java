package org.convquiz.gradebook;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convquiz.ConvQuizConfig;
import org.convquiz.exercise.Grader;
import org.jboss.logging.Logger;

/**
 * Per-exercise statistics of a course without scanning all its submissions: a summary per (course, exercise
 * version, part) is folded in up to a watermark in the background, and a page adds the live aggregate of the
 * few submissions after it. Both halves are plain SQL aggregates; the page merges at most a few rows per part.
 */
@ApplicationScoped
public class StatisticsSummary {
    private static final Logger LOG = Logger.getLogger(StatisticsSummary.class);

    @Inject
    EntityManager em;

    @Inject
    ConvQuizConfig config;

    /** The submissions of a course joined to their course: {@code s} with its course in {@code q.course_id}. */
    private static final String SUBMISSIONS = """
            from submission s join attempt_item ai on ai.id = s.attempt_item_id join attempt a on a.id = ai.attempt_id
            join quiz q on q.id = a.quiz_id""";

    /**
     * Every mistake a submission names (the comma-separated {@code misconceptions}; rows stored before they were
     * kept have only the first, in {@code misconception}), one row each: a second possible mistake counts too.
     */
    private static final String NAMED = """

            cross join lateral unnest(string_to_array(coalesce(s.misconceptions, s.misconception), ',')) as m(id)""";

    @Scheduled(every = "${convquiz.statistics-fold:60s}", delayed = "20s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledFold() {
        try {
            long folded = fold(config.statisticsSettle());
            if (folded > 0) {
                LOG.debugf("Statistics: folded %d submissions into the summary", folded);
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "Statistics fold failed; the pages stay right (they add what is not folded) and it is retried");
        }
    }

    /**
     * Folds the submissions stored more than {@code settle} ago into the summary and moves the watermark past
     * them; returns how many. The watermark row's lock makes instances fold one at a time. The settle time keeps
     * a submission whose transaction is still open (its id taken, not yet visible) from being skipped.
     */
    @Transactional
    public long fold(Duration settle) {
        long from = ((Number) em.createNativeQuery("select folded_up_to from statistics_watermark where id = 1 for update")
                .getSingleResult()).longValue();
        Number to = (Number) em.createNativeQuery("select max(id) from submission where id > ?1 and created_at < now() - make_interval(secs => ?2)")
                .setParameter(1, from).setParameter(2, (double) settle.toMillis() / 1000).getSingleResult();
        if (to == null) {
            return 0;
        }
        long upTo = to.longValue();
        long rows = ((Number) em.createNativeQuery("select count(*) from submission where id > ?1 and id <= ?2")
                .setParameter(1, from).setParameter(2, upTo).getSingleResult()).longValue();
        em.createNativeQuery("""
                insert into statistics_summary (course_id, exercise_version_id, part_id, answers, ratio_sum, correct)
                select q.course_id, s.exercise_version_id, s.part_id, count(*), sum(s.score / s.max_score),
                       count(*) filter (where s.status = 'CORRECT')
                """ + SUBMISSIONS + """
                 where s.id > ?1 and s.id <= ?2 and s.max_score > 0
                group by q.course_id, s.exercise_version_id, s.part_id
                on conflict (course_id, exercise_version_id, part_id) do update set
                  answers = statistics_summary.answers + excluded.answers, ratio_sum = statistics_summary.ratio_sum + excluded.ratio_sum,
                  correct = statistics_summary.correct + excluded.correct""").setParameter(1, from).setParameter(2, upTo).executeUpdate();
        em.createNativeQuery("""
                insert into statistics_mistake (course_id, exercise_version_id, part_id, misconception, answers)
                select q.course_id, s.exercise_version_id, s.part_id, m.id, count(*)
                """ + SUBMISSIONS + NAMED + """
                 where s.id > ?1 and s.id <= ?2
                group by q.course_id, s.exercise_version_id, s.part_id, m.id
                on conflict (course_id, exercise_version_id, part_id, misconception) do update set
                  answers = statistics_mistake.answers + excluded.answers""").setParameter(1, from).setParameter(2, upTo).executeUpdate();
        em.createNativeQuery("update statistics_watermark set folded_up_to = ?1 where id = 1").setParameter(1, upTo).executeUpdate();
        return rows;
    }

    /** A course's statistics per exercise and part: the summary plus what came after the watermark (five statements). */
    @Transactional
    public List<GradebookService.PartStats> statistics(long courseId) {
        long watermark = ((Number) em.createNativeQuery("select folded_up_to from statistics_watermark where id = 1").getSingleResult()).longValue();
        Map<String, double[]> totals = new LinkedHashMap<>(); // slug/part → answers, ratio sum, correct
        for (Object[] r : rows("""
                select e.slug, t.part_id, sum(t.answers), sum(t.ratio_sum), sum(t.correct) from statistics_summary t
                join exercise_version v on v.id = t.exercise_version_id join exercise e on e.id = v.exercise_id
                where t.course_id = ?1 group by e.slug, t.part_id""", courseId, null)) {
            add(totals, r);
        }
        for (Object[] r : rows("""
                select e.slug, s.part_id, count(*), sum(s.score / s.max_score), count(*) filter (where s.status = 'CORRECT')
                """ + SUBMISSIONS + """
                 join exercise_version v on v.id = s.exercise_version_id join exercise e on e.id = v.exercise_id
                where q.course_id = ?1 and s.id > ?2 and s.max_score > 0 group by e.slug, s.part_id""", courseId, watermark)) {
            add(totals, r);
        }
        Map<String, Map<String, Long>> mistakes = new LinkedHashMap<>();
        for (String sql : new String[] {"""
                select e.slug, t.part_id, t.misconception, sum(t.answers) from statistics_mistake t
                join exercise_version v on v.id = t.exercise_version_id join exercise e on e.id = v.exercise_id
                where t.course_id = ?1 group by e.slug, t.part_id, t.misconception""", """
                select e.slug, s.part_id, m.id, count(*)
                """ + SUBMISSIONS + NAMED + """
                 join exercise_version v on v.id = s.exercise_version_id join exercise e on e.id = v.exercise_id
                where q.course_id = ?1 and s.id > ?2 group by e.slug, s.part_id, m.id"""}) {
            for (Object[] r : rows(sql, courseId, sql.contains("?2") ? watermark : null)) {
                mistakes.computeIfAbsent(r[0] + "/" + r[1], k -> new LinkedHashMap<>()).merge((String) r[2], ((Number) r[3]).longValue(), Long::sum);
            }
        }
        List<GradebookService.PartStats> out = new ArrayList<>();
        totals.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            String[] key = e.getKey().split("/", 2);
            double[] t = e.getValue();
            Map<String, Long> named = new LinkedHashMap<>();
            mistakes.getOrDefault(e.getKey(), Map.of()).entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .forEach(m -> named.put(m.getKey(), m.getValue()));
            out.add(new GradebookService.PartStats(key[0], key[1], (long) t[0], Grader.round(100 * t[1] / t[0]),
                    Grader.round(100.0 * t[2] / t[0]), named));
        });
        return out;
    }

    private static void add(Map<String, double[]> totals, Object[] r) {
        double[] t = totals.computeIfAbsent(r[0] + "/" + r[1], k -> new double[3]);
        t[0] += ((Number) r[2]).doubleValue();
        t[1] += ((Number) r[3]).doubleValue();
        t[2] += ((Number) r[4]).doubleValue();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, long courseId, Long watermark) {
        var query = em.createNativeQuery(sql).setParameter(1, courseId);
        if (watermark != null) {
            query.setParameter(2, watermark);
        }
        return query.getResultList();
    }
}
