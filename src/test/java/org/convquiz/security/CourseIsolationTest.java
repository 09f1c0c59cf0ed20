package org.convquiz.security;

import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.convquiz.quiz.QuizService;
import org.convquiz.quiz.Session;
import org.convquiz.quiz.TestData;
import org.junit.jupiter.api.Test;

/** Instructors of other courses and students of the same course are kept apart. */
@QuarkusTest
class CourseIsolationTest {
    @Inject
    TestData data;

    @Test
    void anInstructorWhoEntersAJoinCodeJoinsAsAStudentOnly() {
        var a = data.world(QuizService.Settings.practice(), "padding-output-shape");
        var b = data.world(QuizService.Settings.practice(), "padding-output-shape");
        Session intruder = Session.login(b.instructor(), TestData.PASSWORD);
        intruder.page("/courses");
        intruder.post("/courses/join", "code", a.joinCode()).then().statusCode(303);
        assertEquals("student", data.memberRole(b.instructor(), a.courseId()));
        String base = "/courses/" + a.courseId();
        intruder.request().get(base).then().statusCode(200).body(not(containsString(a.joinCode())));
        for (String page : new String[] {"/gradebook", "/statistics", "/gradebook.csv", "/export/detail.csv", "/export/canvas.csv"}) {
            int status = intruder.request().get(base + page).statusCode();
            assertEquals(404, status, page + " of another instructor's course");
        }
        intruder.page(base);
        intruder.post(base + "/quizzes", "template", "padding", "mode", "practice", "reveal", "immediately").then().statusCode(404);
    }

    @Test
    void aStudentCannotOpenAnotherStudentsAttempt() {
        var w = data.world(QuizService.Settings.practice(), "padding-output-shape");
        Session owner = Session.login(w.student(), TestData.PASSWORD);
        long attempt = owner.start(w.courseId(), w.quizId());
        Session classmate = Session.login(w.other(), TestData.PASSWORD);
        assertEquals(404, classmate.request().get("/attempts/" + attempt).statusCode());
        classmate.page("/courses/" + w.courseId());
        assertEquals(404, classmate.post("/attempts/" + attempt + "/items/0", "idempotency", "x", "a.0.shape", "1×1×1").statusCode());
    }
}
