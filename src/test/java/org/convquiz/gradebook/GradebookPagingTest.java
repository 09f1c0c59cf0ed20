package org.convquiz.gradebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.convquiz.quiz.QuizService;
import org.convquiz.quiz.Session;
import org.convquiz.quiz.TestData;
import org.junit.jupiter.api.Test;

/** The gradebook page shows 100 students at a time by name, with a filter; the CSV stays complete. */
@QuarkusTest
class GradebookPagingTest {

    @Inject
    TestData data;

    @Test
    void pagesOf100ByNameForwardBackwardAndFiltered() {
        var w = data.world(QuizService.Settings.practice(), "padding-output-shape");
        String prefix = "p" + UUID.randomUUID().toString().substring(0, 5);
        data.addStudents(w, prefix, 230);
        Session teacher = Session.login(w.instructor(), TestData.PASSWORD);
        String base = "/courses/" + w.courseId() + "/gradebook";

        String first = teacher.request().header("Accept-Language", "en").get(base + "?q=" + prefix).then().statusCode(200).extract().asString();
        List<String> one = GradebookPage.usernames(first);
        assertEquals(100, one.size());
        assertEquals(prefix + "000", one.get(0));
        assertEquals(prefix + "099", one.get(99));
        assertTrue(first.contains("100 of 230 students"), "the filter counts 230");
        assertEquals(null, GradebookPage.link(first, "prev"));

        String second = teacher.request().get(GradebookPage.link(first, "next")).then().statusCode(200).extract().asString();
        assertEquals(prefix + "100", GradebookPage.usernames(second).get(0));
        String third = teacher.request().get(GradebookPage.link(second, "next")).then().statusCode(200).extract().asString();
        List<String> last = GradebookPage.usernames(third);
        assertEquals(30, last.size());
        assertEquals(prefix + "229", last.get(29));
        assertEquals(null, GradebookPage.link(third, "next"), "no page after the last");
        // Back from the third page: the second page again.
        String back = teacher.request().get(GradebookPage.link(third, "prev")).then().statusCode(200).extract().asString();
        assertEquals(GradebookPage.usernames(second), GradebookPage.usernames(back));
        assertTrue(GradebookPage.link(back, "prev") != null && GradebookPage.link(back, "next") != null);

        // Without the filter: everybody (232), the world's own two students included.
        String all = teacher.request().header("Accept-Language", "en").get(base).then().statusCode(200).extract().asString();
        assertTrue(all.contains("100 of 232 students"), all.replaceAll("(?s).*(data-testid=\"gradebook-count\">[^<]*).*", "$1"));
        // By display name (a substring: "… 7" also finds "… 70"…"… 79") and by username; % and _ are letters, not wildcards.
        String byName = teacher.request().get(base + "?q=Paged " + prefix + " 7").then().statusCode(200).extract().asString();
        assertEquals(11, GradebookPage.usernames(byName).size());
        String byUsername = teacher.request().get(base + "?q=" + prefix + "007").then().statusCode(200).extract().asString();
        assertEquals(List.of(prefix + "007"), GradebookPage.usernames(byUsername));
        assertTrue(GradebookPage.usernames(teacher.request().get(base + "?q=%25").then().statusCode(200).extract().asString()).isEmpty());
        assertFalse(GradebookPage.usernames(teacher.request().get(base + "?q=" + prefix + "_").then().statusCode(200).extract().asString()).size() > 0,
                "_ matches only an underscore");

        teacher.request().get(base + "?after=" + "x".repeat(101)).then().statusCode(400);
        teacher.request().get(base + "?after=a&before=b").then().statusCode(400);
    }
}
