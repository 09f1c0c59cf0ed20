package org.convquiz.gradebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.convquiz.exercise.ExerciseCatalog;
import org.convquiz.exercise.ExerciseDefinition;
import org.convquiz.exercise.VariantFeatures;
import org.convquiz.quiz.QuizService;
import org.convquiz.quiz.Session;
import org.convquiz.quiz.TestData;
import org.junit.jupiter.api.Test;

/**
 * Misconception analytics, with numbers worked by hand. Four students answer the tutorial's exercise 3 on its pinned
 * numbers (3×100×100, kernel 3, padding 2, stride 1 → 4×102×102; 4×101×101 forgets the + 1 and earns 1 of 3):
 * A answers 4×101×101 then 4×102×102, B 4×102×102, C and D 4×101×101. So five answers with score ratios 1/3, 1, 1,
 * 1/3, 1/3: mean 3/5 = 60 %, fully right 2/5 = 40 %, three in the 20–40 % band and two in 80–100 %. Course totals
 * (latest answer per part, best attempt): A 3, B 3, C 1, D 1; groups of ceil(0.27 × 4) = 2: the top (A, B) first tried
 * 1/3 and 1, mean 2/3; the bottom (C, D) 1/3 and 1/3; discrimination 2/3 − 1/3 = 0.33. The variant has padding 2 > 0
 * and stride 1 < kernel 3 (overlapping windows), no stride above 1, no ceil_mode: 3 of 5 not fully right with padding
 * and with overlap (60 %), and without stride and without ceil_mode.
 */
@QuarkusTest
class AnalyticsTest {
    @Inject
    TestData data;

    @Inject
    VariantFeatureFiller filler;

    @Inject
    ExerciseCatalog catalog;

    private TestData.World world;
    private String c;
    private String d;

    private void answer(String username, String... shapes) {
        Session s = Session.login(username, TestData.PASSWORD);
        long attempt = s.start(world.courseId(), world.quizId());
        data.pinVariants(attempt);
        for (String shape : shapes) {
            s.page("/attempts/" + attempt);
            s.post("/attempts/" + attempt + "/items/0", "idempotency", s.idempotency(0), "a.0.shape", shape).then().statusCode(303);
        }
    }

    private Session classOfFour() {
        world = data.world(QuizService.Settings.practice(), "padding-output-shape");
        String prefix = "a" + UUID.randomUUID().toString().substring(0, 6);
        data.addStudents(world, prefix, 2);
        c = prefix + "000";
        d = prefix + "001";
        answer(world.student(), "4×101×101", "4×102×102");
        answer(world.other(), "4×102×102");
        answer(c, "4×101×101");
        answer(d, "4×101×101");
        // Another course's answers to the same exercise must not count here.
        var elsewhere = data.world(QuizService.Settings.practice(), "padding-output-shape");
        Session o = Session.login(elsewhere.student(), TestData.PASSWORD);
        long attempt = o.start(elsewhere.courseId(), elsewhere.quizId());
        data.pinVariants(attempt);
        o.page("/attempts/" + attempt);
        o.post("/attempts/" + attempt + "/items/0", "idempotency", o.idempotency(0), "a.0.shape", "9×9×9").then().statusCode(303);
        while (filler.fill(Duration.ZERO) == VariantFeatureFiller.BATCH) {
            // classify every variant stored so far
        }
        return Session.login(world.instructor(), TestData.PASSWORD);
    }

