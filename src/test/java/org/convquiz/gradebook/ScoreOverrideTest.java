package org.convquiz.gradebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.convquiz.audit.AuditLog;
import org.convquiz.quiz.QuizService;
import org.convquiz.quiz.Session;
import org.convquiz.quiz.TestData;
import org.junit.jupiter.api.Test;

/**
 * Scores set by hand (with a reason, audited) win over the best attempt on the page and in every export; one student's
 * record shows their answers as typed; the gradebook sorts by any column with its keyset paging intact.
 * Expected numbers are worked by hand from the tutorial's exercise 3 (3×100×100, kernel 3, padding 2 → 4×102×102; three
 * dimensions worth 1 point each, so 4×101×101 earns 1 of 3).
 */
@QuarkusTest
class ScoreOverrideTest {

    @Inject
    TestData data;

    private TestData.World world;

    /** The student forgets the + 1 (1 of 3); the other is right (3 of 3). Returns the instructor's session. */
    private Session answered() {
        world = data.world(QuizService.Settings.practice(), "padding-output-shape");
        answer(world.student(), "4×101×101");
        answer(world.other(), "4x102x102");
        return Session.login(world.instructor(), TestData.PASSWORD);
    }

    private void answer(String username, String shape) {
        Session s = Session.login(username, TestData.PASSWORD);
        long attempt = s.start(world.courseId(), world.quizId());
        data.pinVariants(attempt);
        s.page("/attempts/" + attempt);
        s.post("/attempts/" + attempt + "/items/0", "idempotency", s.idempotency(0), "a.0.shape", shape).then().statusCode(303);
    }

