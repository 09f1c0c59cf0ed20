package org.convquiz.quiz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Quizzes are listed in the tutorial's order whatever order they were added in (cnn-basics: section 1
 * cross-correlation, 3 receptive fields, 7 pooling), on the course page and in the gradebook's columns; an
 * instructor of the course may move them, a stale form is refused (409) and changes nothing, and nobody
 * else may move anything (issue 11).
 */
@QuarkusTest
class QuizOrderTest {
    private static final Pattern ORDER = Pattern.compile(
            "<li data-order-quiz=\"(\\d+)\"><span>([^<]+)</span>(.*?)</li>", Pattern.DOTALL);
    private static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"(\\d+)\"");

    @Inject
    TestData data;

    private record Row(long id, String title, int version) {
    }

    private static List<Row> order(Session teacher, long courseId) {
        List<Row> rows = new ArrayList<>();
        Matcher m = ORDER.matcher(teacher.page("/courses/" + courseId));
        while (m.find()) {
            Matcher v = VERSION.matcher(m.group(3));
            assertTrue(v.find(), "each row carries its version");
            rows.add(new Row(Long.parseLong(m.group(1)), m.group(2), Integer.parseInt(v.group(1))));
        }
        return rows;
    }

    private static List<String> titles(List<Row> rows) {
        return rows.stream().map(Row::title).toList();
    }

    @Test
    void quizzesFollowTheTutorialAndTheInstructorsMoves() {
        var w = data.world(QuizService.Settings.practice(), "padding-output-shape"); // "Quiz …": not from the tutorial, last
        Session teacher = Session.login(w.instructor(), TestData.PASSWORD);
        teacher.page("/courses/" + w.courseId());
        for (String template : List.of("tutorial-pooling", "tutorial-cross-correlation", "tutorial-receptive-field")) {
            teacher.post("/courses/" + w.courseId() + "/quizzes", "template", template, "mode", "practice", "reveal", "immediately")
                    .then().statusCode(303);
        }
        List<Row> rows = order(teacher, w.courseId());
        String own = rows.get(3).title();
        assertEquals(List.of("Two-dimensional cross-correlation and conv layers", "Feature maps and receptive fields", "Pooling", own),
                titles(rows));
        assertTrue(own.startsWith("Quiz "), own);

        // The gradebook's columns and the student's course page follow the same order.
        String gradebook = teacher.page("/courses/" + w.courseId() + "/gradebook");
        int a = gradebook.indexOf("Two-dimensional cross-correlation");
        int b = gradebook.indexOf("Feature maps and receptive fields");
        int c = gradebook.indexOf(">Pooling</a> <"); // column titles are sort links
        assertTrue(a > 0 && a < b && b < c, "gradebook columns in tutorial order: " + a + ", " + b + ", " + c);
        Session student = Session.login(w.student(), TestData.PASSWORD);
        String studentPage = student.page("/courses/" + w.courseId());
        assertTrue(studentPage.indexOf("Two-dimensional cross-correlation") < studentPage.indexOf("Feature maps and receptive fields")
                && studentPage.indexOf("Feature maps and receptive fields") < studentPage.indexOf(">Pooling "));

        // Pooling moves up one place.
        Row pooling = rows.get(2);
        teacher.post("/courses/" + w.courseId() + "/quizzes/" + pooling.id() + "/move", "direction", "up", "version", pooling.version())
                .then().statusCode(303);
        List<Row> moved = order(teacher, w.courseId());
        assertEquals(List.of("Two-dimensional cross-correlation and conv layers", "Pooling", "Feature maps and receptive fields", own),
                titles(moved));

        // The same form again (its version is now stale): refused, and nothing moves.
        String refused = teacher.post("/courses/" + w.courseId() + "/quizzes/" + pooling.id() + "/move", "direction", "up",
                "version", pooling.version()).then().statusCode(409).extract().asString();
        assertTrue(refused.contains("Another instructor changed the order"), refused);
        assertEquals(titles(moved), titles(order(teacher, w.courseId())));

        // A new quiz still takes its tutorial place: padding and stride (section 4) after receptive fields (3).
        teacher.post("/courses/" + w.courseId() + "/quizzes", "template", "tutorial-padding-stride", "mode", "practice",
                "reveal", "immediately").then().statusCode(303);
        assertEquals(List.of("Two-dimensional cross-correlation and conv layers", "Pooling", "Feature maps and receptive fields",
                "Padding and stride", own), titles(order(teacher, w.courseId())));
    }

    @io.quarkus.test.common.http.TestHTTPResource("/")
    java.net.URL root;

    /** The order card in a browser, in Chinese: moving a quiz with its button (the Browser checks the page). */
    @Test
    void theOrderCardInTheBrowser() {
        var w = data.world(QuizService.Settings.practice(), "padding-output-shape");
        Session teacher = Session.login(w.instructor(), TestData.PASSWORD);
        teacher.page("/courses/" + w.courseId());
        for (String template : List.of("tutorial-pooling", "tutorial-cross-correlation")) {
            teacher.post("/courses/" + w.courseId() + "/quizzes", "template", template, "mode", "practice", "reveal", "immediately")
                    .then().statusCode(303);
        }
        try (org.convquiz.web.Browser browser = org.convquiz.web.Browser.open("zh")) {
            var d = browser.driver();
            browser.signIn(root + "login?lang=zh", w.instructor(), TestData.PASSWORD);
            d.get(root + "courses/" + w.courseId());
            var items = d.findElements(org.openqa.selenium.By.cssSelector("ol.quiz-order li span"));
            assertEquals(List.of("二维互相关运算与二维卷积层", "池化"), items.subList(0, 2).stream().map(e -> e.getText()).toList());
            browser.clickAndWait(d.findElement(org.openqa.selenium.By.cssSelector("ol.quiz-order li:nth-child(2) button[aria-label^='把“池化”上移']")));
            items = d.findElements(org.openqa.selenium.By.cssSelector("ol.quiz-order li span"));
            assertEquals(List.of("池化", "二维互相关运算与二维卷积层"), items.subList(0, 2).stream().map(e -> e.getText()).toList());
            browser.screenshot("course-quiz-order-zh");
        }
    }

    @Test
    void onlyTheCoursesInstructorsMayMoveQuizzes() {
        var w = data.world(QuizService.Settings.practice(), "padding-output-shape");
        var other = data.world(QuizService.Settings.practice(), "padding-output-shape");
        Session teacher = Session.login(w.instructor(), TestData.PASSWORD);
        teacher.page("/courses/" + w.courseId());
        teacher.post("/courses/" + w.courseId() + "/quizzes", "template", "tutorial-pooling", "mode", "practice", "reveal", "immediately")
                .then().statusCode(303);
        List<Row> rows = order(teacher, w.courseId());
        Row last = rows.get(rows.size() - 1);
        String path = "/courses/" + w.courseId() + "/quizzes/" + last.id() + "/move";

        Session student = Session.login(w.student(), TestData.PASSWORD);
        student.page("/courses/" + w.courseId());
        student.post(path, "direction", "up", "version", last.version()).then().statusCode(403);
        Session stranger = Session.login(other.instructor(), TestData.PASSWORD);
        stranger.page("/courses/" + other.courseId());
        stranger.post(path, "direction", "up", "version", last.version()).then().statusCode(404);
        // a quiz of another course through this course's address
        stranger.post("/courses/" + other.courseId() + "/quizzes/" + last.id() + "/move", "direction", "up", "version", last.version())
                .then().statusCode(404);
        Session.anonymous().request().formParam("direction", "up").formParam("version", "0").redirects().follow(false)
                .when().post(path).then().statusCode(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(302), org.hamcrest.Matchers.is(401),
                        org.hamcrest.Matchers.is(403)));
        // forged forms: a direction that is neither, a missing version
        teacher.post(path, "direction", "sideways", "version", last.version()).then().statusCode(400);
        teacher.post(path, "direction", "up").then().statusCode(400);
        assertEquals(titles(rows), titles(order(teacher, w.courseId())), "nothing moved");
    }
}
