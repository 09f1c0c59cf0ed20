package org.convquiz.authoring;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.UUID;
import org.convquiz.quiz.QuizService;
import org.convquiz.quiz.Session;
import org.convquiz.quiz.TestData;
import org.convquiz.web.Browser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** Instructors list, preview, try, validate and version exercises in the browser; students may not. */
@QuarkusTest
class InstructorPagesTest {
    @TestHTTPResource("/")
    URL root;

    @Inject
    TestData data;

    @Test
    void previewShowsTheTutorialVariantAndGradesTriedAnswers() {
        var world = data.world(QuizService.Settings.practice(), "padding-output-shape");
        Session teacher = Session.login(world.instructor(), TestData.PASSWORD);
        teacher.request().header("Accept-Language", "en").get("/instructor/exercises").then().statusCode(200)
                .body(containsString("ex1-fc-params")).body(containsString("fig8-max-pool-backward"));
        teacher.request().get("/instructor/exercises/ex1-fc-params?seed=0").then().statusCode(200)
                .body(containsString("196609000")).body(containsString("<math>"));
        teacher.request().header("Accept-Language", "en").get("/instructor/exercises/padding-output-shape?seed=0&a.0.shape=4x101x101")
                .then().statusCode(200)
                .body(containsString("We read your answer as 4×101×101"))
                .body(containsString("You forgot the + 1 in the output-size formula"));
        teacher.request().get("/instructor/exercises/no-such-thing").then().statusCode(404);
    }

    @Test
    void studentsGetTheForbiddenPageAndStrangersTheLoginPage() {
        var world = data.world(QuizService.Settings.practice(), "padding-output-shape");
        Session student = Session.login(world.student(), TestData.PASSWORD);
        student.request().header("Accept-Language", "en").get("/instructor/exercises").then().statusCode(403)
                .body(containsString("Not allowed"));
        io.restassured.RestAssured.given().redirects().follow(false).accept("text/html").get("/instructor/exercises")
                .then().statusCode(302).header("Location", containsString("/login"));
    }

    @Test
    void theEditorValidatesAndSavesNewVersions() {
        var world = data.world(QuizService.Settings.practice(), "padding-output-shape");
        Session teacher = Session.login(world.instructor(), TestData.PASSWORD);
        String yaml = teacher.page("/instructor/exercises/new");
        assertTrue(yaml.contains("id: my-new-exercise"));
        String id = "web-" + UUID.randomUUID().toString().substring(0, 8);
        teacher.request().get("/instructor/exercises/padding-output-shape/edit").then().statusCode(200).body(containsString("id: padding-output-shape"));
        String source = readExample().replace("id: padding-output-shape", "id: " + id);
        teacher.post("/instructor/exercises", "yaml", source.replace("quantity: output_shape", "quantity: outptu_shape"), "action", "validate")
                .then().statusCode(422).body(matchesPattern("(?s).*exercise\\.yaml:\\d+:\\d+: unknown quantity .*outptu_shape.* — did you mean .*output_shape.*"));
        teacher.post("/instructor/exercises", "yaml", source, "action", "validate").then().statusCode(200).body(containsString("data-testid=\"valid\""));
        teacher.post("/instructor/exercises", "yaml", source, "action", "save").then().statusCode(303)
                .header("Location", containsString("/instructor/exercises/" + id + "?version=1"));
        teacher.post("/instructor/exercises", "yaml", source.replace("points: 3", "points: 5"), "action", "save").then().statusCode(422)
                .body(containsString("Self-tests that fail"));
    }

    private static String readExample() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("exercises/padding-output-shape.yaml"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh"})
    void screenshots(String lang) {
        var world = data.world(QuizService.Settings.practice(), "padding-output-shape");
        try (Browser browser = Browser.open(lang)) {
            var d = browser.driver();
            browser.signIn(root + "login?lang=" + lang, world.instructor(), TestData.PASSWORD);
            d.get(root + "instructor/exercises");
            browser.screenshot("instructor-exercises-" + lang);
            d.get(root + "instructor/exercises/fig8-max-pool-backward?seed=0");
            assertTrue(d.findElements(By.cssSelector("svg.picture rect.target")).size() > 0);
            browser.screenshot("instructor-preview-" + lang);
            d.get(root + "instructor/exercises/ex2-conv-params/edit");
            browser.screenshot("instructor-edit-" + lang);
            d.get(root + "courses/" + world.courseId());
            assertTrue(d.findElements(By.id("template")).size() == 1, "instructors can add quizzes");
            browser.screenshot("instructor-course-" + lang);
        }
    }
}
