package org.convquiz.quiz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.convquiz.quiz.QuizService.Settings;
import org.junit.jupiter.api.Test;

/**
 * A matrix answer with blank cells (issue 16): the filled cells are graded and each blank one counts as
 * wrong, the same way in practice and in an exam; the blank cells come back empty and marked. The right
 * answer is the tutorial's figure 1: [[0,1,2],[3,4,5],[6,7,8]] ⋆ [[0,1],[2,3]] = [[19, 25], [37, 43]]
 * (fig1-cross-correlation pinned to the tutorial's numbers; 4 points, one per cell).
 */
@QuarkusTest
class HalfFilledGridTest {
    @Inject
    TestData data;

    private record Started(Session s, long attempt) {
    }

    /** A student of a new course whose quiz is fig1-cross-correlation, started, pinned to the tutorial's numbers and opened. */
    private Started start(Settings settings) {
        var world = data.world(settings, "fig1-cross-correlation");
        Session s = Session.login(world.student(), TestData.PASSWORD);
        long attempt = s.start(world.courseId(), world.quizId());
        data.pinVariants(attempt);
        s.page("/attempts/" + attempt);
        return new Started(s, attempt);
    }

    @Test
    void practiceGradesTheFilledCellsAndMarksTheBlankOne() {
        Started started = start(Settings.practice());
        Session s = started.s();
        long attempt = started.attempt();
        s.post("/attempts/" + attempt + "/items/0", "idempotency", s.idempotency(0),
                "a.0.y.0.0", "19", "a.0.y.0.1", "25", "a.0.y.1.0", "37", "a.0.y.1.1", "").then().statusCode(303);

        List<Submission> stored = data.submissions(attempt);
        assertEquals(1, stored.size());
        Submission sub = stored.get(0);
        assertEquals("PARTIAL", sub.status);
        assertEquals(3.0, sub.score, 1e-9, "three right cells of four, the blank one wrong");
        assertEquals("[[19, 25], [37, ?]]", sub.rawAnswer, "the answer as typed keeps the blank");

        String page = s.page("/attempts/" + attempt);
        assertTrue(page.contains("left blank"), "the feedback says a cell was left blank");
        assertFalse(page.contains("is not a number"), "a blank is not an unreadable answer");
        assertTrue(page.matches("(?s).*class=\"cell blank\"[^>]*name=\"a\\.0\\.y\\.1\\.1\"[^>]*value=\"\".*"), "the blank cell comes back empty and marked");
        assertTrue(page.matches("(?s).*class=\"cell\"[^>]*name=\"a\\.0\\.y\\.0\\.0\"[^>]*value=\"19\".*"), "filled cells keep their values");
    }

    @Test
    void anExamHandInGradesAHalfFilledGridTheSameWay() {
        Started started = start(new Settings(Quiz.Mode.exam, Quiz.Reveal.after_submit, null, null, null, null));
        Session s = started.s();
        long attempt = started.attempt();
        // two cells filled, one of them wrong (24 for 25), two blank: 1 of 4 right
        s.post("/attempts/" + attempt + "/submit", "idempotency", s.idempotency(0),
                "a.0.y.0.0", "19", "a.0.y.0.1", "24", "a.0.y.1.0", " ", "a.0.y.1.1", "").then().statusCode(303);
        List<Submission> stored = data.submissions(attempt);
        assertEquals(1, stored.size());
        assertEquals("PARTIAL", stored.get(0).status);
        assertEquals(1.0, stored.get(0).score, 1e-9);
        String page = s.page("/attempts/" + attempt);
        assertTrue(page.contains("2 cells were left blank"), page);
    }

    @Test
    void onlyBlankOrWrongCellsScoreNothingAndSaySo() {
        Started started = start(Settings.practice());
        Session s = started.s();
        long attempt = started.attempt();
        s.post("/attempts/" + attempt + "/items/0", "idempotency", s.idempotency(0),
                "a.0.y.0.0", "1", "a.0.y.0.1", "", "a.0.y.1.0", "", "a.0.y.1.1", "").then().statusCode(303);
        Submission sub = data.submissions(attempt).get(0);
        assertEquals("WRONG", sub.status);
        assertEquals(0.0, sub.score, 1e-9);
        assertTrue(s.page("/attempts/" + attempt).contains("3 of 4 cells were left blank"));
    }
}
