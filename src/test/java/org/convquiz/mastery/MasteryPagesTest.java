package org.convquiz.mastery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.convquiz.quiz.QuizService;
import org.convquiz.quiz.Session;
import org.convquiz.quiz.TestData;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MasteryPagesTest {
    @Inject
    TestData data;

    @Test
    void aStudentSeesABarPerConceptInTheirLanguage() {
        var w = data.world(QuizService.Settings.practice(), "padding-output-shape", "padding-output-shape");
        Session s = Session.login(w.student(), TestData.PASSWORD);
        long attempt = s.start(w.courseId(), w.quizId());
        data.pinVariants(attempt);
        s.page("/attempts/" + attempt);
        // three right answers to padding questions: 0.2 → 0.6 → 0.890323 → 0.977351 (mastered, BktTest)
        s.post("/attempts/" + attempt + "/items/0", "idempotency", s.idempotency(0), "a.0.shape", "4×102×102").then().statusCode(303);
        s.post("/attempts/" + attempt + "/items/1", "idempotency", s.idempotency(1), "a.1.shape", "4×102×102").then().statusCode(303);
        String en = s.page("/progress?lang=en");
        assertEquals(Concept.values().length, count(en, "<svg class=\"mastery-bar\" width=\"160\" height=\"14\" viewBox=\"0 0 160 14\" role=\"img\""));
        assertTrue(en.contains("aria-label=\"Padding: 89 %, not yet mastered\""), en);
        assertTrue(en.contains("aria-label=\"Stride: 20 %, not yet mastered\""), "no evidence yet: the prior");
        long second = s.start(w.courseId(), w.quizId());
        data.pinVariants(second);
        s.page("/attempts/" + second);
        s.post("/attempts/" + second + "/items/0", "idempotency", s.idempotency(0), "a.0.shape", "4×102×102").then().statusCode(303);
        String zh = s.page("/progress?lang=zh");
        assertTrue(zh.contains("aria-label=\"填充：98 %，已掌握\""), zh);
        assertTrue(zh.contains("<strong class=\"mastered-text\">已掌握</strong>"));
        assertTrue(zh.contains("<a href=\"/progress\">学习进度</a>"), "the layout links the page");
    }

    @Test
    void instructorsSeeTheirClassAndTheMistakesThatCameBack() {
        var w = data.world(QuizService.Settings.practice(), "padding-output-shape", "padding-output-shape");
        Session s = Session.login(w.student(), TestData.PASSWORD);
        long attempt = s.start(w.courseId(), w.quizId());
        data.pinVariants(attempt);
        s.page("/attempts/" + attempt);
        // the channels swapped on question 1, practised, and swapped again on question 2: it persists
        s.post("/attempts/" + attempt + "/items/0", "idempotency", s.idempotency(0), "a.0.shape", "3×102×102").then().statusCode(303);
        String base = "/courses/" + w.courseId();
        Session t = Session.login(w.instructor(), TestData.PASSWORD);
        assertTrue(t.page(base + "/mastery?lang=en").contains("data-testid=\"persisting-none\""), "named once: not yet");
        s.post("/attempts/" + attempt + "/items/1", "idempotency", s.idempotency(1), "a.1.shape", "3×102×102").then().statusCode(303);
        String page = t.page(base + "/mastery?lang=en");
        assertTrue(Pattern.compile("<tr data-misconception=\"channels_swapped\"><th scope=\"row\">[^<]+</th><td>Channels</td><td>1</td></tr>")
                .matcher(page).find(), page);
        Matcher student = Pattern.compile("<tr data-student=\"" + w.student() + "\">.*?</tr>", Pattern.DOTALL).matcher(page);
        assertTrue(student.find());
        assertTrue(student.group().contains("(2)"), student.group());
        // channels wrong twice: 0.172068 (MasteryStorageTest) → 17 %
        assertTrue(student.group().contains("data-concept=\"channels\">17<"), student.group());
        assertTrue(page.contains("<tr data-student=\"" + w.other() + "\">"), "every student of the course is listed");
        assertTrue(t.page(base).contains("href=\"" + base + "/mastery\""), "the course page links it");

        s.get(base + "/mastery").then().statusCode(403);
        var stranger = data.world(QuizService.Settings.practice(), "padding-output-shape");
        Session.login(stranger.instructor(), TestData.PASSWORD).get(base + "/mastery").then().statusCode(404);
        t.get(base + "/mastery?after=" + "x".repeat(101)).then().statusCode(400);
    }

    @Test
    void theClassIsPagedByAHundred() {
        var w = data.world(QuizService.Settings.practice(), "padding-output-shape");
        data.addStudents(w, "zz" + w.courseId() + "p", 101);
        Session t = Session.login(w.instructor(), TestData.PASSWORD);
        String base = "/courses/" + w.courseId() + "/mastery";
        String first = t.page(base + "?lang=en");
        assertEquals(100, count(first, "<tr data-student="));
        Matcher next = Pattern.compile("<a href=\"([^\"]+)\" data-testid=\"next-page\">").matcher(first);
        assertTrue(next.find(), first);
        String second = t.page(next.group(1));
        assertEquals(3, count(second, "<tr data-student="), "the 101st and the world's two");
        assertEquals(0, count(second, "data-testid=\"next-page\""));
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
