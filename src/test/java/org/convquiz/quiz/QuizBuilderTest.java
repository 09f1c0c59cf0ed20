package org.convquiz.quiz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The quiz builder (issue 11): an instructor makes a quiz from an exercise saved in the browser and one from
 * the folder, in the order they numbered, without a file or a restart; a student takes it in that order.
 * Nobody else may build quizzes in the course, nobody may use another instructor's own exercise, and a bad
 * form makes nothing and keeps what was typed.
 */
@QuarkusTest
class QuizBuilderTest {
    @Inject
    TestData data;

    @Inject
    QuizService quizService;

    private static long quizzes(long courseId) {
        return QuarkusTransaction.requiringNew().call(() -> Quiz.count("course.id", courseId));
    }

    /** Saves a copy of padding-output-shape under a new id through the browser editor; returns the id. */
    private static String saveOwnExercise(Session teacher, String id) throws Exception {
        String yaml = Files.readString(Path.of("exercises/padding-output-shape.yaml")).replace("id: padding-output-shape", "id: " + id)
                .replace("en: Output shape with padding (exercise 3)", "en: My padding question");
        teacher.page("/instructor/exercises/new");
        teacher.post("/instructor/exercises", "yaml", yaml, "action", "save").then().statusCode(303);
        return id;
    }

    @Test
    void aQuizFromABrowserSavedExerciseAndAFolderOneInTheChosenOrder() throws Exception {
        var w = data.world(QuizService.Settings.practice(), "padding-output-shape");
        Session teacher = Session.login(w.instructor(), TestData.PASSWORD);
        String own = saveOwnExercise(teacher, "mine-" + w.joinCode().toLowerCase());
        String path = "/courses/" + w.courseId() + "/quizzes/new";

        String page = teacher.page(path);
        assertTrue(page.contains("data-exercise=\"" + own + "\"") && page.contains("data-exercise=\"fig1-cross-correlation\""));
        String found = teacher.page(path + "?q=" + own);
        assertTrue(found.contains("data-exercise=\"" + own + "\"") && !found.contains("data-exercise=\"fig1-cross-correlation\""),
                "search by id");
        String pooling = teacher.page(path + "?section=pooling-backward");
        assertTrue(pooling.contains("data-exercise=\"fig8-max-pool-backward\"") && !pooling.contains("data-exercise=\"" + own + "\""),
                "filter by section");

        long before = quizzes(w.courseId());
        teacher.post(path, "exercise", own, "exercise", "fig1-cross-correlation", "order." + own, "2", "order.fig1-cross-correlation", "1",
                "title_en", "Built in the browser", "title_zh", "浏览器里组的卷", "mode", "practice", "reveal", "immediately",
                "publish", "true").then().statusCode(303);
        assertEquals(before + 1, quizzes(w.courseId()));
        long quizId = QuarkusTransaction.requiringNew().call(() -> Quiz.<Quiz>find("course.id = ?1 and titleEn = ?2", w.courseId(),
                "Built in the browser").firstResult().id);

        Session student = Session.login(w.student(), TestData.PASSWORD);
        assertTrue(student.page("/courses/" + w.courseId()).contains("Built in the browser"));
        long attempt = student.start(w.courseId(), quizId);
        assertEquals("fig1-cross-correlation", data.question(attempt, 0).definition().spec().id(), "numbered 1");
        assertEquals(own, data.question(attempt, 1).definition().spec().id(), "numbered 2: the exercise saved in the browser");
    }

