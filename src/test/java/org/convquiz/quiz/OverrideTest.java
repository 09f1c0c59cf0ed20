package org.convquiz.quiz;

import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.convquiz.audit.AuditLog;
import org.junit.jupiter.api.Test;

/**
 * Per-student exceptions (issue 11): a later close lets one student start and take a quiz the class can no
 * longer start, extra minutes lengthen that student's attempt, an extra attempt allows one more; each change
 * is audited with before and after; bad forms change nothing; only the course's instructors reach the page.
 */
@QuarkusTest
class OverrideTest {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @Inject
    TestData data;

    private static String path(TestData.World w) {
        return "/courses/" + w.courseId() + "/quizzes/" + w.quizId() + "/overrides";
    }

    private static long overrides(long quizId) {
        return QuarkusTransaction.requiringNew().call(() -> QuizOverride.count("quiz.id", quizId));
    }

    private static java.util.List<String> audit(String action, String student) {
        return QuarkusTransaction.requiringNew().call(() -> AuditLog.<AuditLog>list("action = ?1 and detail like ?2 order by id", action,
                "%student " + student + ":%").stream().map(a -> a.detail).toList());
    }

    @Test
    void aLaterCloseAndExtraMinutesLetOneStudentTakeAClosedExam() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);
        var w = data.world(new QuizService.Settings(Quiz.Mode.exam, Quiz.Reveal.after_submit, null, null, 30, 1), "padding-output-shape");
        data.moveQuizWindow(w.quizId(), now.minusDays(2), now.minusDays(1)); // closed yesterday: the student was ill
        Session teacher = Session.login(w.instructor(), TestData.PASSWORD);
        teacher.page(path(w));
        OffsetDateTime close = now.plusDays(1);
        teacher.post(path(w), "student", w.student(), "extra_minutes", "15", "extra_attempts", "", "closes_at", close.format(LOCAL),
                "reason", "ill on exam day (doctor's note)").then().statusCode(303);
        String page = teacher.page(path(w));
        assertTrue(page.contains("data-override=\"" + w.student() + "\"") && page.contains("ill on exam day"), page);

        // the student with the exception starts; the other student cannot
        Session student = Session.login(w.student(), TestData.PASSWORD);
        student.page("/courses/" + w.courseId());
        long attempt = student.start(w.courseId(), w.quizId());
        OffsetDateTime deadline = QuarkusTransaction.requiringNew().call(() -> Attempt.<Attempt>findById(attempt).deadlineAt);
        // 30 minutes of the quiz + 15 extra, well before the student's own close tomorrow
        long minutes = Duration.between(OffsetDateTime.now(ZoneOffset.UTC), deadline).toMinutes();
        assertTrue(minutes >= 43 && minutes <= 45, "deadline in about 45 minutes, was " + minutes);
        Session other = Session.login(w.other(), TestData.PASSWORD);
        other.page("/courses/" + w.courseId());
        other.post("/quizzes/" + w.quizId() + "/attempts").then().statusCode(409);

        java.util.List<String> log = audit("quiz.override", w.student());
        assertEquals(1, log.size());
        assertTrue(log.get(0).contains("none → +15 min, +0 attempts, closes") && log.get(0).contains("ill on exam day"), log.get(0));
    }

    @Test
    void anExtraAttemptAllowsOneMoreAndRemovingItIsAudited() {
        var w = data.world(new QuizService.Settings(Quiz.Mode.exam, Quiz.Reveal.after_submit, null, null, null, 1), "padding-output-shape");
        Session student = Session.login(w.student(), TestData.PASSWORD);
        long first = student.start(w.courseId(), w.quizId());
        student.page("/attempts/" + first);
        student.post("/attempts/" + first + "/submit", "idempotency", student.idempotency(0)).then().statusCode(303);
        student.post("/quizzes/" + w.quizId() + "/attempts").then().statusCode(409); // the one attempt is used

        Session teacher = Session.login(w.instructor(), TestData.PASSWORD);
        teacher.page(path(w));
        teacher.post(path(w), "student", w.student(), "extra_attempts", "1", "reason", "browser crashed").then().statusCode(303);
        assertTrue(student.start(w.courseId(), w.quizId()) != first, "a second attempt");

        teacher.post(path(w) + "/" + w.student() + "/remove").then().statusCode(303);
        assertEquals(0, overrides(w.quizId()));
        java.util.List<String> removed = audit("quiz.override.remove", w.student());
        assertEquals(1, removed.size());
        assertTrue(removed.get(0).contains("+0 min, +1 attempts") && removed.get(0).endsWith("→ none"), removed.get(0));
        teacher.post(path(w) + "/" + w.student() + "/remove").then().statusCode(404);
    }

    @Test
    void badFormsAreRefusedWithTheirReasonAndChangeNothing() {
        var w = data.world(new QuizService.Settings(Quiz.Mode.exam, Quiz.Reveal.after_submit, null, null, 30, 1), "padding-output-shape");
        Session teacher = Session.login(w.instructor(), TestData.PASSWORD);
        teacher.page(path(w));
        String noReason = teacher.post(path(w), "student", w.student(), "extra_minutes", "10", "reason", " ")
                .then().statusCode(400).extract().asString();
        assertTrue(noReason.contains("Say why") && noReason.contains("value=\"10\""), "message, and what was typed is kept");
        assertTrue(teacher.post(path(w), "student", w.student(), "extra_minutes", "ten", "reason", "r").then().statusCode(400)
                .extract().asString().contains("whole number from 0 to 10080"));
        assertTrue(teacher.post(path(w), "student", w.student(), "extra_minutes", "99999", "reason", "r").then().statusCode(400)
                .extract().asString().contains("whole number from 0 to 10080"));
        assertTrue(teacher.post(path(w), "student", "nobody-here", "extra_minutes", "5", "reason", "r").then().statusCode(400)
                .extract().asString().contains("no student with this user name"));
        assertTrue(teacher.post(path(w), "student", w.instructor(), "extra_minutes", "5", "reason", "r").then().statusCode(400)
                .extract().asString().contains("no student with this user name"), "an instructor is not a student");
        assertTrue(teacher.post(path(w), "student", w.student(), "closes_at", "tomorrow", "reason", "r").then().statusCode(400)
                .extract().asString().contains("must be a date and time"));
        assertTrue(teacher.post(path(w), "student", w.student(), "closes_at", "2026-02-30T10:00", "reason", "r").then().statusCode(400)
                .extract().asString().contains("must be a date and time"));
        assertTrue(teacher.post(path(w), "student", w.student(), "reason", "r").then().statusCode(400)
                .extract().asString().contains("changes nothing"));
        assertEquals(0, overrides(w.quizId()));
        assertEquals(0, audit("quiz.override", w.student()).size());
    }

    @Test
    void onlyTheCoursesInstructorsReachTheExceptions() {
        var w = data.world(QuizService.Settings.practice(), "padding-output-shape");
        var other = data.world(QuizService.Settings.practice(), "padding-output-shape");
        Session student = Session.login(w.student(), TestData.PASSWORD);
        student.get(path(w)).then().statusCode(403);
        student.page("/courses/" + w.courseId());
        student.post(path(w), "student", w.student(), "extra_attempts", "5", "reason", "me").then().statusCode(403);
        Session stranger = Session.login(other.instructor(), TestData.PASSWORD);
        stranger.get(path(w)).then().statusCode(404);
        stranger.page("/courses/" + other.courseId());
        stranger.post(path(w), "student", w.student(), "extra_attempts", "5", "reason", "x").then().statusCode(404);
        // this course's quiz through the other course's address
        stranger.get("/courses/" + other.courseId() + "/quizzes/" + w.quizId() + "/overrides").then().statusCode(404);
        Session.anonymous().request().redirects().follow(false).get(path(w)).then().statusCode(anyOf(is(302), is(401)));
        assertEquals(0, overrides(w.quizId()));
        Session teacher = Session.login(w.instructor(), TestData.PASSWORD);
        teacher.get(path(w)).then().statusCode(200);
    }
}
