package org.convquiz.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.convquiz.quiz.QuizService;
import org.convquiz.quiz.Session;
import org.convquiz.quiz.Submission;
import org.convquiz.quiz.TestData;
import org.junit.jupiter.api.Test;

/**
 * Hostile input over HTTP (issue 9): exercise expressions that tried to reach the server's files are
 * refused by the validate API, the store API and the instructor editor, and nothing is stored; NUL
 * bytes, lone surrogates, RTL marks and 100 KB strings in forms and URLs never give a 5xx, and what
 * the student typed is stored (NUL and lone surrogates as U+FFFD).
 */
@QuarkusTest
class HostileInputHttpTest {
    private static final String ENV_PROBE = "new('java.io.BufferedReader', new('java.io.FileReader', '/proc/self/environ')).readLine() != null";
    private static final String WRITE_PROBE = "new('java.io.FileWriter', '/tmp/convquiz-http-probe').append('x') != null";

    @Inject
    TestData data;

    private static String exercise(String id, String constraint) throws Exception {
        return Files.readString(Path.of("exercises/padding-output-shape.yaml"))
                .replace("id: padding-output-shape", "id: " + id)
                .replace("  - c_in != c_out", "  - \"" + constraint + "\"");
    }

    @Test
    void theValidateAndStoreApisRefuseEscapesAndStoreNothing() throws Exception {
        var world = data.world(QuizService.Settings.practice(), "padding-output-shape");
        String id = "probe-" + UUID.randomUUID().toString().substring(0, 8);
        for (String probe : List.of(ENV_PROBE, WRITE_PROBE, "(x -> { while (true) {} })(1) == 1", "'a'.repeat(400000000) == ''",
                "n * n * n * n * n * n * n * n > 0", "''.getClass() == null", "Class.forName('java.lang.Runtime') == null")) {
            String yaml = exercise(id, probe);
            for (String path : List.of("/api/exercises/validate", "/api/exercises")) {
                long start = System.nanoTime();
                Response r = given().auth().preemptive().basic(world.instructor(), TestData.PASSWORD)
                        .contentType("text/plain; charset=UTF-8").accept(ContentType.JSON)
                        .body(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post(path);
                assertEquals(422, r.statusCode(), path + " " + probe + ": " + r.asString());
                assertFalse(r.asString().contains("cannot be checked"), r.asString());
                String body = r.asString();
                assertTrue(body.contains("exercise.yaml:21:"), body);
                assertFalse(body.contains("PATH=") || body.contains("PASSWORD") || body.contains("HOME="), body);
                assertTrue((System.nanoTime() - start) / 1_000_000 < 5_000, probe);
            }
        }
        assertFalse(Files.exists(Path.of("/tmp/convquiz-http-probe")));
        given().auth().preemptive().basic(world.instructor(), TestData.PASSWORD).accept(ContentType.JSON)
                .get("/api/exercises/" + id + "/variants/0").then().statusCode(404);
    }

    @Test
    void theInstructorEditorRefusesEscapesAndHugeShapes() throws Exception {
        var world = data.world(QuizService.Settings.practice(), "padding-output-shape");
        Session teacher = Session.login(world.instructor(), TestData.PASSWORD);
        teacher.page("/instructor/exercises/new");
        String id = "probe-" + UUID.randomUUID().toString().substring(0, 8);
        for (String action : List.of("validate", "save")) {
            teacher.post("/instructor/exercises", "yaml", exercise(id, ENV_PROBE), "action", action).then().statusCode(422)
                    .body(containsString("is not a function here")).body(not(containsString("PATH=")));
            String huge = exercise(id, "c_in != c_out").replace("input_shape: [c_in, n, n]", "input_shape: [c_in, 1000, 1000]");
            teacher.post("/instructor/exercises", "yaml", huge, "action", action).then().statusCode(422)
                    .body(containsString("larger than the limit of 512"));
        }
        teacher.get("/instructor/exercises/" + id).then().statusCode(404);
    }

    /**
     * Posts a form encoded by hand, as an attacker would: a lone surrogate goes as its three UTF-8-style
     * bytes (%ED%A0%80), which no client library would send for it.
     */
    private static Response rawPost(Session s, String path, String... fields) {
        StringBuilder body = new StringBuilder("csrf-token=" + encode(s.csrf()));
        for (int i = 0; i < fields.length; i += 2) {
            body.append('&').append(encode(fields[i])).append('=').append(encode(fields[i + 1]));
        }
        return s.request().contentType("application/x-www-form-urlencoded; charset=UTF-8").body(body.toString()).post(path);
    }

    private static String encode(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
            if (Character.isSurrogate(c) && !pair) {
                out.append(String.format("%%%02X%%%02X%%%02X", 0xE0 | (c >> 12), 0x80 | ((c >> 6) & 0x3F), 0x80 | (c & 0x3F)));
            } else {
                String unit = pair ? text.substring(i, i + 2) : String.valueOf(c);
                out.append(java.net.URLEncoder.encode(unit, java.nio.charset.StandardCharsets.UTF_8));
                i += pair ? 1 : 0;
            }
        }
        return out.toString();
    }