    @Test
    void aDraftIsHiddenFromStudentsUntilPublishedAndPreviewedAsAStudentWouldSeeIt() {
        var w = data.world(QuizService.Settings.practice(), "padding-output-shape");
        Session teacher = Session.login(w.instructor(), TestData.PASSWORD);
        String path = "/courses/" + w.courseId() + "/quizzes/new";
        teacher.page(path);
        teacher.post(path, "exercise", "fig1-cross-correlation", "exercise", "fig2-padding", "title_en", "Draft quiz", "mode", "practice",
                "reveal", "immediately").then().statusCode(303);
        long quizId = QuarkusTransaction.requiringNew().call(() -> Quiz.<Quiz>find("course.id = ?1 and titleEn = ?2", w.courseId(),
                "Draft quiz").firstResult().id);
        Session student = Session.login(w.student(), TestData.PASSWORD);
        assertFalse(student.page("/courses/" + w.courseId()).contains("Draft quiz"), "a draft is not listed for students");
        student.post("/quizzes/" + quizId + "/attempts").then().statusCode(409);

        // the preview: every question with one seed's numbers, answers only on request
        String preview = teacher.page("/courses/" + w.courseId() + "/quizzes/" + quizId + "/preview?seed=7");
        assertEquals(2, preview.split("data-testid=\"preview-question\"", -1).length - 1, "two questions");
        assertFalse(preview.contains("data-testid=\"reference\""), "no answers unless asked");
        String withAnswers = teacher.page("/courses/" + w.courseId() + "/quizzes/" + quizId + "/preview?seed=7&answers=true");
        assertEquals(2, withAnswers.split("data-testid=\"reference\"", -1).length - 1, "each question's reference answer");
        teacher.get("/courses/" + w.courseId() + "/quizzes/" + quizId + "/preview?seed=x").then().statusCode(400);
        student.get("/courses/" + w.courseId() + "/quizzes/" + quizId + "/preview").then().statusCode(403);

        // published: listed and started; back to draft: hidden again, the attempt kept
        teacher.page("/courses/" + w.courseId());
        teacher.post("/courses/" + w.courseId() + "/quizzes/" + quizId + "/publish", "published", "true").then().statusCode(303);
        assertTrue(student.page("/courses/" + w.courseId()).contains("Draft quiz"));
        long attempt = student.start(w.courseId(), quizId);
        teacher.post("/courses/" + w.courseId() + "/quizzes/" + quizId + "/publish", "published", "false").then().statusCode(303);
        assertFalse(student.page("/courses/" + w.courseId()).contains("Draft quiz"));
        student.get("/attempts/" + attempt).then().statusCode(200);
        teacher.post("/courses/" + w.courseId() + "/quizzes/" + quizId + "/publish", "published", "maybe").then().statusCode(400);
        student.post("/courses/" + w.courseId() + "/quizzes/" + quizId + "/publish", "published", "true").then().statusCode(403);
        assertEquals(2L, (long) QuarkusTransaction.requiringNew().call(() -> org.convquiz.audit.AuditLog.count(
                "action in ('quiz.publish', 'quiz.unpublish') and detail like ?1", "% in course " + w.courseId())));
    }

    /**
     * Points per exercise: padding-output-shape (3 points in its file) counts 10 here, fig1-cross-correlation keeps
     * its 4. Right on the first (10) and 3 of 4 cells on the second (3): 13 of 14, worked by hand.
     */
    @Test
    void aQuizWeighsItsExercisesAsTheInstructorSaid() {
        var w = data.world(QuizService.Settings.practice(), "padding-output-shape");
        Session teacher = Session.login(w.instructor(), TestData.PASSWORD);
        String path = "/courses/" + w.courseId() + "/quizzes/new";
        teacher.page(path);
        assertTrue(teacher.post(path, "exercise", "padding-output-shape", "points.padding-output-shape", "-2", "title_en", "Weighed",
                "mode", "exam", "reveal", "after_submit", "publish", "true").then().statusCode(400).extract().asString()
                .contains("Points must be a number above 0"));
        teacher.post(path, "exercise", "padding-output-shape", "exercise", "fig1-cross-correlation", "order.padding-output-shape", "1",
                "order.fig1-cross-correlation", "2", "points.padding-output-shape", "10", "title_en", "Weighed", "mode", "exam",
                "reveal", "after_submit", "publish", "true").then().statusCode(303);
        long quizId = QuarkusTransaction.requiringNew().call(() -> Quiz.<Quiz>find("course.id = ?1 and titleEn = ?2", w.courseId(),
                "Weighed").firstResult().id);
        Quiz quiz = QuarkusTransaction.requiringNew().call(() -> Quiz.<Quiz>findById(quizId));
        assertEquals(14.0, quizService.maxScore(quiz), 1e-9);

        Session student = Session.login(w.student(), TestData.PASSWORD);
        long attempt = student.start(w.courseId(), quizId);
        data.pinVariants(attempt);
        student.page("/attempts/" + attempt);
        student.post("/attempts/" + attempt + "/submit", "idempotency", student.idempotency(0), "a.0.shape", "4×102×102",
                "a.1.y.0.0", "19", "a.1.y.0.1", "25", "a.1.y.1.0", "37", "a.1.y.1.1", "44").then().statusCode(303);
        QuizService.Standing standing = quizService.standings(java.util.List.of(attempt)).get(attempt);
        assertEquals(13.0, standing.score(), 1e-9);
        assertEquals(14.0, standing.maxScore(), 1e-9);
        String page = student.page("/attempts/" + attempt);
        assertTrue(page.contains("13 / 14") || page.contains("13/14"), "the attempt's total in the quiz's points");
    }

