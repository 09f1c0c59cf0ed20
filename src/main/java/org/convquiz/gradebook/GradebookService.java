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
import org.convquiz.exercise.Grader;
import org.convquiz.quiz.Attempt;
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
    public record Row(String username, String displayName, List<Double> best, double total) {
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

    @Transactional
    public Gradebook gradebook(Course course, String lang, Instant now) {
        List<Quiz> list = Quiz.of(course);
        List<String> titles = list.stream().map(q -> q.title(lang)).toList();
        List<Double> max = new ArrayList<>();
        for (Quiz quiz : list) {
            max.add(quizzes.maxScore(quiz));
        }
        List<Row> rows = new ArrayList<>();
        for (CourseMember m : CourseMember.students(course)) {
            List<Double> best = new ArrayList<>();
            double total = 0;
            for (Quiz quiz : list) {
                Double b = null;
                for (Attempt a : Attempt.of(quiz, m.user)) {
                    quizzes.closeIfOverdue(a, now);
                    if (a.isSubmitted() || quiz.mode == Quiz.Mode.practice) {
                        double score = quizzes.score(a)[0];
                        b = b == null ? score : Math.max(b, score);
                    }
                }
                best.add(b);
                total += b == null ? 0 : b;
            }
            rows.add(new Row(m.user.username, m.user.displayName, best, Grader.round(total)));
        }
        return new Gradebook(titles, max, rows);
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
