package org.convquiz.quiz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Matcher;
import org.convquiz.audit.AuditLog;
import org.junit.jupiter.api.Test;

/**
 * A quiz's settings after it was made: an instructor sees them as they are and changes them (post-redirect-get,
 * audited); unfinished attempts get the new deadline, each with its student's exception; the mode stays once
 * students have started; a stale or bad form changes nothing and says why; only the course's instructors reach it.
 * Times are entered in the course's zone (set to Asia/Shanghai, UTC+8, here) and the expected instants are worked
 * out by hand.
 */
@QuarkusTest
class QuizSettingsTest {
    private static final QuizService.Settings EXAM = new QuizService.Settings(Quiz.Mode.exam, Quiz.Reveal.after_submit, null, null, 30, 2);

    @Inject
    TestData data;

    private static String path(TestData.World w) {
        return "/courses/" + w.courseId() + "/quizzes/" + w.quizId() + "/settings";
    }

    private TestData.World world() {
        TestData.World w = data.world(EXAM, "padding-output-shape");
        data.sql("update course set time_zone = 'Asia/Shanghai' where id = ?1", w.courseId());
        return w;
    }


    private static Quiz quiz(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Quiz.<Quiz>findById(id));
    }

    private static Attempt attempt(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Attempt.<Attempt>findById(id));
    }

    private static String version(String page) {
        Matcher m = java.util.regex.Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(page);
        assertTrue(m.find(), "the form carries the quiz's version");
        return m.group(1);
    }

    /** The form's fields as typed: mode, reveal, opens, closes, limit, attempts. */
    private static Object[] form(String version, String mode, String reveal, String opens, String closes, String limit, String attempts) {
        return new Object[] {"version", version, "mode", mode, "reveal", reveal, "opens_at", opens, "closes_at", closes, "time_limit", limit,
            "max_attempts", attempts};
    }

    @Test
    void anInstructorSeesTheSettingsAsTheyAreAndChangesThem() {
        var w = world();
        Session teacher = Session.login(w.instructor(), TestData.PASSWORD);
        assertTrue(teacher.page("/courses/" + w.courseId()).contains("href=\"" + path(w) + "\""), "linked from the course page");
        String page = teacher.page(path(w));
        assertTrue(page.contains("<option value=\"exam\" selected>") && page.contains("<option value=\"after_submit\" selected>"), page);
        assertTrue(page.contains("id=\"time_limit\" name=\"time_limit\" inputmode=\"numeric\" value=\"30\"")
                && page.contains("id=\"max_attempts\" name=\"max_attempts\" inputmode=\"numeric\" value=\"2\""), page);
        assertTrue(page.contains("(Asia/Shanghai)"), "times are entered in the course's zone");

        teacher.post(path(w), form(version(page), "exam", "after_close", "2030-01-01T08:00", "2030-01-01T10:00", "45", "3"))
                .then().statusCode(303).header("Location", org.hamcrest.Matchers.endsWith(path(w) + "?saved=1"));
        Quiz q = quiz(w.quizId());
        assertEquals(Quiz.Reveal.after_close, q.reveal);
        assertEquals(Instant.parse("2030-01-01T00:00:00Z"), q.opensAt.toInstant(), "08:00 in Shanghai is midnight UTC");
        assertEquals(Instant.parse("2030-01-01T02:00:00Z"), q.closesAt.toInstant());
        assertEquals(45, q.timeLimitMinutes);
        assertEquals(3, q.maxAttempts);
        String saved = teacher.page(path(w) + "?saved=1");
        assertTrue(saved.contains("Settings saved.") && saved.contains("value=\"2030-01-01T10:00\""), "shown back in the course's zone");

        // emptied fields mean none: no window, no limit, unlimited attempts
        teacher.post(path(w), form(version(saved), "exam", "immediately", "", "", "", "")).then().statusCode(303);
        q = quiz(w.quizId());
        assertEquals(List.of(), java.util.stream.Stream.of(q.opensAt, q.closesAt, q.timeLimitMinutes, q.maxAttempts)
                .filter(java.util.Objects::nonNull).toList());
        List<String> log = QuarkusTransaction.requiringNew().call(() -> AuditLog.<AuditLog>list("action = ?1 and detail like ?2 order by id",
                "quiz.settings", "%(course " + w.courseId() + ")%").stream().map(a -> a.detail).toList());
        assertEquals(2, log.size(), "each change audited");
        assertTrue(log.get(0).contains("exam, reveal after_submit, opens null, closes null, 30 min, 2 attempts → exam, reveal after_close"), log.get(0));
    }

    @Test
    void unfinishedAttemptsGetTheNewDeadlineWithTheirStudentsException() {
        var w = world();
        Session student = Session.login(w.student(), TestData.PASSWORD);
        long mine = student.start(w.courseId(), w.quizId());
        Session teacher = Session.login(w.instructor(), TestData.PASSWORD);
        teacher.page("/courses/" + w.courseId() + "/quizzes/" + w.quizId() + "/overrides");
        teacher.post("/courses/" + w.courseId() + "/quizzes/" + w.quizId() + "/overrides", "student", w.other(), "extra_minutes", "15",
                "reason", "accommodation").then().statusCode(303);
        Session other = Session.login(w.other(), TestData.PASSWORD);
        long theirs = other.start(w.courseId(), w.quizId());
        OffsetDateTime mineStarted = attempt(mine).startedAt;
        OffsetDateTime theirsStarted = attempt(theirs).startedAt;

        // 30 → 60 minutes: started + 60, and + 75 for the student with 15 extra
        teacher.post(path(w), form(version(teacher.page(path(w))), "exam", "after_submit", "", "", "60", "2")).then().statusCode(303);
        assertEquals(mineStarted.toInstant().plusSeconds(60 * 60), attempt(mine).deadlineAt.toInstant());
        assertEquals(theirsStarted.toInstant().plusSeconds(75 * 60), attempt(theirs).deadlineAt.toInstant());

        // a close ten minutes from now comes before both: both end then
        OffsetDateTime close = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusMinutes(10).truncatedTo(ChronoUnit.MINUTES);
        String local = close.toLocalDateTime().toString(); // as typed in Shanghai
        teacher.post(path(w), form(version(teacher.page(path(w))), "exam", "after_submit", "", local, "60", "2")).then().statusCode(303);
        assertEquals(close.toInstant(), attempt(mine).deadlineAt.toInstant());
        assertEquals(close.toInstant(), attempt(theirs).deadlineAt.toInstant());

        // handed in: the deadline is history
        student.page("/attempts/" + mine);
        student.post("/attempts/" + mine + "/submit", "idempotency", student.idempotency(0)).then().statusCode(303);
        OffsetDateTime handedIn = attempt(mine).deadlineAt;
        teacher.post(path(w), form(version(teacher.page(path(w))), "exam", "after_submit", "", "", "90", "2")).then().statusCode(303);
        assertEquals(handedIn, attempt(mine).deadlineAt);
        assertEquals(theirsStarted.toInstant().plusSeconds(105 * 60), attempt(theirs).deadlineAt.toInstant(), "90 + 15");
    }

    @Test
    void theModeStaysOnceStudentsHaveStarted() {
        var w = world();
        Session teacher = Session.login(w.instructor(), TestData.PASSWORD);
        String before = teacher.page(path(w));
        assertTrue(before.contains("<select id=\"mode\" name=\"mode\">"), "nobody has started: the mode can change");
        Session.login(w.student(), TestData.PASSWORD).start(w.courseId(), w.quizId());

        String locked = teacher.page(path(w));
        assertFalse(locked.contains("<select id=\"mode\""), "shown, not offered");
        assertTrue(locked.contains("Students have started this quiz, so its mode can no longer change"), locked);
        assertTrue(locked.contains("<input type=\"hidden\" name=\"mode\" value=\"exam\">"), locked);
        // a form made before the start (or forged) is refused, and nothing it carried is stored
        String refused = teacher.post(path(w), form(version(before), "practice", "immediately", "", "", "5", "9")).then().statusCode(409)
                .extract().asString();
        assertTrue(refused.contains("its mode can no longer change"), refused);
        Quiz q = quiz(w.quizId());
        assertEquals(List.of(Quiz.Mode.exam, Quiz.Reveal.after_submit, 30, 2), List.of(q.mode, q.reveal, q.timeLimitMinutes, q.maxAttempts));
    }

    @Test
    void aFormFromBeforeAnotherChangeIsRefusedAndShowsTheQuizAsItIsNow() {
        var w = world();
        Session first = Session.login(w.instructor(), TestData.PASSWORD);
        String seen = version(first.page(path(w)));
        first.post(path(w), form(seen, "exam", "after_submit", "", "", "40", "2")).then().statusCode(303);
        String stale = first.post(path(w), form(seen, "exam", "never", "", "", "50", "2")).then().statusCode(409).extract().asString();
        assertTrue(stale.contains("Someone changed this quiz after you opened the page"), stale);
        assertTrue(stale.contains("name=\"time_limit\" inputmode=\"numeric\" value=\"40\""), "the settings as they are now");
        assertEquals(40, quiz(w.quizId()).timeLimitMinutes);
        assertFalse(seen.equals(version(stale)), "the page carries the new version, so saving again works");
        first.post(path(w), form(version(stale), "exam", "never", "", "", "50", "2")).then().statusCode(303);
        assertEquals(50, quiz(w.quizId()).timeLimitMinutes);
    }

    @Test
    void badFormsSayWhyKeepWhatWasTypedAndChangeNothing() {
        var w = world();
        Session teacher = Session.login(w.instructor(), TestData.PASSWORD);
        String v = version(teacher.page(path(w)));
        String letters = teacher.post(path(w), form(v, "exam", "after_submit", "", "", "thirty", "2")).then().statusCode(400)
                .extract().asString();
        assertTrue(letters.contains("value=\"thirty\""), "what was typed stays");
        assertTrue(letters.contains("role=\"alert\""), letters);
        String reversed = teacher.post(path(w), form(v, "exam", "after_submit", "2030-01-02T08:00", "2030-01-01T08:00", "30", "2"))
                .then().statusCode(400).extract().asString();
        assertTrue(reversed.contains("value=\"2030-01-02T08:00\""), reversed);
        teacher.post(path(w), form(v, "quiz", "after_submit", "", "", "30", "2")).then().statusCode(400);
        teacher.post(path(w), form(v, "exam", "sometimes", "", "", "30", "2")).then().statusCode(400);
        teacher.post(path(w), form(v, "exam", "after_submit", "2030-02-30T08:00", "", "30", "2")).then().statusCode(400);
        teacher.post(path(w), form(v, "exam", "after_submit", "", "", "10081", "2")).then().statusCode(400);
        teacher.post(path(w), "mode", "exam", "reveal", "after_submit").then().statusCode(400); // no version
        teacher.post(path(w), form("x1", "exam", "after_submit", "", "", "30", "2")).then().statusCode(400);
        Quiz q = quiz(w.quizId());
        assertEquals(List.of(Quiz.Mode.exam, Quiz.Reveal.after_submit, 30, 2), List.of(q.mode, q.reveal, q.timeLimitMinutes, q.maxAttempts));
        assertEquals(null, q.opensAt);
    }

    @Test
    void onlyTheCoursesInstructorsReachTheSettings() {
        var w = world();
        Session.login(w.student(), TestData.PASSWORD).get(path(w)).then().statusCode(403);
        var elsewhere = world();
        Session stranger = Session.login(elsewhere.instructor(), TestData.PASSWORD);
        stranger.get(path(w)).then().statusCode(404);
        stranger.page(path(elsewhere));
        stranger.post(path(w), form("0", "practice", "immediately", "", "", "", "")).then().statusCode(404);
        // the quiz through another course's address
        stranger.get("/courses/" + elsewhere.courseId() + "/quizzes/" + w.quizId() + "/settings").then().statusCode(404);
        stranger.get("/courses/" + elsewhere.courseId() + "/quizzes/999999999/settings").then().statusCode(404);
        assertEquals(Quiz.Mode.exam, quiz(w.quizId()).mode);
    }
}