    private static String cell(String page, String testid) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("data-testid=\"" + testid + "\">([^<]*)").matcher(page);
        assertTrue(m.find(), testid + " on the page");
        return m.group(1).strip();
    }

    @Test
    void partAnalyticsMatchTheHandWorkedNumbers() {
        Session teacher = classOfFour();
        String page = teacher.request().header("Accept-Language", "en").get("/courses/" + world.courseId() + "/statistics/padding-output-shape")
                .then().statusCode(200).extract().asString();
        assertEquals("5", cell(page, "answers"));
        assertEquals("4", cell(page, "students"));
        assertEquals("60%", cell(page, "mean"));
        assertEquals("40%", cell(page, "correct"));
        assertEquals("+0.33", cell(page, "discrimination"));
        assertTrue(page.contains("(groups of 2)"), "the group size");
        assertTrue(page.contains("aria-label=\"Scores of Output shape, answers per score band: 0–20 %: 0; 20–40 %: 3; 40–60 %: 0; 60–80 %: 0; 80–100 %: 2\""),
                "the histogram says its numbers: " + page);
        assertTrue(page.contains("role=\"img\""));
        assertTrue(page.matches("(?s).*<td><code>4×101×101</code></td><td>3</td><td>You forgot the \\+ 1 in the output-size formula</td>.*"),
                "the wrong answer three times, with its mistake");
        assertTrue(page.contains("You forgot the + 1 in the output-size formula × 3"));
        assertTrue(page.matches("(?s).*Padding above 0</th>\\s*<td>60% <span class=\"muted\">\\(3 of 5 not fully right\\)</span></td>\\s*<td>—</td>.*"), page);
        assertTrue(page.matches("(?s).*Stride above 1</th>\\s*<td>—</td>\\s*<td>60% <span class=\"muted\">\\(3 of 5 not fully right\\)</span></td>.*"));
        assertTrue(page.matches("(?s).*Overlapping windows \\(stride below the kernel\\)</th>\\s*<td>60% .*"));
        assertTrue(page.matches("(?s).*ceil_mode on</th>\\s*<td>—</td>.*"));
        assertTrue(!page.contains("not in this table yet"), "every variant classified");

        String zh = teacher.request().header("Accept-Language", "zh").get("/courses/" + world.courseId() + "/statistics/padding-output-shape")
                .then().statusCode(200).extract().asString();
        assertTrue(zh.contains("aria-label=\"输出形状 的得分分布"), "the picture's text in the page's language");

        teacher.request().get("/courses/" + world.courseId() + "/statistics/no-such-exercise").then().statusCode(404);
        String overview = teacher.page("/courses/" + world.courseId() + "/statistics");
        assertTrue(overview.contains("href=\"/courses/" + world.courseId() + "/statistics/padding-output-shape\""), "linked from the overview");
    }

    @Test
    void studentProfileAndClassHeatMap() {
        Session teacher = classOfFour();
        String a = teacher.request().header("Accept-Language", "en").get("/courses/" + world.courseId() + "/students/" + world.student())
                .then().statusCode(200).extract().asString();
        assertTrue(a.matches("(?s).*<th scope=\"row\">You forgot the \\+ 1 in the output-size formula</th><td>1</td><td>1</td>\\s*<td><a href=\"/courses/"
                + world.courseId() + "/statistics/padding-output-shape\">.*"), a);
        String b = teacher.page("/courses/" + world.courseId() + "/students/" + world.other());
        assertTrue(b.contains("data-testid=\"student-mistakes\"") == false, "B made no mistake");

        String map = teacher.request().header("Accept-Language", "en").get("/courses/" + world.courseId() + "/misconceptions")
                .then().statusCode(200).extract().asString();
        assertEquals("4 of 4 students on this page", cell(map, "heatmap-count"));
        // The columns: the mistakes named in this course (forgot_plus_one, three times); A, C and D once each, B never.
        java.util.regex.Matcher header = java.util.regex.Pattern.compile("<th scope=\"col\" class=\"mistake\"><a [^>]*>([^<]*)</a>").matcher(map);
        List<String> columns = new java.util.ArrayList<>();
        while (header.find()) {
            columns.add(header.group(1));
        }
        int col = columns.indexOf("You forgot the + 1 in the output-size formula");
        assertTrue(col >= 0, columns.toString());
        for (String[] expected : new String[][] {{world.student(), "1"}, {world.other(), ""}, {c, "1"}, {d, "1"}}) {
            java.util.regex.Matcher row = java.util.regex.Pattern.compile("\\(" + expected[0] + "\\)</span></th>((?:<td[^>]*>[^<]*</td>)+)</tr>").matcher(map);
            assertTrue(row.find(), expected[0]);
            List<String> cells = new java.util.ArrayList<>();
            java.util.regex.Matcher td = java.util.regex.Pattern.compile("<td[^>]*>([^<]*)</td>").matcher(row.group(1));
            while (td.find()) {
                cells.add(td.group(1));
            }
            assertEquals(expected[1], cells.get(col), expected[0] + ": " + cells);
        }
        assertTrue(map.contains("href=\"/courses/" + world.courseId() + "/statistics/padding-output-shape\""), "links to the exercise that practises it");
        String filtered = teacher.request().get("/courses/" + world.courseId() + "/misconceptions?q=" + c).then().statusCode(200).extract().asString();
        assertTrue(filtered.contains("(" + c + ")") && !filtered.contains("(" + d + ")"));
        teacher.request().get("/courses/" + world.courseId() + "/misconceptions?after=a&before=b").then().statusCode(400);
    }

    @Test
    void routesByRole() {
        world = data.world(QuizService.Settings.practice(), "padding-output-shape");
        var elsewhere = data.world(QuizService.Settings.practice(), "padding-output-shape");
        Session teacher = Session.login(world.instructor(), TestData.PASSWORD);
        Session student = Session.login(world.student(), TestData.PASSWORD);
        Session otherTeacher = Session.login(elsewhere.instructor(), TestData.PASSWORD);
        for (String path : List.of("/statistics/padding-output-shape", "/misconceptions", "/students/" + world.other())) {
            String url = "/courses/" + world.courseId() + path;
            teacher.get(url).then().statusCode(200);
            student.get(url).then().statusCode(403);
            otherTeacher.get(url).then().statusCode(404);
            Session.anonymous().get(url).then().statusCode(302);
        }
    }

    @Test
    void variantFeaturesFromTheModel() {
        // Hand-read from the exercise files' pinned numbers.
        ExerciseDefinition conv = catalog.definition(catalog.latest("padding-output-shape").orElseThrow());
        assertEquals(VariantFeatures.PADDING | VariantFeatures.OVERLAP, VariantFeatures.of(conv.model(conv.variant(0)))); // k 3, p 2, s 1
        ExerciseDefinition pool = catalog.definition(catalog.latest("pool-output-shape-ceil").orElseThrow());
        assertEquals(VariantFeatures.STRIDE | VariantFeatures.CEIL_MODE, VariantFeatures.of(pool.model(pool.variant(0)))); // k 2, s 2, p 0, ceil
    }
}
