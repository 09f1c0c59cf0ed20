package org.convquiz.gradebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.convquiz.quiz.QuizService;
import org.convquiz.quiz.Session;
import org.convquiz.quiz.TestData;
import org.junit.jupiter.api.Test;

/**
 * Exports for other systems: the detail (one row per submitted part), Canvas and Moodle. The expected
 * numbers are the tutorial's exercise 3 (3×100×100, kernel 3, padding 2 → 4×102×102), worked by hand.
 */
@QuarkusTest
class ExportTest {
    @Inject
    TestData data;

    private TestData.World world;

    /** Two students: one forgets the + 1 (4×101×101, 1 of 3 points), then corrects it; the other is right at once. */
    private Session answered() {
        world = data.world(QuizService.Settings.practice(), "padding-output-shape");
        Session student = Session.login(world.student(), TestData.PASSWORD);
        long attempt = student.start(world.courseId(), world.quizId());
        data.pinVariants(attempt);
        student.page("/attempts/" + attempt);
        student.post("/attempts/" + attempt + "/items/0", "idempotency", student.idempotency(0), "a.0.shape", "4×101×101").then().statusCode(303);
        student.page("/attempts/" + attempt);
        student.post("/attempts/" + attempt + "/items/0", "idempotency", student.idempotency(0), "a.0.shape", "(4, 102, 102)").then().statusCode(303);
        Session other = Session.login(world.other(), TestData.PASSWORD);
        long second = other.start(world.courseId(), world.quizId());
        data.pinVariants(second);
        other.page("/attempts/" + second);
        other.post("/attempts/" + second + "/items/0", "idempotency", other.idempotency(0), "a.0.shape", "4x102x102").then().statusCode(303);
        return Session.login(world.instructor(), TestData.PASSWORD);
    }

    private static List<CSVRecord> parse(String csv) throws Exception {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.startsWith("\uFEFF") ? csv.substring(1) : csv)).getRecords();
    }

    @Test
    void detailHasOneRowPerSubmittedPartWithTheAnswerAsTypedAndTheRightAnswer() throws Exception {
        Session teacher = answered();
        String csv = teacher.request().accept("text/csv").get("/courses/" + world.courseId() + "/export/detail.csv")
                .then().statusCode(200).extract().asString(); // RestAssured decodes the declared UTF-8
        assertTrue(csv.startsWith("\uFEFF"), "a byte-order mark by default, so spreadsheets read UTF-8");
        List<CSVRecord> rows = parse(csv);
        assertEquals(3, rows.size(), csv);
        CSVRecord first = rows.stream().filter(r -> r.get("username").equals(world.student())).findFirst().orElseThrow(); // oldest first
        assertEquals(world.student(), first.get("username"));
        assertEquals("padding-output-shape", first.get("exercise"));
        assertEquals("4×101×101", first.get("answer"));
        assertEquals("4×102×102", first.get("correct_answer"));
        assertEquals("1", first.get("score"));
        assertEquals("3", first.get("max_score"));
        assertTrue(first.get("misconceptions").contains("forgot_plus_one"), first.toString());
        assertEquals("0", first.get("seed"), "the pinned variant");
        assertFalse(first.get("submitted_at").isBlank());
        List<String> typed = rows.stream().map(r -> r.get("answer")).sorted().toList();
        assertEquals(List.of("(4, 102, 102)", "4x102x102", "4×101×101"), typed, "every submission, as typed");
        assertEquals(List.of("3", "3", "1"), rows.stream().map(r -> r.get("score")).sorted(java.util.Comparator.reverseOrder()).toList());

        byte[] plain = teacher.request().accept("text/csv").get("/courses/" + world.courseId() + "/export/detail.csv?bom=false")
                .then().statusCode(200).extract().asByteArray();
        assertEquals('u', new String(plain, StandardCharsets.UTF_8).charAt(0), "no byte-order mark when asked: the header starts");
        teacher.request().get("/courses/" + world.courseId() + "/export/detail.csv?bom=maybe").then().statusCode(400);
    }

    @Test
    void canvasAndMoodleFilesCarryTheBestScorePerQuiz() throws Exception {
        Session teacher = answered();
        String canvas = teacher.request().accept("text/csv").header("Accept-Language", "en")
                .get("/courses/" + world.courseId() + "/export/canvas.csv").then().statusCode(200).extract().asString();
        List<CSVRecord> rows = parse(canvas);
        assertEquals(List.of("Student", "ID", "SIS User ID", "SIS Login ID", "Section", "Quiz " + world.quizId()).subList(0, 5),
                rows.get(0).getParser().getHeaderNames().subList(0, 5));
        assertEquals(6, rows.get(0).getParser().getHeaderNames().size(), "one column per quiz");
        assertEquals("Points Possible", rows.get(0).get("Student").trim());
        assertEquals("3", rows.get(0).get(5));
        assertEquals(3, rows.size());
        for (CSVRecord r : rows.subList(1, 3)) {
            assertEquals("3", r.get(5), "best score: both students got 3 of 3 in the end: " + r);
            assertTrue(r.get("SIS Login ID").equals(world.student()) || r.get("SIS Login ID").equals(world.other()), r.toString());
        }

        String moodle = teacher.request().accept("text/csv").get("/courses/" + world.courseId() + "/export/moodle.csv?bom=false")
                .then().statusCode(200).extract().asString();
        List<CSVRecord> m = parse(moodle);
        assertEquals(List.of("Username", "ID number", "Email address"), m.get(0).getParser().getHeaderNames().subList(0, 3));
        assertEquals(2, m.size());
        assertEquals(List.of(world.other(), world.student()).stream().sorted().toList(), m.stream().map(r -> r.get("Username")).toList());
    }

    @Test
    void onlyTheCoursesInstructorsExport() {
        var w = data.world(QuizService.Settings.practice(), "padding-output-shape");
        for (String format : List.of("detail", "canvas", "moodle")) {
            Session.login(w.student(), TestData.PASSWORD).get("/courses/" + w.courseId() + "/export/" + format + ".csv").then().statusCode(403);
            var elsewhere = data.world(QuizService.Settings.practice(), "padding-output-shape");
            Session.login(elsewhere.instructor(), TestData.PASSWORD).get("/courses/" + w.courseId() + "/export/" + format + ".csv").then().statusCode(404);
        }
    }

    @Test
    void formulaCellsAreText() throws Exception {
        Session teacher = answered();
        data.rename(world.student(), "=HYPERLINK(\"http://example.invalid\",\"x\")");
        String csv = teacher.request().get("/courses/" + world.courseId() + "/export/detail.csv").then().statusCode(200).extract().asString();
        assertTrue(parse(csv).stream().anyMatch(r -> r.get("name").equals("'=HYPERLINK(\"http://example.invalid\",\"x\")")), csv);
        String canvas = teacher.request().get("/courses/" + world.courseId() + "/export/canvas.csv").then().statusCode(200).extract().asString();
        assertTrue(canvas.contains("'=HYPERLINK"), canvas);
    }
}
