package org.convquiz.gradebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.convquiz.quiz.QuizService;
import org.convquiz.quiz.Session;
import org.convquiz.quiz.TestData;
import org.junit.jupiter.api.Test;

/** The gradebook page shows 100 students at a time by name, with a filter; the CSV stays complete. */
@QuarkusTest
class GradebookPagingTest {
    private static final Pattern ROW = Pattern.compile("<th scope=\"row\">(?:<a [^>]*>)?[^<]*(?:</a>)? <span class=\"muted\">\\(([^)]+)\\)</span>");
    private static final Pattern LINK = Pattern.compile("<a rel=\"(prev|next)\" href=\"([^\"]+)\"");

    @Inject
    TestData data;

    private static List<String> usernames(String page) {
        List<String> out = new ArrayList<>();
        Matcher m = ROW.matcher(page);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static String link(String page, String rel) {
        Matcher m = LINK.matcher(page);
        while (m.find()) {
            if (m.group(1).equals(rel)) {
                return m.group(2).replace("&amp;", "&");
            }
        }
        return null;
    }

    @Test
    void pagesOf100ByNameForwardBackwardAndFiltered() {
        var w = data.world(QuizService.Settings.practice(), "padding-output-shape");
        String prefix = "p" + UUID.randomUUID().toString().substring(0, 5);
        data.addStudents(w, prefix, 230);
        Session teacher = Session.login(w.instructor(), TestData.PASSWORD);
        String base = "/courses/" + w.courseId() + "/gradebook";

        String first = teacher.request().header("Accept-Language", "en").get(base + "?q=" + prefix).then().statusCode(200).extract().asString();
        List<String> one = usernames(first);
        assertEquals(100, one.size());
        assertEquals(prefix + "000", one.get(0));
        assertEquals(prefix + "099", one.get(99));
        assertTrue(first.contains("100 of 230 students"), "the filter counts 230");
        assertEquals(null, link(first, "prev"));

        String second = teacher.request().get(link(first, "next")).then().statusCode(200).extract().asString();
        assertEquals(prefix + "100", usernames(second).get(0));
        String third = teacher.request().get(link(second, "next")).then().statusCode(200).extract().asString();
        List<String> last = usernames(third);
        assertEquals(30, last.size());
        assertEquals(prefix + "229", last.get(29));
        assertEquals(null, link(third, "next"), "no page after the last");
        // Back from the third page: the second page again.
        String back = teacher.request().get(link(third, "prev")).then().statusCode(200).extract().asString();
        assertEquals(usernames(second), usernames(back));
        assertTrue(link(back, "prev") != null && link(back, "next") != null);

        // Without the filter: everybody (232), the world's own two students included.
        String all = teacher.request().header("Accept-Language", "en").get(base).then().statusCode(200).extract().asString();
        assertTrue(all.contains("100 of 232 students"), all.replaceAll("(?s).*(data-testid=\"gradebook-count\">[^<]*).*", "$1"));
        // By display name (a substring: "… 7" also finds "… 70"…"… 79") and by username; % and _ are letters, not wildcards.
        String byName = teacher.request().get(base + "?q=Paged " + prefix + " 7").then().statusCode(200).extract().asString();
        assertEquals(11, usernames(byName).size());
        String byUsername = teacher.request().get(base + "?q=" + prefix + "007").then().statusCode(200).extract().asString();
        assertEquals(List.of(prefix + "007"), usernames(byUsername));
        assertTrue(usernames(teacher.request().get(base + "?q=%25").then().statusCode(200).extract().asString()).isEmpty());
        assertFalse(usernames(teacher.request().get(base + "?q=" + prefix + "_").then().statusCode(200).extract().asString()).size() > 0,
                "_ matches only an underscore");

        teacher.request().get(base + "?after=" + "x".repeat(101)).then().statusCode(400);
        teacher.request().get(base + "?after=a&before=b").then().statusCode(400);
    }
}