    /** What the server stores: NUL and lone surrogates as U+FFFD (a malformed byte sequence may give several, counted as one). */
    private static String asStored(String text) {
        return org.convquiz.web.CleanText.of(text).replaceAll("\uFFFD+", "\uFFFD").replace("\r\n", "\n").strip();
    }

    private static String shortly(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "…";
    }

    @Test
    void nulAndLoneSurrogatesInAnAnswerAreStoredAsTyped() {
        var world = data.world(QuizService.Settings.practice(), "padding-output-shape");
        Session s = Session.login(world.student(), TestData.PASSWORD);
        long attempt = s.start(world.courseId(), world.quizId());
        s.page("/attempts/" + attempt);
        String typed = "4\u0000×102\uD800×102\u200F";
        rawPost(s, "/attempts/" + attempt + "/items/0", "idempotency", "nul-1", "a.0.shape", typed).then().statusCode(303);
        List<Submission> stored = data.submissions(attempt);
        assertEquals(1, stored.size());
        assertEquals("4\uFFFD×102\uFFFD×102\u200F", asStored(stored.get(0).rawAnswer));
        assertFalse(stored.get(0).rawAnswer.contains("?"), stored.get(0).rawAnswer);
        s.get("/attempts/" + attempt).then().statusCode(200);
    }

    /** A seeded HTTP fuzz of form posts with hostile strings: no 5xx, and every answer is stored. */
    @Test
    void hostileFormPostsNeverGive5xxAndTheAnswerIsStored() {
        var world = data.world(QuizService.Settings.practice(), "padding-output-shape");
        Session s = Session.login(world.student(), TestData.PASSWORD);
        long attempt = s.start(world.courseId(), world.quizId());
        Random random = new Random(20_261_128L);
        List<String> pieces = List.of("\u0000", "\uD800", "\uDFFF", "\u200F", "\u202E", "\uFEFF", "4×102×102", "'; drop table users; --",
                "<script>alert(1)</script>", "%00", "\\u0000", "𝟜", "A, ".repeat(2000), "x".repeat(100_000), "🙂", "\r\n");
        int posts = 24;
        for (int i = 0; i < posts; i++) {
            StringBuilder typed = new StringBuilder();
            for (int k = 1 + random.nextInt(4); k > 0; k--) {
                typed.append(pieces.get(random.nextInt(pieces.size())));
            }
            s.page("/attempts/" + attempt);
            Response r = rawPost(s, "/attempts/" + attempt + "/items/0", "idempotency", "fuzz-" + i, "a.0.shape", typed.toString());
            assertTrue(r.statusCode() < 500, "post " + i + " → " + r.statusCode());
            List<Submission> stored = data.submissions(attempt);
            assertEquals(i + 1, stored.size(), "post " + i + " is stored");
            String expected = asStored(typed.toString());
            String got = asStored(stored.get(i).rawAnswer);
            // The quiz keeps the first 20,000 characters of an answer (longer text is no answer to a quiz part).
            assertTrue(expected.startsWith(got) && got.length() >= Math.min(expected.length(), 20_000 - 2), "post " + i + " stored as typed: expected " + expected.length() + " characters starting "
                    + shortly(expected) + ", got " + got.length() + " starting " + shortly(got));
        }
    }

    @Test
    void nulInNamesCodesTitlesAndUrlIdsIsNeverA5xx() {
        var world = data.world(QuizService.Settings.practice(), "padding-output-shape");
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Session stranger = new Session();
        stranger.page("/register");
        Response registered = rawPost(stranger, "/register", "username", "nul" + tag + "\u0000x", "display_name", "Eve\u0000\uD800 " + tag,
                "password", "secret-pass-1", "password2", "secret-pass-1", "join_code", world.joinCode() + "\u0000");
        assertTrue(registered.statusCode() < 500, "register → " + registered.statusCode());

        given().redirects().follow(false).formParam("j_username", "nul\u0000" + tag).formParam("j_password", "x\u0000")
                .post("/j_security_check").then().statusCode(lessThan(500));

        Session teacher = Session.login(world.instructor(), TestData.PASSWORD);
        teacher.page("/courses");
        rawPost(teacher, "/courses", "title", "Course\u0000 \uDC00" + tag).then().statusCode(lessThan(500));
        String courses = teacher.page("/courses").replaceAll("\uFFFD+", "\uFFFD");
        assertTrue(courses.contains("Course\uFFFD \uFFFD" + tag), "the title is stored with U+FFFD");
        rawPost(teacher, "/courses/join", "code", "\u0000\uD800").then().statusCode(lessThan(500));

        for (String path : List.of("/attempts/%00", "/courses/%00", "/courses/1%00", "/attempts/%ED%A0%80",
                "/instructor/exercises/%00", "/courses/" + world.courseId() + "%00/gradebook", "/history?x=%00")) {
            int status = teacher.get(path).statusCode();
            assertTrue(status < 500, path + " → " + status);
        }
        int api = given().auth().preemptive().basic(world.instructor(), TestData.PASSWORD).accept(ContentType.JSON)
                .urlEncodingEnabled(false).get("/api/exercises/%00/variants/0").statusCode();
        assertTrue(api == 404 || api == 400, "api id → " + api);
    }
}
