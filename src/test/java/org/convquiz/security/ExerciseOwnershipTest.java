package org.convquiz.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.convquiz.quiz.QuizService;
import org.convquiz.quiz.Session;
import org.convquiz.quiz.TestData;
import org.junit.jupiter.api.Test;

/** Exercises and versions have owners: editing someone else's makes a copy, and running exams keep their version. */
@QuarkusTest
class ExerciseOwnershipTest {
    @Inject
    TestData data;

    @Inject
    EntityManager em;

    @io.quarkus.test.common.http.TestHTTPResource("/")
    java.net.URL root;

    private static RequestSpecification as(String instructor) {
        return given().auth().preemptive().basic(instructor, TestData.PASSWORD).contentType("application/yaml");
    }

    private static String text(String id) throws Exception {
        return Files.readString(Path.of("exercises/padding-output-shape.yaml")).replace("id: padding-output-shape", "id: " + id);
    }

    private long latestVersion(String slug) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select max(v.version) from exercise_version v join exercise e on e.id = v.exercise_id where e.slug = ?1")
                .setParameter(1, slug).getSingleResult()).longValue());
    }

    @Test
    void anotherInstructorsExerciseIsInvisibleAndSavingItMakesACopy() throws Exception {
        var a = data.world(QuizService.Settings.practice(), "padding-output-shape");
        var b = data.world(QuizService.Settings.practice(), "padding-output-shape");
        String id = "own-" + UUID.randomUUID().toString().substring(0, 8);
        as(a.instructor()).body(text(id).getBytes(StandardCharsets.UTF_8)).post("/api/exercises").then().statusCode(201)
                .body("id", equalTo(id)).body("copied_from", nullValue());
        // B does not see it, by list or by id.
        List<String> listed = as(b.instructor()).get("/api/exercises").then().statusCode(200).extract().jsonPath().getList("id");
        assertFalse(listed.contains(id), "another instructor's exercise is not listed");
        assertTrue(listed.contains("padding-output-shape"), "the folder's exercises are");
        as(b.instructor()).get("/api/exercises/" + id + "/variants/0").then().statusCode(404);
        Session bPages = Session.login(b.instructor(), TestData.PASSWORD);
        assertEquals(404, bPages.get("/instructor/exercises/" + id).statusCode());
        assertFalse(bPages.page("/instructor/exercises").contains(id));
        // B stores a text with A's id: B's own copy, A's exercise untouched.
        String changed = text(id).replace("en: Output shape with padding (exercise 3)", "en: Output shape, B's take");
        as(b.instructor()).body(changed.getBytes(StandardCharsets.UTF_8)).post("/api/exercises").then().statusCode(201)
                .body("id", equalTo(id + "-" + b.instructor())).body("copied_from", equalTo(id)).body("version", equalTo(1));
        assertEquals(1, latestVersion(id), "A's exercise has still one version");
        // A sees and edits their own: a new version, not a copy.
        as(a.instructor()).body(changed.getBytes(StandardCharsets.UTF_8)).post("/api/exercises").then().statusCode(201)
                .body("id", equalTo(id)).body("version", equalTo(2));
    }

    @Test
    void editingAFolderExerciseCopiesItAndARunningExamKeepsItsVersion() throws Exception {
        var w = data.world(new QuizService.Settings(org.convquiz.quiz.Quiz.Mode.exam, org.convquiz.quiz.Quiz.Reveal.after_submit,
                null, null, 30, null), "padding-output-shape");
        Session student = Session.login(w.student(), TestData.PASSWORD);
        long attempt = student.start(w.courseId(), w.quizId());
        long before = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select exercise_version_id from attempt_item where attempt_id = ?1").setParameter(1, attempt).getSingleResult()).longValue());
        long folderVersions = latestVersion("padding-output-shape");
        // In the browser editor: the page says a copy will be made, and saving makes it.
        Session teacher = Session.login(w.instructor(), TestData.PASSWORD);
        teacher.page("/instructor/exercises/padding-output-shape/edit");
        String edited = Files.readString(Path.of("exercises/padding-output-shape.yaml"))
                .replace("en: Output shape with padding (exercise 3)", "en: Output shape, my take").replace("\n", "\r\n");
        String page = teacher.post("/instructor/exercises", "yaml", edited, "action", "validate").then().statusCode(200).extract().asString();
        assertTrue(page.contains("data-testid=\"saves-a-copy\""), "the editor says saving makes a copy");
        String location = teacher.post("/instructor/exercises", "yaml", edited, "action", "save").then().statusCode(303)
                .extract().header("Location");
        assertTrue(location.contains("/instructor/exercises/padding-output-shape-" + w.instructor() + "?version=1"), location);
        assertEquals(folderVersions, latestVersion("padding-output-shape"), "the folder's exercise has no new version");
        // The same text again through the API (CR LF or not): the same version of the same copy.
        as(w.instructor()).body(edited.getBytes(StandardCharsets.UTF_8)).post("/api/exercises").then().statusCode(200)
                .body("id", equalTo("padding-output-shape-" + w.instructor())).body("new", equalTo(false));
        long after = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select exercise_version_id from attempt_item where attempt_id = ?1").setParameter(1, attempt).getSingleResult()).longValue());
        assertEquals(before, after, "the running exam keeps the version it started with");
        student.page("/attempts/" + attempt);
        teacher.request().get("/instructor/exercises/padding-output-shape-" + w.instructor()).then().statusCode(200)
                .body(containsString("my take"));
        for (String lang : List.of("en", "zh")) {
            try (org.convquiz.web.Browser browser = org.convquiz.web.Browser.open(lang)) {
                var d = browser.driver();
                browser.signIn(root + "login?lang=" + lang, w.instructor(), TestData.PASSWORD);
                d.get(root + "instructor/exercises/fig1-cross-correlation/edit");
                String notice = d.findElement(org.openqa.selenium.By.cssSelector("[data-testid=saves-a-copy]")).getText();
                assertTrue(notice.contains("fig1-cross-correlation-" + w.instructor()), notice);
                browser.screenshot("editor-copy-notice-" + lang);
            }
        }
    }
}
