package org.convquiz.quiz;

import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.List;
import org.convquiz.exercise.ExerciseDefinition;
import org.convquiz.web.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * "Practise my weak spots" (issue 15): after a padding mistake (the tutorial's exercise 3 answered 4×100×100,
 * padding counted on one side), the next question is about padding; each press adds one question to the
 * student's own practice attempt, which is not one of the course's quizzes; only the course's students may
 * practise; in the browser in zh and en.
 */
@QuarkusTest
class PractiseTest {
    @Inject
    TestData data;

    @TestHTTPResource("/")
    URL root;

    /** Whether an exercise is about padding by what its file says (section and tags), not by the picker's own map. */
    private static boolean aboutPadding(ExerciseDefinition d) {
        return d.spec().tags().contains("padding") || d.spec().section().equals("padding-stride");
    }

    private static long attemptOf(String location) {
        return Long.parseLong(location.replaceAll(".*/attempts/(\\d+)#q\\d+$", "$1"));
    }

    @Test
    void aPaddingMistakeBringsPaddingQuestionsInTheStudentsOwnPracticeAttempt() {
        var w = data.world(QuizService.Settings.practice(), "padding-output-shape");
        Session s = Session.login(w.student(), TestData.PASSWORD);
        long attempt = s.start(w.courseId(), w.quizId());
        data.pinVariants(attempt);
        s.page("/attempts/" + attempt);
        s.post("/attempts/" + attempt + "/items/0", "idempotency", s.idempotency(0), "a.0.shape", "4×100×100").then().statusCode(303);

        s.page("/progress");
        String first = s.post("/courses/" + w.courseId() + "/practise").then().statusCode(303).header("Location", endsWith("#q0"))
                .extract().header("Location");
        long practice = attemptOf(first);
        assertTrue(practice != attempt, "a practice attempt of its own");
        assertTrue(aboutPadding(data.question(practice, 0).definition()), data.question(practice, 0).definition().id());
        String second = s.post("/courses/" + w.courseId() + "/practise").then().statusCode(303).header("Location", endsWith("#q1"))
                .extract().header("Location");
        assertEquals(practice, attemptOf(second), "the next question joins the same attempt");
        assertTrue(s.page("/attempts/" + practice).contains("id=\"next-weak-spot\""));

        // not one of the course's quizzes: not listed, no gradebook column
        assertFalse(s.page("/courses/" + w.courseId()).contains("Practise my weak spots"));
        Session teacher = Session.login(w.instructor(), TestData.PASSWORD);
        assertFalse(teacher.page("/courses/" + w.courseId() + "/gradebook").contains("Practise my weak spots"));
    }

    @Test
    void onlyTheCoursesStudentsPractise() {
        var w = data.world(QuizService.Settings.practice(), "padding-output-shape");
        var other = data.world(QuizService.Settings.practice(), "padding-output-shape");
        Session stranger = Session.login(other.student(), TestData.PASSWORD);
        stranger.page("/progress");
        stranger.post("/courses/" + w.courseId() + "/practise").then().statusCode(404);
        Session teacher = Session.login(w.instructor(), TestData.PASSWORD);
        teacher.page("/progress");
        teacher.post("/courses/" + w.courseId() + "/practise").then().statusCode(404);
        Session.anonymous().request().redirects().follow(false).post("/courses/" + w.courseId() + "/practise")
                .then().statusCode(anyOf(is(302), is(401), is(403), is(400)));
        Session s = Session.login(w.student(), TestData.PASSWORD);
        s.page("/progress");
        s.request().redirects().follow(false).post("/courses/" + w.courseId() + "/practise").then().statusCode(400); // no CSRF token
    }

    @Test
    void aStudentPractisesInTheBrowserInBothLanguages() {
        for (String lang : List.of("zh", "en")) {
            var w = data.world(QuizService.Settings.practice(), "padding-output-shape");
            try (Browser browser = Browser.open(lang)) {
                var d = browser.driver();
                browser.signIn(root + "login?lang=" + lang, w.student(), TestData.PASSWORD);
                d.get(root + "progress");
                browser.clickAndWait(d.findElement(By.cssSelector("[data-testid=practise-" + w.courseId() + "]")));
                assertTrue(d.getCurrentUrl().matches(".*/attempts/\\d+#q0"), d.getCurrentUrl());
                var box = d.findElements(By.cssSelector("#q0 input[type=text], #q0 textarea"));
                assertFalse(box.isEmpty(), "a question to answer");
                box.get(0).sendKeys("1");
                browser.clickAndWait(d.findElement(By.cssSelector("#q0 form.check-form button[type=submit]")));
                assertFalse(d.findElements(By.cssSelector("#q0 .result")).isEmpty(), "graded at once");
                browser.screenshot("practise-weak-spot-" + lang);
                browser.clickAndWait(d.findElement(By.id("next-weak-spot")));
                assertTrue(d.getCurrentUrl().endsWith("#q1"), d.getCurrentUrl());
                assertEquals(1, d.findElements(By.cssSelector("#q1")).size());
            }
        }
    }
}
