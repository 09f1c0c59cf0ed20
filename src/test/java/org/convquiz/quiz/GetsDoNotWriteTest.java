package org.convquiz.quiz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.convquiz.quiz.QuizService.Settings;
import org.junit.jupiter.api.Test;

/**
 * A GET stores nothing, not even when it shows an exam whose time ran out: the course page and the attempt page
 * show it handed in with its score, and the sweeper (or the next POST) stores exactly what they showed.
 */
@QuarkusTest
class GetsDoNotWriteTest {
    /** Tokens that differ between two renderings of the same page. */
    private static final Pattern TOKENS = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|name=\"csrf-token\" value=\"[^\"]*\"");
    private static final Pattern ATTEMPT_SCORE = Pattern.compile("data-testid=\"attempt-score\">([^<]*)<");
    private static final Pattern BEST = Pattern.compile("Your best score: ([^<]*)<");

    @Inject
    TestData data;

    @Inject
    DeadlineSweeper sweeper;

    @Inject
    EntityManager em;

    /** An exam of two questions whose time ran out: question 1 has the right answer as a draft, question 2 nothing. */
    private record Overdue(Session session, TestData.World world, long attempt) {
    }

    private Overdue overdueExam() {
        var world = data.world(new Settings(Quiz.Mode.exam, Quiz.Reveal.after_submit, null, null, 30, null), "padding-output-shape",
                "fig2-padding");
        Session s = Session.login(world.student(), TestData.PASSWORD);
        long attempt = s.start(world.courseId(), world.quizId());
        assertEquals("padding-output-shape", data.question(attempt, 0).definition().spec().id());
        data.pinVariants(attempt); // the tutorial's exercise 3: Conv2d(3, 4, kernel_size=3, padding=2) on 3×100×100
        s.page("/attempts/" + attempt);
        // 100 + 2·2 − 3 + 1 = 102, worked by hand; the part is worth 3 points (exercises/padding-output-shape.yaml)
        List<String> saving = WriteCounter.during(() -> s.post("/attempts/" + attempt + "/drafts", "position", "0", "part", "shape",
                "a.0.shape", "4×102×102").then().statusCode(204));
        assertFalse(saving.isEmpty(), "the counter sees a POST that stores a draft");
        data.moveDeadline(attempt, OffsetDateTime.now().minusSeconds(1));
        return new Overdue(s, world, attempt);
    }

    private static String en(Session s, String path) {
        return s.request().header("Accept-Language", "en").get(path).then().statusCode(200).extract().asString();
    }

    private static String first(Pattern p, String page) {
        Matcher m = p.matcher(page);
        assertTrue(m.find(), p + " not on the page");
        return m.group(1);
    }

    private Object storedScore(long attempt) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("select score from attempt where id = ?1")
                .setParameter(1, attempt).getSingleResult());
    }

    @Test
    void pagesShowAnOverdueExamHandedInWithoutStoringAndTheSweeperStoresWhatTheyShowed() {
        Overdue o = overdueExam();
        String[] pages = new String[2];
        List<String> writes = WriteCounter.during(() -> {
            pages[0] = en(o.session(), "/attempts/" + o.attempt());
            pages[1] = en(o.session(), "/courses/" + o.world().courseId());
        });
        assertEquals(List.of(), writes, "the GETs wrote");
        assertTrue(first(ATTEMPT_SCORE, pages[0]).startsWith("Score: 3 / "), first(ATTEMPT_SCORE, pages[0]));
        assertTrue(first(BEST, pages[1]).startsWith("3 / "), first(BEST, pages[1]));
        assertEquals(false, data.attemptState(o.attempt()).get("submitted"), "nothing handed in by looking");
        assertEquals(List.of(), data.submissions(o.attempt()));

        sweeper.sweep();
        assertEquals(true, data.attemptState(o.attempt()).get("submitted"));
        List<Submission> stored = data.submissions(o.attempt());
        assertEquals("CORRECT", stored.get(0).status);
        assertTrue(stored.subList(1, stored.size()).stream().allMatch(s -> s.status.equals("EMPTY")), "question 2 had no draft");
        assertEquals(3.0, stored.get(0).score);
        assertEquals(3.0, ((Number) storedScore(o.attempt())).doubleValue(), "attempt.score, which the best-score rule reads");
        // the pages now read the stored rows and show the same, to the last character
        assertEquals(TOKENS.matcher(pages[0]).replaceAll(""), TOKENS.matcher(en(o.session(), "/attempts/" + o.attempt())).replaceAll(""));
        assertEquals(TOKENS.matcher(pages[1]).replaceAll(""),
                TOKENS.matcher(en(o.session(), "/courses/" + o.world().courseId())).replaceAll(""));
    }

    @Test
    void theNextStartHandsTheOverdueExamInWithTheScoreThePageShowed() {
        Overdue o = overdueExam();
        String shown = first(ATTEMPT_SCORE, en(o.session(), "/attempts/" + o.attempt()));
        o.session().page("/courses/" + o.world().courseId());
        o.session().post("/quizzes/" + o.world().quizId() + "/attempts").then().statusCode(303);
        assertEquals(true, data.attemptState(o.attempt()).get("submitted"));
        assertEquals(3.0, ((Number) storedScore(o.attempt())).doubleValue());
        assertEquals(shown, first(ATTEMPT_SCORE, en(o.session(), "/attempts/" + o.attempt())));
    }

    @Test
    void historyAndProgressPagesWriteNothing() {
        Overdue o = overdueExam();
        assertEquals(List.of(), WriteCounter.during(() -> {
            en(o.session(), "/history");
            en(o.session(), "/progress");
            en(o.session(), "/courses");
        }));
    }
}
