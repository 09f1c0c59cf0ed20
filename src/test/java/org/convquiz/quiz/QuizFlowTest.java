package org.convquiz.quiz;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.List;
import org.convquiz.quiz.QuizService.Settings;
import org.junit.jupiter.api.Test;

/** The rules of taking quizzes, through HTTP as a browser would (form login, cookies, CSRF tokens). */
@QuarkusTest
class QuizFlowTest {
    @Inject
    TestData data;

    private static Settings exam(Quiz.Reveal reveal, Integer minutes, Integer attempts) {
        return new Settings(Quiz.Mode.exam, reveal, null, null, minutes, attempts);
    }

    /**
     * The right answer to padding-output-shape, the only exercise these flows grade: the attempt is pinned to
     * the tutorial's exercise 3 (Conv2d(3, 4, kernel_size=3, padding=2) on 3×100×100), whose output is
     * 4×102×102 (100 + 2·2 − 3 + 1 = 102, worked by hand).
     */
    private String reference(long attemptId, int position) {
        assertEquals("padding-output-shape", data.question(attemptId, position).definition().spec().id());
        data.pinVariants(attemptId);
        return "4×102×102";
    }

    @Test
    void aResentFormStoresOneSubmission() {
        var world = data.world(Settings.practice(), "padding-output-shape");
        Session s = Session.login(world.student(), TestData.PASSWORD);
        long attempt = s.start(world.courseId(), world.quizId());
        s.page("/attempts/" + attempt);
        String token = s.idempotency(0);
        String answer = reference(attempt, 0);
        for (int i = 0; i < 3; i++) { // a double click and a resent form
            s.post("/attempts/" + attempt + "/items/0", "idempotency", token, "a.0.shape", answer)
                    .then().statusCode(303).header("Location", endsWith("/attempts/" + attempt + "#q0"));
        }
        List<Submission> stored = data.submissions(attempt);
        assertEquals(1, stored.size());
        assertEquals("CORRECT", stored.get(0).status);
        assertEquals(answer, stored.get(0).rawAnswer);
        assertTrue(s.page("/attempts/" + attempt).contains("badge correct"));
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefusedAndStoreNothing() {
        var world = data.world(Settings.practice(), "padding-output-shape");
        Session s = Session.login(world.student(), TestData.PASSWORD);
        long attempt = s.start(world.courseId(), world.quizId());
        s.page("/attempts/" + attempt);
        s.request().formParam("idempotency", "x1").formParam("a.0.shape", "1×1×1")
                .when().post("/attempts/" + attempt + "/items/0").then().statusCode(400);
        s.request().formParam("csrf-token", "forged").formParam("idempotency", "x2").formParam("a.0.shape", "1×1×1")
                .when().post("/attempts/" + attempt + "/items/0").then().statusCode(400);
        assertEquals(0, data.submissions(attempt).size());
    }

    @Test
    void nobodyElseCanSeeOrAnswerAnAttempt() {
        var world = data.world(Settings.practice(), "padding-output-shape");
        Session owner = Session.login(world.student(), TestData.PASSWORD);
        long attempt = owner.start(world.courseId(), world.quizId());
        Session other = Session.login(world.other(), TestData.PASSWORD);
        other.page("/courses/" + world.courseId());
        other.get("/attempts/" + attempt).then().statusCode(404);
        other.post("/attempts/" + attempt + "/items/0", "idempotency", "t", "a.0.shape", "1").then().statusCode(404);
        other.post("/attempts/" + attempt + "/submit", "idempotency", "t").then().statusCode(404);
        other.post("/attempts/" + attempt + "/drafts", "position", "0", "part", "shape", "a.0.shape", "1").then().statusCode(404);
        assertEquals(0, data.submissions(attempt).size());

        var stranger = data.world(Settings.practice(), "padding-output-shape");
        Session outsider = Session.login(stranger.student(), TestData.PASSWORD);
        outsider.get("/courses/" + world.courseId()).then().statusCode(404);
        outsider.page("/courses");
        outsider.post("/quizzes/" + world.quizId() + "/attempts").then().statusCode(404);
    }

    @Test
    void pagesNeedASignedInUser() {
        io.restassured.RestAssured.given().redirects().follow(false).accept("text/html").when().get("/courses")
                .then().statusCode(302).header("Location", containsString("/login"));
        io.restassured.RestAssured.given().redirects().follow(false).accept("text/html").when().get("/attempts/1")
                .then().statusCode(302).header("Location", containsString("/login"));
    }

    @Test
    void examAnswersStayHiddenUntilHandedInAndDraftsAreGraded() {
        var world = data.world(exam(Quiz.Reveal.after_submit, 30, 2), "padding-output-shape");
        Session s = Session.login(world.student(), TestData.PASSWORD);
        long attempt = s.start(world.courseId(), world.quizId());
        String answer = reference(attempt, 0);
        String before = s.page("/attempts/" + attempt);
        assertFalse(before.contains(answer), () -> "the reference answer is not in the exam page: " + before.substring(Math.max(0, before.indexOf(answer) - 300), Math.min(before.length(), before.indexOf(answer) + 100)));
        // Drafts are saved as the student types; an exam cannot be graded question by question.
        s.post("/attempts/" + attempt + "/drafts", "position", "0", "part", "shape", "a.0.shape", answer).then().statusCode(204);
        s.post("/attempts/" + attempt + "/items/0", "idempotency", "k", "a.0.shape", answer).then().statusCode(409);
        assertFalse(s.page("/attempts/" + attempt).contains("badge correct"), "no feedback before handing in");
        // Hand in without the field: the saved draft is what gets graded.
        s.post("/attempts/" + attempt + "/submit", "idempotency", s.idempotency(0)).then().statusCode(303);
        List<Submission> stored = data.submissions(attempt);
        assertEquals(1, stored.size());
        assertEquals("CORRECT", stored.get(0).status);
        String after = s.page("/attempts/" + attempt);
        assertTrue(after.contains(answer), "revealed after handing in");
        // Handed in: no more drafts.
        s.post("/attempts/" + attempt + "/drafts", "position", "0", "part", "shape", "a.0.shape", "1").then().statusCode(409);
    }

    @Test
    void revealNeverKeepsTheAnswerHiddenAfterHandingIn() {
        var world = data.world(exam(Quiz.Reveal.never, null, null), "padding-output-shape");
        Session s = Session.login(world.student(), TestData.PASSWORD);
        long attempt = s.start(world.courseId(), world.quizId());
        String answer = reference(attempt, 0);
        s.page("/attempts/" + attempt);
        s.post("/attempts/" + attempt + "/submit", "idempotency", s.idempotency(0), "a.0.shape", "1×1×1").then().statusCode(303);
        String after = s.page("/attempts/" + attempt);
        assertTrue(after.contains("attempt-score"));
        assertFalse(after.contains(answer), "the reference never appears");
    }

    @Test
    void windowAndAttemptLimitAreEnforcedOnTheServer() {
        var world = data.world(exam(Quiz.Reveal.after_submit, 30, 1), "padding-output-shape");
        Session s = Session.login(world.student(), TestData.PASSWORD);
        long attempt = s.start(world.courseId(), world.quizId());
        s.page("/attempts/" + attempt);
        s.post("/attempts/" + attempt + "/submit", "idempotency", s.idempotency(0), "a.0.shape", "1").then().statusCode(303);
        s.page("/courses/" + world.courseId());
        s.post("/quizzes/" + world.quizId() + "/attempts").then().statusCode(409).body(containsString("all your attempts"));

        var timed = data.world(exam(Quiz.Reveal.after_submit, 30, null), "padding-output-shape");
        Session t = Session.login(timed.student(), TestData.PASSWORD);
        data.moveQuizWindow(timed.quizId(), OffsetDateTime.now().plusDays(1), OffsetDateTime.now().plusDays(2));
        t.page("/courses/" + timed.courseId());
        t.post("/quizzes/" + timed.quizId() + "/attempts").then().statusCode(409).body(containsString("not open yet"));
        data.moveQuizWindow(timed.quizId(), OffsetDateTime.now().minusDays(2), OffsetDateTime.now().minusDays(1));
        t.post("/quizzes/" + timed.quizId() + "/attempts").then().statusCode(409).body(containsString("closed"));
    }

    /** A student in a 30-minute exam whose right answer to question 1 is saved as a draft. */
    record ExamWithDraft(Session session, long attempt, String answer) {
    }

    private ExamWithDraft examWithRightDraft() {
        var world = data.world(exam(Quiz.Reveal.after_submit, 30, null), "padding-output-shape");
        Session s = Session.login(world.student(), TestData.PASSWORD);
        long attempt = s.start(world.courseId(), world.quizId());
        String answer = reference(attempt, 0);
        s.page("/attempts/" + attempt);
        s.post("/attempts/" + attempt + "/drafts", "position", "0", "part", "shape", "a.0.shape", answer).then().statusCode(204);
        return new ExamWithDraft(s, attempt, answer);
    }

    @Test
    void whenTimeIsUpTheSavedDraftsAreGradedAndLateAnswersRefused() {
        ExamWithDraft exam = examWithRightDraft();
        Session s = exam.session();
        long attempt = exam.attempt();
        String answer = exam.answer();
        data.moveDeadline(attempt, OffsetDateTime.now().minusSeconds(5));
        s.post("/attempts/" + attempt + "/drafts", "position", "0", "part", "shape", "a.0.shape", "9×9×9").then().statusCode(409);
        // The next look at the attempt shows it handed in from the drafts saved in time; the sweeper stores it.
        assertTrue(s.page("/attempts/" + attempt).contains("attempt-score"));
        sweeper.sweep();
        List<Submission> stored = data.submissions(attempt);
        assertEquals(1, stored.size());
        assertEquals(answer, stored.get(0).rawAnswer);
        assertEquals("CORRECT", stored.get(0).status);
    }

    @Test
    void neighboursGetDifferentVariantsAndTheSameStudentKeepsHers() {
        var world = data.world(Settings.practice(), "padding-output-shape", "ex2-conv-params");
        long a = Session.login(world.student(), TestData.PASSWORD).start(world.courseId(), world.quizId());
        long b = Session.login(world.other(), TestData.PASSWORD).start(world.courseId(), world.quizId());
        TestData.Question qa = data.question(a, 0);
        TestData.Question qb = data.question(b, 0);
        assertTrue(qa.seed() != qb.seed());
        assertTrue(qa.seed() != 0 && qb.seed() != 0, "seed 0 is the tutorial's variant");
        assertEquals(qa.seed(), data.question(a, 0).seed());
    }

    @Test
    void historyListsOnlyTheStudentsOwnAttempts() {
        var world = data.world(Settings.practice(), "padding-output-shape");
        Session s = Session.login(world.student(), TestData.PASSWORD);
        long attempt = s.start(world.courseId(), world.quizId());
        long others = Session.login(world.other(), TestData.PASSWORD).start(world.courseId(), world.quizId());
        String history = s.page("/history");
        assertTrue(history.contains("/attempts/" + attempt));
        assertFalse(history.contains("/attempts/" + others + "\""));
    }

    @Test
    void joiningACourseWithItsCodeAndAWrongCode() {
        var world = data.world(Settings.practice(), "padding-output-shape");
        var elsewhere = data.world(Settings.practice(), "padding-output-shape");
        Session s = Session.login(elsewhere.student(), TestData.PASSWORD);
        s.page("/courses");
        s.post("/courses/join", "code", "NOPE-0000").then().statusCode(400).body(containsString("No course has this join code"));
        s.post("/courses/join", "code", world.joinCode().toLowerCase()).then().statusCode(303)
                .header("Location", endsWith("/courses/" + world.courseId()));
        s.page("/courses/" + world.courseId());
    }

    @Test
    void instructorsCreateCoursesAndAddQuizzesStudentsCannot() {
        var world = data.world(Settings.practice(), "padding-output-shape");
        Session teacher = Session.login(world.instructor(), TestData.PASSWORD);
        teacher.page("/courses");
        String location = teacher.post("/courses", "title", "Deep learning, autumn").then().statusCode(303).extract().header("Location");
        long courseId = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        String page = teacher.page("/courses/" + courseId);
        assertTrue(page.contains("tutorial-pooling"), "quiz files are offered");
        teacher.post("/courses/" + courseId + "/quizzes", "template", "tutorial-pooling", "mode", "exam", "reveal", "after_close",
                "opens_at", "2026-01-01T09:00", "closes_at", "2025-01-01T09:00", "time_limit", "", "max_attempts", "")
                .then().statusCode(400).body(containsString("must open before it closes"));
        teacher.post("/courses/" + courseId + "/quizzes", "template", "tutorial-pooling", "mode", "exam", "reveal", "after_close",
                "opens_at", "", "closes_at", "", "time_limit", "20", "max_attempts", "0")
                .then().statusCode(400).body(containsString("whole numbers of at least 1"));
        teacher.post("/courses/" + courseId + "/quizzes", "template", "tutorial-pooling", "mode", "exam", "reveal", "after_close",
                "opens_at", "", "closes_at", "", "time_limit", "20", "max_attempts", "2").then().statusCode(303);
        assertTrue(teacher.page("/courses/" + courseId).contains("data-quiz="));

        Session student = Session.login(world.student(), TestData.PASSWORD);
        student.page("/courses");
        student.post("/courses", "title", "Mine").then().statusCode(403);
        student.page("/courses/" + world.courseId());
        student.post("/courses/" + world.courseId() + "/quizzes", "template", "tutorial-pooling", "mode", "practice",
                "reveal", "immediately").then().statusCode(403);
        // An instructor who does not teach a course cannot add quizzes to it.
        var other = data.world(Settings.practice(), "padding-output-shape");
        Session stranger = Session.login(other.instructor(), TestData.PASSWORD);
        stranger.page("/courses");
        stranger.post("/courses/" + courseId + "/quizzes", "template", "tutorial-pooling", "mode", "practice", "reveal", "immediately")
                .then().statusCode(404);
    }

    @Test
    void noAnswerGridGivesAwayAShapeThatIsAskedFor() {
        var world = data.world(exam(Quiz.Reveal.after_submit, null, null), "fig5-1x1-conv", "fig1-cross-correlation");
        Session s = Session.login(world.student(), TestData.PASSWORD);
        long attempt = s.start(world.courseId(), world.quizId());
        String page = s.page("/attempts/" + attempt);
        assertFalse(page.matches("(?s).*name=\"a\\.0\\.[a-z_]+\\.0\\.0\".*"), "question 1 asks for the shape: no grid");
        assertTrue(page.contains("name=\"a.1.y.0.0\""), "question 2 only asks for values: a grid of cells");
    }

    @Test
    void aFormWithoutItsIdempotencyTokenGetsASpecificMessage() {
        var world = data.world(Settings.practice(), "padding-output-shape");
        Session s = Session.login(world.student(), TestData.PASSWORD);
        long attempt = s.start(world.courseId(), world.quizId());
        s.page("/attempts/" + attempt);
        s.post("/attempts/" + attempt + "/items/0", "a.0.shape", "1×2×3").then().statusCode(400)
                .body(containsString("the form has no idempotency token; reload the page"));
        s.post("/attempts/" + attempt + "/items/7", "idempotency", "x", "a.7.shape", "1").then().statusCode(404);
        assertEquals(0, data.submissions(attempt).size());
    }

    @Test
    void startingAnExamAgainReturnsToTheUnfinishedAttempt() {
        var world = data.world(exam(Quiz.Reveal.after_submit, 30, 3), "padding-output-shape");
        Session s = Session.login(world.student(), TestData.PASSWORD);
        long first = s.start(world.courseId(), world.quizId());
        assertEquals(first, s.start(world.courseId(), world.quizId()), "no second attempt while one is open");
        s.page("/attempts/" + first);
        s.post("/attempts/" + first + "/submit", "idempotency", s.idempotency(0)).then().statusCode(303);
        assertTrue(s.start(world.courseId(), world.quizId()) != first, "after handing in, a new attempt");
    }

    @Test
    void twoStartsAtOnceMakeNoServerError() throws Exception {
        var world = data.world(Settings.practice(), "padding-output-shape");
        Session s = Session.login(world.student(), TestData.PASSWORD);
        s.page("/courses/" + world.courseId());
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                results.add(pool.submit(() -> s.post("/quizzes/" + world.quizId() + "/attempts").statusCode()));
            }
            for (var r : results) {
                assertEquals(303, r.get());
            }
        } finally {
            pool.shutdown();
        }
    }

    @Inject
    DeadlineSweeper sweeper;

    @Test
    void theSweeperHandsInOverdueExamsWithoutAnyoneLooking() {
        ExamWithDraft exam = examWithRightDraft();
        Session s = exam.session();
        long attempt = exam.attempt();
        String answer = exam.answer();
        data.moveDeadline(attempt, OffsetDateTime.now().minusSeconds(1));
        sweeper.sweep();
        assertEquals(true, data.attemptState(attempt).get("submitted"));
        assertEquals("CORRECT", data.submissions(attempt).get(0).status);
        sweeper.sweep(); // a second sweep (or another instance) changes nothing
        assertEquals(1, data.submissions(attempt).size());
    }
}
