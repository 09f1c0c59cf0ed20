package org.convquiz.gradebook;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.convquiz.quiz.QuizService;
import org.convquiz.quiz.Session;
import org.convquiz.quiz.TestData;
import org.junit.jupiter.api.Test;

/**
 * The gradebook and statistics as JSON, paged, for the course's instructors only. Numbers by hand from the tutorial's
 * exercise 3 (4×101×101 earns 1 of 3 points, 4×102×102 all 3): the student answers 4×101×101 and is then given 2 by
 * hand; the other student answers 4x102x102.
 */
@QuarkusTest
class GradebookApiTest {
    @Inject
    TestData data;

    private TestData.World world;

    private static RequestSpecification as(String username) {
        return given().auth().preemptive().basic(username, TestData.PASSWORD).accept("application/json");
    }

    private void setUp() {
        world = data.world(QuizService.Settings.practice(), "padding-output-shape");
        for (String[] a : new String[][] {{world.student(), "4×101×101"}, {world.other(), "4x102x102"}}) {
            Session s = Session.login(a[0], TestData.PASSWORD);
            long attempt = s.start(world.courseId(), world.quizId());
            data.pinVariants(attempt);
            s.page("/attempts/" + attempt);
            s.post("/attempts/" + attempt + "/items/0", "idempotency", s.idempotency(0), "a.0.shape", a[1]).then().statusCode(303);
        }
        Session teacher = Session.login(world.instructor(), TestData.PASSWORD);
        teacher.page("/courses/" + world.courseId() + "/students/" + world.student());
        teacher.post("/courses/" + world.courseId() + "/students/" + world.student() + "/override", "quiz", String.valueOf(world.quizId()),
                "score", "2", "reason", "re-marked").then().statusCode(303);
    }

    @Test
    void gradebookRowsAsJsonWithOverridesSortingAndPaging() {
        setUp();
        String base = "/api/courses/" + world.courseId() + "/gradebook";
        JsonPath page = as(world.instructor()).get(base).then().statusCode(200).contentType("application/json").extract().jsonPath();
        assertEquals(2, page.getInt("students"));
        assertEquals(3.0, page.getDouble("quizzes[0].max_score"));
        assertEquals(world.quizId(), page.getLong("quizzes[0].id"));
        List<Map<String, Object>> rows = page.getList("rows");
        Map<String, Object> student = rows.stream().filter(r -> r.get("username").equals(world.student())).findFirst().orElseThrow();
        assertEquals(List.of(Map.of("quiz_id", (int) world.quizId(), "score", 2.0f, "overridden", true)), student.get("scores"));
        assertEquals(2.0f, student.get("total"));
        Map<String, Object> other = rows.stream().filter(r -> r.get("username").equals(world.other())).findFirst().orElseThrow();
        assertEquals(3.0f, other.get("total"));
        assertNull(page.getString("next"));
        assertEquals(List.of(world.other(), world.student()),
                as(world.instructor()).get(base + "?sort=total&dir=desc").then().statusCode(200).extract().jsonPath().getList("rows.username"));

        String prefix = "j" + UUID.randomUUID().toString().substring(0, 6);
        data.addStudents(world, prefix, 150);
        JsonPath first = as(world.instructor()).get(base + "?q=" + prefix).then().statusCode(200).extract().jsonPath();
        assertEquals(150, first.getInt("students"));
        assertEquals(100, first.getList("rows").size());
        assertNull(first.getString("previous"));
        JsonPath second = as(world.instructor()).get(first.getString("next")).then().statusCode(200).extract().jsonPath();
        assertEquals(50, second.getList("rows").size());
        assertEquals(prefix + "100", second.getString("rows[0].username"));
        assertNull(second.getString("next"));
        JsonPath back = as(world.instructor()).get(second.getString("previous")).then().statusCode(200).extract().jsonPath();
        assertEquals(first.getList("rows.username"), back.getList("rows.username"));
        as(world.instructor()).get(base + "?sort=shoe").then().statusCode(400).contentType(org.hamcrest.Matchers.startsWith("application/problem+json"));
    }

    @Test
    void statisticsAsJson() {
        setUp();
        String base = "/api/courses/" + world.courseId() + "/statistics";
        JsonPath list = as(world.instructor()).get(base + "?limit=1").then().statusCode(200).extract().jsonPath();
        assertEquals("padding-output-shape", list.getString("parts[0].exercise"));
        assertEquals(2, list.getInt("parts[0].answers"));
        assertEquals(66.67, list.getDouble("parts[0].mean_percent"), 1e-9); // (1/3 + 1) / 2
        assertEquals(50.0, list.getDouble("parts[0].correct_percent"), 1e-9);
        assertNull(list.getString("next"), "one part only");
        as(world.instructor()).get(base + "?limit=0").then().statusCode(400);
        as(world.instructor()).get(base + "?limit=201").then().statusCode(400);
        assertEquals(List.of(), as(world.instructor()).get(base + "?after=padding-output-shape/shape").then().statusCode(200)
                .extract().jsonPath().getList("parts"));

        JsonPath detail = as(world.instructor()).get(base + "/padding-output-shape").then().statusCode(200).extract().jsonPath();
        assertEquals("shape", detail.getString("parts[0].part"));
        assertEquals(List.of(0, 1, 0, 0, 1), detail.getList("parts[0].histogram"));
        assertEquals(2, detail.getInt("parts[0].students"));
        assertEquals("4×101×101", detail.getString("parts[0].wrong_answers[0].answer"));
        assertEquals("forgot_plus_one", detail.getString("parts[0].wrong_answers[0].misconception"));
        as(world.instructor()).get(base + "/no-such-exercise").then().statusCode(404);
    }

    @Test
    void refusedToStudentsOtherInstructorsAndStrangers() {
        world = data.world(QuizService.Settings.practice(), "padding-output-shape");
        var elsewhere = data.world(QuizService.Settings.practice(), "padding-output-shape");
        for (String path : List.of("/gradebook", "/statistics", "/statistics/padding-output-shape")) {
            String url = "/api/courses/" + world.courseId() + path;
            assertNotNull(as(world.instructor()).get(url).then().statusCode(200).extract().jsonPath().get("course_id"));
            as(world.student()).get(url).then().statusCode(403).contentType(org.hamcrest.Matchers.startsWith("application/problem+json"));
            as(elsewhere.instructor()).get(url).then().statusCode(404);
            given().accept("application/json").get(url).then().statusCode(401);
            as(world.instructor()).get("/api/courses/99999999" + path).then().statusCode(404);
        }
    }
}
