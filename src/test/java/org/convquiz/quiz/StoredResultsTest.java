package org.convquiz.quiz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.convquiz.quiz.QuizService.Settings;
import org.junit.jupiter.api.Test;

/** The attempt page shows what was stored when the answer was graded; a failing hand-in is logged, not swallowed. */
@QuarkusTest
class StoredResultsTest {
    @Inject
    TestData data;

    @Inject
    DeadlineSweeper sweeper;

    @Test
    void theAttemptPageShowsTheStoredFeedbackWithoutGradingAgain() {
        var world = data.world(Settings.practice(), "padding-output-shape");
        Session s = Session.login(world.student(), TestData.PASSWORD);
        long attempt = s.start(world.courseId(), world.quizId());
        s.page("/attempts/" + attempt);
        s.post("/attempts/" + attempt + "/items/0", "idempotency", s.idempotency(0), "a.0.shape", "1×2×3").then().statusCode(303);
        List<Submission> stored = data.submissions(attempt);
        // 1×2×3 is no output shape of this exercise (its channels and sides are larger), so the part is wrong.
        assertTrue(stored.get(0).feedbackEn.startsWith("Not right"), "the grader's feedback is stored: " + stored.get(0).feedbackEn);
        assertTrue(stored.get(0).feedbackZh.startsWith("不正确"), stored.get(0).feedbackZh);
        String graded = stored.get(0).feedbackEn;
        // Had the page graded again, it would say "Not right…"; it shows the stored row.
        data.overwriteStoredFeedback(attempt, "Stored feedback marker");
        String page = s.request().header("Accept-Language", "en").get("/attempts/" + attempt).then().statusCode(200).extract().asString();
        assertTrue(page.contains("Stored feedback marker"), "the stored feedback is shown");
        assertFalse(page.contains(graded), "nothing is graded again");
    }

    @Test
    void aHandInThatFailsIsLoggedWithItsAttemptId() {
        var world = data.world(new Settings(Quiz.Mode.exam, Quiz.Reveal.after_submit, null, null, 30, null), "padding-output-shape");
        Session s = Session.login(world.student(), TestData.PASSWORD);
        long attempt = s.start(world.courseId(), world.quizId());
        data.breakFirstQuestion(attempt);
        data.moveDeadline(attempt, OffsetDateTime.now().minusSeconds(1));
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord r) {
                records.add(r);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(DeadlineSweeper.class.getName());
        logger.addHandler(handler);
        try {
            sweeper.sweep();
        } finally {
            logger.removeHandler(handler);
        }
        assertTrue(records.stream().anyMatch(r -> r.getLevel().intValue() >= Level.WARNING.intValue()
                && String.valueOf(r.getMessage()).contains("could not hand in attempt")
                && r.getParameters() != null && List.of(r.getParameters()).contains(attempt)
                || String.valueOf(r.getMessage()).contains("attempt " + attempt)), records.stream().map(LogRecord::getMessage).toList().toString());
        assertEquals(false, data.attemptState(attempt).get("submitted"), "left open for the next sweep");
    }
}
