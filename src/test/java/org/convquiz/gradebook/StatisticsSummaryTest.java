package org.convquiz.gradebook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.convquiz.quiz.QuizService;
import org.convquiz.quiz.Session;
import org.convquiz.quiz.TestData;
import org.junit.jupiter.api.Test;

/**
 * Statistics are the same whether the submissions are folded into the summary or still counted live, and
 * across the boundary. Expected numbers worked by hand from the tutorial's exercise 3 (4×102×102; 3 points):
 * "4×101×101" scores 1 (one dimension of three), the right answer 3.
 */
@QuarkusTest
class StatisticsSummaryTest {
    @Inject
    TestData data;

    @Inject
    StatisticsSummary summary;

    private static void check(Session s, long attempt, String answer) {
        s.page("/attempts/" + attempt);
        s.post("/attempts/" + attempt + "/items/0", "idempotency", s.idempotency(0), "a.0.shape", answer).then().statusCode(303);
    }

    private static GradebookService.PartStats only(List<GradebookService.PartStats> stats) {
        assertEquals(1, stats.size(), stats.toString());
        return stats.get(0);
    }

    @Test
    void summaryPlusLiveEqualsTheWholeAcrossAFold() {
        var w = data.world(QuizService.Settings.practice(), "padding-output-shape");
        Session student = Session.login(w.student(), TestData.PASSWORD);
        long a = student.start(w.courseId(), w.quizId());
        data.pinVariants(a);
        check(student, a, "4×101×101");
        Session other = Session.login(w.other(), TestData.PASSWORD);
        long b = other.start(w.courseId(), w.quizId());
        data.pinVariants(b);
        check(other, b, "4×102×102");

        // Live only: 2 answers, mean (1/3 + 3/3) / 2 = 66.67%, one fully right = 50%, forgot_plus_one once.
        var live = only(summary.statistics(w.courseId()));
        assertEquals(2, live.answers());
        assertEquals(66.67, live.meanPercent(), 0.01);
        assertEquals(50.0, live.correctPercent(), 0.01);
        assertEquals(Map.of("forgot_plus_one", 1L), live.misconceptions());

        summary.fold(Duration.ofHours(1)); // nothing is that old: nothing folded, nothing changes
        assertEquals(live, only(summary.statistics(w.courseId())));
        summary.fold(Duration.ZERO); // everything folded
        assertEquals(live, only(summary.statistics(w.courseId())));

        // One more after the fold: summary (2) + live (1). 4×101×101 again: mean (1 + 3 + 1) / 9 = 55.56%, right 1 of 3.
        check(student, a, "4×101×101");
        var across = only(summary.statistics(w.courseId()));
        assertEquals(3, across.answers());
        assertEquals(55.56, across.meanPercent(), 0.01);
        assertEquals(33.33, across.correctPercent(), 0.01);
        assertEquals(Map.of("forgot_plus_one", 2L), across.misconceptions());
        summary.fold(Duration.ZERO);
        assertEquals(across, only(summary.statistics(w.courseId())), "folding twice counts nothing twice");
    }

    /** A submission that names two possible mistakes counts for both (the statistics used to count only the first). */
    @Test
    void everyNamedMistakeIsCounted() {
        var w = data.world(QuizService.Settings.practice(), "padding-output-shape");
        Session student = Session.login(w.student(), TestData.PASSWORD);
        long a = student.start(w.courseId(), w.quizId());
        check(student, a, "4×101×101");
        data.nameMistakes(a, "forgot_plus_one", "padding_one_side");
        assertEquals(Map.of("forgot_plus_one", 1L, "padding_one_side", 1L), only(summary.statistics(w.courseId())).misconceptions());
        summary.fold(Duration.ZERO);
        assertEquals(Map.of("forgot_plus_one", 1L, "padding_one_side", 1L), only(summary.statistics(w.courseId())).misconceptions());
    }
}
