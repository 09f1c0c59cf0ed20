package org.convquiz.quiz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.convquiz.account.Course;
import org.junit.jupiter.api.Test;

/**
 * A course's own time zone (issue 11): quiz times are entered and shown in it, named, and stored in UTC.
 * Expected instants worked by hand: Asia/Shanghai is UTC+8 all year; Europe/Berlin is UTC+1 in December.
 */
@QuarkusTest
class CourseTimeZoneTest {
    @Inject
    TestData data;

    private static long newestCourse(String title) {
        return QuarkusTransaction.requiringNew().call(() -> Course.<Course>find("title = ?1 order by id desc", title).firstResult().id);
    }

    @Test
    void timesAreEnteredAndShownInTheCoursesZone() {
        var w = data.world(QuizService.Settings.practice(), "padding-output-shape");
        Session teacher = Session.login(w.instructor(), TestData.PASSWORD);
        teacher.page("/courses");
        String title = "Shanghai class " + w.joinCode();
        org.convquiz.web.Browser.madeUp(title);
        teacher.post("/courses", "title", title, "time_zone", "Asia/Shanghai").then().statusCode(303);
        long course = newestCourse(title);
        String page = teacher.page("/courses/" + course);
        assertTrue(page.contains("(Asia/Shanghai)"), "the form's fields name the zone");

        teacher.post("/courses/" + course + "/quizzes", "template", "tutorial-pooling", "mode", "exam", "reveal", "after_close",
                "opens_at", "2026-12-01T09:00", "closes_at", "2026-12-01T18:00").then().statusCode(303);
        Quiz quiz = QuarkusTransaction.requiringNew().call(() -> Quiz.<Quiz>find("course.id", course).firstResult());
        assertEquals(OffsetDateTime.of(2026, 12, 1, 1, 0, 0, 0, ZoneOffset.UTC).toInstant(), quiz.opensAt.toInstant());
        assertEquals(OffsetDateTime.of(2026, 12, 1, 10, 0, 0, 0, ZoneOffset.UTC).toInstant(), quiz.closesAt.toInstant());
        page = teacher.page("/courses/" + course);
        assertTrue(page.contains("2026-12-01 18:00 Asia/Shanghai"), "shown in the course's zone, named");

        // Another zone: the same instants, shown in Berlin's winter time.
        teacher.post("/courses/" + course + "/time-zone", "time_zone", "Europe/Berlin").then().statusCode(303);
        page = teacher.page("/courses/" + course);
        assertTrue(page.contains("2026-12-01 11:00 Europe/Berlin") && page.contains("2026-12-01 02:00 Europe/Berlin"), "shown in Berlin");
        assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(() -> org.convquiz.audit.AuditLog.count(
                "action = ?1 and detail = ?2", "course.time_zone", "course " + course + ": Asia/Shanghai → Europe/Berlin")));
    }

    @Test
    void unknownZonesAndOtherPeopleAreRefused() {
        var w = data.world(QuizService.Settings.practice(), "padding-output-shape");
        var other = data.world(QuizService.Settings.practice(), "padding-output-shape");
        Session teacher = Session.login(w.instructor(), TestData.PASSWORD);
        teacher.page("/courses");
        String title = "Nowhere class " + w.joinCode();
        for (String zone : new String[] {"Mars/Olympus_Mons", "+08:00", "GMT+8", "x".repeat(100)}) {
            assertTrue(teacher.post("/courses", "title", title, "time_zone", zone).then().statusCode(400).extract().asString()
                    .contains("not a time zone this server knows"), zone);
        }
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> Course.count("title", title)), "no course made");
        String path = "/courses/" + w.courseId() + "/time-zone";
        teacher.page("/courses/" + w.courseId());
        teacher.post(path, "time_zone", "Atlantis/Capital").then().statusCode(400);
        Session student = Session.login(w.student(), TestData.PASSWORD);
        student.page("/courses/" + w.courseId());
        student.post(path, "time_zone", "Asia/Tokyo").then().statusCode(403);
        Session stranger = Session.login(other.instructor(), TestData.PASSWORD);
        stranger.page("/courses/" + other.courseId());
        stranger.post(path, "time_zone", "Asia/Tokyo").then().statusCode(404);
        assertEquals(null, QuarkusTransaction.requiringNew().call(() -> Course.<Course>findById(w.courseId()).timeZone), "unchanged");
    }
}