    @Test
    void badFormsMakeNothingAndKeepWhatWasTyped() {
        var w = data.world(QuizService.Settings.practice(), "padding-output-shape");
        Session teacher = Session.login(w.instructor(), TestData.PASSWORD);
        String path = "/courses/" + w.courseId() + "/quizzes/new";
        teacher.page(path);
        long before = quizzes(w.courseId());
        assertTrue(teacher.post(path, "title_en", "Nothing picked", "mode", "practice", "reveal", "immediately").then().statusCode(400)
                .extract().asString().contains("Pick at least one exercise"));
        String noTitle = teacher.post(path, "exercise", "fig2-padding", "title_en", " ", "mode", "practice", "reveal", "immediately")
                .then().statusCode(400).extract().asString();
        assertTrue(noTitle.contains("English title") && noTitle.matches("(?s).*id=\"use-fig2-padding\"[^>]*checked.*"), "the pick is kept");
        String window = teacher.post(path, "exercise", "fig2-padding", "title_en", "Backwards", "mode", "exam", "reveal", "after_submit",
                "opens_at", "2026-12-02T10:00", "closes_at", "2026-12-01T10:00").then().statusCode(400).extract().asString();
        assertTrue(window.contains("must open before it closes") && window.contains("value=\"Backwards\""), "message, title kept");
        assertTrue(teacher.post(path, "exercise", "no-such-exercise", "title_en", "Forged", "mode", "practice", "reveal", "immediately")
                .then().statusCode(400).extract().asString().contains("does not exist or is not yours"));
        assertTrue(teacher.post(path, "exercise", "fig2-padding", "title_en", "Forged", "mode", "sometimes", "reveal", "immediately")
                .then().statusCode(400).extract().asString().contains("settings are not valid"));
        for (String[] bad : new String[][] {{"time_limit", "0"}, {"time_limit", "abc"}, {"time_limit", "99999"}, {"max_attempts", "-1"},
                {"opens_at", "2026-02-30T10:00"}, {"closes_at", "tomorrow"}}) {
            assertTrue(teacher.post(path, "exercise", "fig2-padding", "title_en", "Bad " + bad[0], "mode", "practice", "reveal", "immediately",
                    bad[0], bad[1]).then().statusCode(400).extract().asString().contains("settings are not valid"), bad[0] + "=" + bad[1]);
        }
        // the quiz-file form on the course page is checked by the same rules
        teacher.post("/courses/" + w.courseId() + "/quizzes", "template", "tutorial-pooling", "mode", "practice", "reveal", "immediately",
                "time_limit", "0").then().statusCode(400);
                assertEquals(before, quizzes(w.courseId()), "no quiz made");
    }

    @Test
    void onlyTheCoursesInstructorsBuildAndOnlyWithExercisesTheyMayUse() throws Exception {
        var w = data.world(QuizService.Settings.practice(), "padding-output-shape");
        var other = data.world(QuizService.Settings.practice(), "padding-output-shape");
        Session owner = Session.login(w.instructor(), TestData.PASSWORD);
        String own = saveOwnExercise(owner, "private-" + w.joinCode().toLowerCase());
        String path = "/courses/" + w.courseId() + "/quizzes/new";

        Session student = Session.login(w.student(), TestData.PASSWORD);
        student.get(path).then().statusCode(403);
        Session stranger = Session.login(other.instructor(), TestData.PASSWORD);
        stranger.get(path).then().statusCode(404);
        stranger.page("/courses/" + other.courseId());
        stranger.post(path, "exercise", "fig2-padding", "title_en", "Theirs", "mode", "practice", "reveal", "immediately").then().statusCode(404);
        // In their own course, the other instructor neither sees nor may use this instructor's own exercise.
        String otherPath = "/courses/" + other.courseId() + "/quizzes/new";
        assertFalse(stranger.page(otherPath).contains("data-exercise=\"" + own + "\""));
        long before = quizzes(other.courseId());
        assertTrue(stranger.post(otherPath, "exercise", own, "title_en", "Borrowed", "mode", "practice", "reveal", "immediately")
                .then().statusCode(400).extract().asString().contains("not yours"));
        assertEquals(before, quizzes(other.courseId()));
        assertEquals(0, quizzes(w.courseId()) - 1, "only the world's own quiz");
    }
}
