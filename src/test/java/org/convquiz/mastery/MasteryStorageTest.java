package org.convquiz.mastery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.convquiz.account.User;
import org.convquiz.quiz.QuizService;
import org.convquiz.quiz.TestData;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

/** The estimates move in the transaction that stores the submissions, once per stored answer, at a fixed cost. */
@QuarkusTest
class MasteryStorageTest {
    @Inject
    TestData data;

    @Inject
    QuizService quizzes;

    @Inject
    EntityManager em;

    @Inject
    SessionFactory sessions;

    @Transactional
    User user(String name) {
        return User.findByUsername(name).orElseThrow();
    }

    @Transactional
    Map<String, double[]> rows(long courseId, String username) {
        Map<String, double[]> out = new HashMap<>();
        for (Object o : em.createNativeQuery("select m.concept, m.p_known, m.observations from mastery m join app_user u on u.id = m.user_id"
                + " where m.course_id = ?1 and u.username = ?2").setParameter(1, courseId).setParameter(2, username).getResultList()) {
            Object[] r = (Object[]) o;
            out.put((String) r[0], new double[] {((Number) r[1]).doubleValue(), ((Number) r[2]).doubleValue()});
        }
        return out;
    }

    private long statements(Runnable r) {
        long before = sessions.getStatistics().getPrepareStatementCount();
        r.run();
        return sessions.getStatistics().getPrepareStatementCount() - before;
    }

    @Test
    void checkingAnAnswerMovesTheEstimateOnce() {
        // padding-output-shape, pinned: Conv2d(3, 4, k=3, padding=2) on 3×100×100 → 4×102×102 (3 points)
        var world = data.world(QuizService.Settings.practice(), "padding-output-shape", "padding-output-shape");
        User u = user(world.student());
        Instant now = Instant.now();
        long attempt = quizzes.start(world.quizId(), u, now).id;
        data.pinVariants(attempt);
        long first = statements(() -> quizzes.check(attempt, u, 0, Map.of("a.0.shape", List.of("4×101×101")), "t1", now));
        // 1 point of 3 (the + 1 forgotten, a padding mistake): posterior (1/3)(9/17) + (2/3)(1/33) = 331/1683, then + learning
        assertEquals(0.15 + 0.85 * 331 / 1683, rows(world.courseId(), world.student()).get("padding")[0], 1e-9);
        assertEquals(1, rows(world.courseId(), world.student()).get("padding")[1]);
        assertEquals(1, rows(world.courseId(), world.student()).size(), "only padding was tested");

        quizzes.check(attempt, u, 0, Map.of("a.0.shape", List.of("4×101×101")), "t1", now); // a resent form
        assertEquals(1, rows(world.courseId(), world.student()).get("padding")[1], "a resent form teaches nothing");

        long second = statements(() -> quizzes.check(attempt, u, 1, Map.of("a.1.shape", List.of("4×102×102")), "t2", now));
        // right: 0.317172·0.9 / (0.317172·0.9 + 0.682828·0.2) = 0.676401, + 0.323599·0.15 = 0.724940
        assertEquals(0.724940, rows(world.courseId(), world.student()).get("padding")[0], 1e-6);
        assertEquals(2, rows(world.courseId(), world.student()).get("padding")[1]);
        assertEquals(first, second, "the same statements whether the student has estimates yet or not");
        assertEquals(Map.of(), rows(world.courseId(), world.other()), "nobody else's estimates move");
    }

    @Test
    void handingInAnExamRecordsEveryQuestion() {
        var world = data.world(new QuizService.Settings(org.convquiz.quiz.Quiz.Mode.exam, org.convquiz.quiz.Quiz.Reveal.after_submit,
                null, null, 30, null), "padding-output-shape", "padding-output-shape");
        User u = user(world.student());
        Instant now = Instant.now();
        long attempt = quizzes.start(world.quizId(), u, now).id;
        data.pinVariants(attempt);
        // the channels swapped in both: 2 of 3 for padding, and a wrong answer for channels each time
        quizzes.submit(attempt, u, Map.of("a.0.shape", List.of("3×102×102"), "a.1.shape", List.of("3×102×102")), "x", now);
        Map<String, double[]> r = rows(world.courseId(), world.student());
        assertEquals(2, r.get("padding")[1]);
        assertEquals(2, r.get("channels")[1]);
        // channels wrong twice: 0.2 → 1/33 + (32/33)·0.15 = 0.175758;
        // then 0.0175758 / (0.0175758 + 0.824242·0.8) = 0.025962, + 0.974038·0.15 = 0.172068
        assertEquals(0.172068, r.get("channels")[0], 1e-6);
    }
}