    private static List<CSVRecord> parse(String csv) throws Exception {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.startsWith("\uFEFF") ? csv.substring(1) : csv)).getRecords();
    }

    private String studentPage() {
        return "/courses/" + world.courseId() + "/students/" + world.student();
    }

    private static CSVRecord of(List<CSVRecord> rows, String column, String value) {
        return rows.stream().filter(r -> r.get(column).equals(value)).findFirst().orElseThrow(() -> new AssertionError(value + " in " + rows));
    }

    @Test
    void anOverrideWithAReasonShowsOnThePageAndInEveryExportAndIsAudited() throws Exception {
        Session teacher = answered();
        String base = "/courses/" + world.courseId();
        String page = teacher.request().header("Accept-Language", "en").get(studentPage()).then().statusCode(200).extract().asString();
        teacher.page(studentPage());
        assertTrue(page.contains("<code>4×101×101</code>"), "the answer as typed");
        assertTrue(page.contains("You forgot the + 1 in the output-size formula"), "the named mistake, as students see it");
        assertTrue(page.contains("1 / 3"), "1 of 3 points");

        teacher.post(studentPage() + "/override", "quiz", String.valueOf(world.quizId()), "score", "2.5", "reason", "Re-marked: the working was right")
                .then().statusCode(303);

        String book = teacher.request().header("Accept-Language", "en").get(base + "/gradebook").then().statusCode(200).extract().asString();
        assertTrue(book.contains("<td class=\"overridden\">2.5 <span class=\"overridden-mark\""), "marked on the page: " + book);

        List<CSVRecord> totals = parse(teacher.request().get(base + "/gradebook.csv").then().statusCode(200).extract().asString());
        assertEquals("2.5", of(totals, "username", world.student()).get("total"));
        assertEquals("3", of(totals, "username", world.other()).get("total"));
        List<CSVRecord> canvas = parse(teacher.request().get(base + "/export/canvas.csv").then().statusCode(200).extract().asString());
        assertEquals("2.5", of(canvas, "SIS Login ID", world.student()).get(5));
        assertEquals("3", of(canvas, "SIS Login ID", world.other()).get(5));
        List<CSVRecord> moodle = parse(teacher.request().get(base + "/export/moodle.csv").then().statusCode(200).extract().asString());
        assertEquals("2.5", of(moodle, "Username", world.student()).get(3));

        // The student's own course page shows the score that counts.
        String course = Session.login(world.student(), TestData.PASSWORD).page(base);
        assertTrue(course.contains("2.5"), course);

        String audit = QuarkusTransaction.requiringNew().call(() -> AuditLog.<AuditLog>find("action = ?1 and detail like ?2 order by id desc",
                "gradebook.override.set", "%student " + world.student() + ":%").firstResult().actor + " | "
                + AuditLog.<AuditLog>find("action = ?1 and detail like ?2 order by id desc", "gradebook.override.set",
                        "%student " + world.student() + ":%").firstResult().detail);
        assertEquals(world.instructor() + " | course " + world.courseId() + ", quiz " + world.quizId() + ", student " + world.student()
                + ": 1 → 2.5; reason: Re-marked: the working was right", audit);

        // The record page says who set it and why.
        String record = teacher.page(studentPage());
        assertTrue(record.contains("Re-marked: the working was right") && record.contains(world.instructor()), record);

        // A blank score goes back to the best attempt (1), audited too.
        teacher.post(studentPage() + "/override", "quiz", String.valueOf(world.quizId()), "score", "", "reason", "Appeal withdrawn")
                .then().statusCode(303);
        totals = parse(teacher.request().get(base + "/gradebook.csv").then().statusCode(200).extract().asString());
        assertEquals("1", of(totals, "username", world.student()).get("total"));
        String removed = QuarkusTransaction.requiringNew().call(() -> AuditLog.<AuditLog>find("action = ?1 and detail like ?2 order by id desc",
                "gradebook.override.remove", "%student " + world.student() + ":%").firstResult().detail);
        assertTrue(removed.endsWith(": 2.5 (set by hand) → the attempts' best; reason: Appeal withdrawn"), removed);
    }

    @Test
    void aStudentWithoutAttemptsCanBeGivenAScore() throws Exception {
        world = data.world(QuizService.Settings.practice(), "padding-output-shape");
        Session teacher = Session.login(world.instructor(), TestData.PASSWORD);
        teacher.page(studentPage());
        teacher.post(studentPage() + "/override", "quiz", String.valueOf(world.quizId()), "score", "3", "reason", "Excused: full marks")
                .then().statusCode(303);
        List<CSVRecord> canvas = parse(teacher.request().get("/courses/" + world.courseId() + "/export/canvas.csv").then().statusCode(200)
                .extract().asString());
        assertEquals("3", of(canvas, "SIS Login ID", world.student()).get(5));
        assertEquals("", of(canvas, "SIS Login ID", world.other()).get(5), "not attempted, not set: empty");
    }

    @Test
    void badOverridesAreRefusedWithAMessage() {
        Session teacher = answered();
        var elsewhere = data.world(QuizService.Settings.practice(), "padding-output-shape");
        String quiz = String.valueOf(world.quizId());
        Object[][] bad = {
            {quiz, "4", "too many points"}, {quiz, "-1", "negative"}, {quiz, "abc", "not a number"}, {quiz, "NaN", "not a number"},
            {quiz, "2", ""}, {quiz, "2", "   "}, {quiz, "2", "x".repeat(501)},
            {String.valueOf(elsewhere.quizId()), "2", "another course's quiz"}, {"x", "2", "no quiz"},
        };
        for (Object[] b : bad) {
            teacher.page(studentPage());
            String body = teacher.request().header("Accept-Language", "en").formParam("csrf-token", teacher.csrf()).formParam("quiz", b[0])
                    .formParam("score", b[1]).formParam("reason", b[2]).post(studentPage() + "/override")
                    .then().statusCode(400).extract().asString();
            assertTrue(body.contains("data-testid=\"override-error\""), "says what is wrong: " + b[1] + " / " + b[2]);
        }
        teacher.page(studentPage());
        teacher.post("/courses/" + world.courseId() + "/students/nobody-here/override", "quiz", quiz, "score", "1", "reason", "r")
                .then().statusCode(404);
        teacher.post("/courses/" + world.courseId() + "/students/" + world.instructor() + "/override", "quiz", quiz, "score", "1", "reason", "r")
                .then().statusCode(404); // an instructor is not a student of the course
        teacher.request().get(studentPage().replace(world.student(), "nobody-here")).then().statusCode(404);
        // Without the CSRF token, nothing is stored.
        teacher.request().formParam("quiz", quiz).formParam("score", "3").formParam("reason", "r").post(studentPage() + "/override")
                .then().statusCode(org.hamcrest.Matchers.greaterThanOrEqualTo(400));
    }

    @Test
    void routesByRole() {
        answered();
        var elsewhere = data.world(QuizService.Settings.practice(), "padding-output-shape");
        String quiz = String.valueOf(world.quizId());
        Session teacher = Session.login(world.instructor(), TestData.PASSWORD);
        teacher.page(studentPage());
        teacher.post(studentPage() + "/override", "quiz", quiz, "score", "2", "reason", "ok").then().statusCode(303);
        Session student = Session.login(world.student(), TestData.PASSWORD);
        Session otherTeacher = Session.login(elsewhere.instructor(), TestData.PASSWORD);
        Session stranger = Session.anonymous();
        student.get(studentPage()).then().statusCode(403);
        otherTeacher.get(studentPage()).then().statusCode(404);
        stranger.get(studentPage()).then().statusCode(302);
        for (Session s : List.of(student, otherTeacher, stranger)) {
            s.page(s == stranger ? "/register" : "/courses");
            int status = s.post(studentPage() + "/override", "quiz", quiz, "score", "0", "reason", "take it").statusCode();
            assertTrue(status == 403 || status == 404 || status == 302, "refused: " + status);
        }
        List<CSVRecord> totals;
        try {
            totals = parse(teacher.request().get("/courses/" + world.courseId() + "/gradebook.csv").then().statusCode(200).extract().asString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertEquals("2", of(totals, "username", world.student()).get("total"), "none of the refused posts changed it");
    }

    /** Every page of a sorted gradebook, following the next links; then back again from the last page. */
    private List<List<String>> pages(Session teacher, String first) {
        List<List<String>> out = new ArrayList<>();
        String page = teacher.request().get(first).then().statusCode(200).extract().asString();
        out.add(GradebookPage.usernames(page));
        String next;
        while ((next = GradebookPage.link(page, "next")) != null) {
            page = teacher.request().get(next).then().statusCode(200).extract().asString();
            out.add(GradebookPage.usernames(page));
        }
        List<List<String>> back = new ArrayList<>();
        back.add(GradebookPage.usernames(page));
        String prev;
        while ((prev = GradebookPage.link(page, "prev")) != null) {
            page = teacher.request().get(prev).then().statusCode(200).extract().asString();
            back.add(0, GradebookPage.usernames(page));
        }
        assertEquals(out, back, "the same pages going back");
        return out;
    }

    @Test
    void sortsByEveryColumnWithKeysetPaging() {
        Session teacher = answered(); // student 1 of 3, other 3 of 3
        String prefix = "z" + java.util.UUID.randomUUID().toString().substring(0, 5);
        data.addStudents(world, prefix, 150); // display names "Paged <prefix> <i>", no attempts
        // Scores by hand for three of them: 2, 0.5 and 3 (ties with the other student are broken by username).
        String[][] set = {{prefix + "007", "2"}, {prefix + "100", "0.5"}, {prefix + "149", "3"}};
        for (String[] s : set) {
            teacher.page("/courses/" + world.courseId() + "/students/" + s[0]);
            teacher.post("/courses/" + world.courseId() + "/students/" + s[0] + "/override", "quiz", String.valueOf(world.quizId()),
                    "score", s[1], "reason", "test").then().statusCode(303);
        }
        String base = "/courses/" + world.courseId() + "/gradebook?q=";
        // By this quiz's score, highest first: 3 (other, <prefix>149 — by username descending on ties), 2, 1, 0.5, then the 147
        // without a score.
        List<List<String>> byScore = pages(teacher, base + "&sort=quiz-" + world.quizId() + "&dir=desc");
        assertEquals(List.of(100, 52), byScore.stream().map(List::size).toList());
        List<String> top = byScore.get(0).subList(0, 5);
        List<String> threes = java.util.stream.Stream.of(world.other(), prefix + "149").sorted(java.util.Comparator.reverseOrder()).toList();
        assertEquals(List.of(threes.get(0), threes.get(1), prefix + "007", world.student(), prefix + "100"), top);
        // Ascending: the 147 unscored first (by username), the 0.5, 1, 2 and the two 3s last.
        List<List<String>> ascending = pages(teacher, base + "&sort=quiz-" + world.quizId());
        List<String> all = ascending.stream().flatMap(List::stream).toList();
        assertEquals(152, all.size());
        assertEquals(List.of(prefix + "100", world.student(), prefix + "007", threes.get(1), threes.get(0)), all.subList(147, 152));
        // The total is the same column here (one quiz).
        assertEquals(all, pages(teacher, base + "&sort=total").stream().flatMap(List::stream).toList());
        // By name, descending: "Paged <prefix> 99" is the highest of the paged names ("Student …"/"Other …" sort elsewhere).
        List<String> byName = pages(teacher, base + prefix + "&sort=name&dir=desc").stream().flatMap(List::stream).toList();
        assertEquals(150, byName.size());
        assertEquals(prefix + "099", byName.get(0));
        assertEquals(prefix + "000", byName.get(149));
        // With a filter, by score: only the filtered students.
        List<String> filtered = pages(teacher, base + prefix + "&sort=quiz-" + world.quizId() + "&dir=desc").stream().flatMap(List::stream).toList();
        assertEquals(List.of(prefix + "149", prefix + "007", prefix + "100"), filtered.subList(0, 3));
        // By student number: none set, so by username.
        assertEquals(java.util.stream.IntStream.range(0, 150).mapToObj(i -> String.format("%s%03d", prefix, i)).toList(),
                pages(teacher, base + prefix + "&sort=number").stream().flatMap(List::stream).toList());
        // Bad sorts are 400s, not 500s.
        for (String bad : List.of("sort=shoe", "sort=quiz-999999999", "sort=quiz-x", "dir=up", "sort=total;drop")) {
            teacher.request().get("/courses/" + world.courseId() + "/gradebook?" + bad).then().statusCode(400);
        }
    }
}
