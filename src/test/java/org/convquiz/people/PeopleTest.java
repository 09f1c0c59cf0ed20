package org.convquiz.people;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.convquiz.quiz.QuizService;
import org.convquiz.quiz.Session;
import org.convquiz.quiz.TestData;
import org.junit.jupiter.api.Test;

/** Instructors manage a course's people: roster import, co-instructors, password links, removal, joining. */
@QuarkusTest
class PeopleTest {
    private static final Pattern LINK = Pattern.compile("/set-password\\?token=([A-Za-z0-9_-]+)");

    @Inject
    TestData data;

    private static List<String> tokens(String page) {
        List<String> out = new ArrayList<>();
        Matcher m = LINK.matcher(page);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static Response upload(Session teacher, long course, String csv) {
        teacher.page("/courses/" + course + "/people");
        return teacher.request().header("Accept-Language", "en").multiPart("csrf-token", teacher.csrf())
                .multiPart("roster", "roster.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/courses/" + course + "/people/roster");
    }

    private static void setPassword(String token, String password) {
        Session anonymous = Session.anonymous();
        anonymous.page("/set-password?token=" + token);
        anonymous.post("/set-password", "token", token, "password", password, "password2", password).then().statusCode(303);
    }

    @Test
    void aRosterWithABomChineseNamesAndBrokenRowsIsImportedRowByRow() {
        var w = data.world(QuizService.Settings.practice(), "padding-output-shape");
        Session teacher = Session.login(w.instructor(), TestData.PASSWORD);
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String csv = "\uFEFFusername,name,email,student_number\n"
                + "li" + tag + ",李雷,li@example.edu,2026001\n"
                + "han" + tag + ",\"韩梅梅, Han\",,2026002\n"
                + "No Spaces Allowed,王五,,\n"                 // line 4: bad user name
                + "li" + tag + ",李雷,,\n"                      // line 5: twice in the file
                + w.instructor() + ",Teacher,,\n";              // line 6: an instructor's account
        String page = upload(teacher, w.courseId(), csv).then().statusCode(200).extract().asString();
        assertTrue(page.contains("2 created, 0 updated, 3 rejected"), page);
        assertTrue(page.contains("Line 4 (no spaces allowed):"), page);
        assertTrue(page.contains("Line 5 (li" + tag + "): this user name appears twice"), page);
        assertTrue(page.contains("Line 6 (" + w.instructor() + "): this user name belongs to an instructor"), page);
        assertTrue(page.contains("韩梅梅, Han"), "quoted names with commas, in Chinese");
        List<String> links = tokens(page);
        assertEquals(2, links.size(), "a one-time link per new account");
        assertEquals("student", data.memberRole("li" + tag, w.courseId()));

        // The link sets the password once; then the student signs in; the link is used up.
        setPassword(links.get(0), "my-own-password");
        Session.login("li" + tag, "my-own-password");
        given().get("/set-password?token=" + links.get(0)).then().statusCode(404).body(containsString("does not work"));

        // The same roster with a changed name: updated, not created again.
        String again = upload(teacher, w.courseId(), "username,name\nhan" + tag + ",韩梅梅\n").then().statusCode(200).extract().asString();
        assertTrue(again.contains("0 created, 1 updated, 0 rejected"), again);
        // A file that is not a roster: one message, nothing stored.
        String bad = upload(teacher, w.courseId(), "user;name\nx;y\n").then().statusCode(400).extract().asString();
        assertTrue(bad.contains("The first row must name the columns"), bad);
    }

    @Test
    void aNewCoInstructorSetsAPasswordAndTeachesTheCourse() {
        var w = data.world(QuizService.Settings.practice(), "padding-output-shape");
        Session teacher = Session.login(w.instructor(), TestData.PASSWORD);
        String name = "co" + UUID.randomUUID().toString().substring(0, 6);
        teacher.page("/courses/" + w.courseId() + "/people");
        String page = teacher.post("/courses/" + w.courseId() + "/people/instructors", "username", name, "display_name", "张老师")
                .then().statusCode(200).extract().asString();
        setPassword(tokens(page).get(0), "co-teacher-pass");
        Session co = Session.login(name, "co-teacher-pass");
        co.get("/courses/" + w.courseId() + "/gradebook").then().statusCode(200);
        co.get("/courses/" + w.courseId() + "/people").then().statusCode(200).body(containsString("张老师"));
        // A student account cannot be made an instructor.
        teacher.page("/courses/" + w.courseId() + "/people");
        teacher.post("/courses/" + w.courseId() + "/people/instructors", "username", w.student()).then().statusCode(400);
        assertEquals("student", data.memberRole(w.student(), w.courseId()));
    }

    @Test
    void removingAStudentKeepsTheirSubmissionsAndPasswordLinksReplaceEachOther() {
        var w = data.world(QuizService.Settings.practice(), "padding-output-shape");
        Session student = Session.login(w.student(), TestData.PASSWORD);
        long attempt = student.start(w.courseId(), w.quizId());
        student.page("/attempts/" + attempt);
        student.post("/attempts/" + attempt + "/items/0", "idempotency", student.idempotency(0), "a.0.shape", "1×2×3").then().statusCode(303);
        Session teacher = Session.login(w.instructor(), TestData.PASSWORD);
        teacher.page("/courses/" + w.courseId() + "/people");
        String first = teacher.post("/courses/" + w.courseId() + "/people/" + w.student() + "/password-link").then().statusCode(200).extract().asString();
        teacher.page("/courses/" + w.courseId() + "/people");
        String second = teacher.post("/courses/" + w.courseId() + "/people/" + w.student() + "/password-link").then().statusCode(200).extract().asString();
        given().get("/set-password?token=" + tokens(first).get(0)).then().statusCode(404);
        given().get("/set-password?token=" + tokens(second).get(0)).then().statusCode(200);
        teacher.page("/courses/" + w.courseId() + "/people");
        teacher.post("/courses/" + w.courseId() + "/people/" + w.student() + "/remove").then().statusCode(303);
        assertNull(data.memberRole(w.student(), w.courseId()));
        assertEquals(1, data.submissions(attempt).size(), "their submissions stay");
        assertEquals(404, student.get("/courses/" + w.courseId()).statusCode());
        teacher.page("/courses/" + w.courseId() + "/people");
        teacher.post("/courses/" + w.courseId() + "/people/nobody-here/remove").then().statusCode(404);
    }

    @Test
    void theJoinCodeRotatesAndJoiningCloses() {
        var w = data.world(QuizService.Settings.practice(), "padding-output-shape");
        var elsewhere = data.world(QuizService.Settings.practice(), "padding-output-shape");
        Session teacher = Session.login(w.instructor(), TestData.PASSWORD);
        teacher.page("/courses/" + w.courseId() + "/people");
        teacher.post("/courses/" + w.courseId() + "/people/join-code").then().statusCode(303);
        Session newcomer = Session.login(elsewhere.student(), TestData.PASSWORD);
        newcomer.page("/courses");
        newcomer.post("/courses/join", "code", w.joinCode()).then().statusCode(400);
        String code = teacher.request().header("Accept-Language", "en").get("/courses/" + w.courseId() + "/people").asString()
                .replaceAll("(?s).*Join code: ([A-Z0-9]{8}).*", "$1");
        assertEquals(8, code.length(), code);
        teacher.page("/courses/" + w.courseId() + "/people");
        teacher.post("/courses/" + w.courseId() + "/people/joining", "open", "false").then().statusCode(303);
        newcomer.page("/courses");
        newcomer.request().header("Accept-Language", "en").formParam("csrf-token", newcomer.csrf()).formParam("code", code)
                .post("/courses/join").then().statusCode(409).body(containsString("no longer admits"));
        teacher.page("/courses/" + w.courseId() + "/people");
        teacher.post("/courses/" + w.courseId() + "/people/joining", "open", "maybe").then().statusCode(400);
        teacher.page("/courses/" + w.courseId() + "/people");
        teacher.post("/courses/" + w.courseId() + "/people/joining", "open", "true").then().statusCode(303);
        newcomer.page("/courses");
        newcomer.post("/courses/join", "code", code).then().statusCode(303);
    }

    @Test
    void onlyTheCoursesInstructorsReachItsPeople() {
        var w = data.world(QuizService.Settings.practice(), "padding-output-shape");
        var other = data.world(QuizService.Settings.practice(), "padding-output-shape");
        String base = "/courses/" + w.courseId() + "/people";
        Session student = Session.login(w.student(), TestData.PASSWORD);
        Session otherTeacher = Session.login(other.instructor(), TestData.PASSWORD);
        assertEquals(403, student.get(base).statusCode());
        assertEquals(404, otherTeacher.get(base).statusCode());
        assertEquals(302, given().redirects().follow(false).get(base).statusCode(), "strangers are sent to sign in");
        otherTeacher.page("/courses");
        for (String action : List.of("/join-code", "/joining", "/instructors", "/" + w.student() + "/remove", "/" + w.student() + "/password-link")) {
            int status = otherTeacher.post(base + action, "open", "false", "username", "x" + action.length()).statusCode();
            assertEquals(404, status, action);
        }
        student.page("/courses");
        assertEquals(403, student.post(base + "/join-code").statusCode());
        assertEquals("student", data.memberRole(w.student(), w.courseId()), "nothing changed");
    }

    @io.quarkus.test.common.http.TestHTTPResource("/")
    java.net.URL root;

    /** In a browser: the roster file chosen and imported, the report with links, in both languages. */
    @Test
    void theRosterIsImportedFromAFileInTheBrowser() throws Exception {
        var w = data.world(QuizService.Settings.practice(), "padding-output-shape");
        for (String lang : List.of("en", "zh")) {
            String tag = UUID.randomUUID().toString().substring(0, 6);
            java.nio.file.Path file = java.nio.file.Files.createTempFile("roster", ".csv");
            java.nio.file.Files.writeString(file, "\uFEFFusername,name,student_number\nzhao" + tag + ",赵六,2026100\nBad Name,钱七,\n");
            org.convquiz.web.Browser.madeUp("zhao" + tag, "Bad Name", "bad name");
            try (org.convquiz.web.Browser browser = org.convquiz.web.Browser.open(lang)) {
                var d = browser.driver();
                browser.signIn(root + "login?lang=" + lang, w.instructor(), TestData.PASSWORD);
                d.get(root + "courses/" + w.courseId() + "/people");
                d.findElement(org.openqa.selenium.By.id("roster")).sendKeys(file.toString());
                browser.clickAndWait(d.findElement(org.openqa.selenium.By.cssSelector("form[action$='/roster'] button")));
                String report = d.findElement(org.openqa.selenium.By.cssSelector("[data-testid=roster-report]")).getText();
                assertTrue(report.contains("赵六") && report.contains("set-password?token="), report);
                assertEquals(1, d.findElements(org.openqa.selenium.By.cssSelector("[data-testid=rejected] li")).size());
                browser.screenshot("people-roster-" + lang);
            }
        }
    }
}
