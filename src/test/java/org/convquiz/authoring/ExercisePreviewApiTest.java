package org.convquiz.authoring;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.convquiz.quiz.QuizService;
import org.convquiz.quiz.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ExercisePreviewApiTest {
    @Inject
    TestData data;

    TestData.World world;

    @BeforeEach
    void users() {
        world = data.world(QuizService.Settings.practice(), "fig1-cross-correlation");
    }

    private RequestSpecification instructor() {
        return given().auth().preemptive().basic(world.instructor(), TestData.PASSWORD).accept(ContentType.JSON);
    }

    @Test
    void studentsAndStrangersCannotReachThePreviewApi() {
        given().accept(ContentType.JSON).redirects().follow(false).when().get("/api/exercises")
                .then().statusCode(401);
        given().auth().preemptive().basic(world.student(), TestData.PASSWORD).accept(ContentType.JSON)
                .when().get("/api/exercises/ex1-fc-params/variants/0").then().statusCode(403);
        given().auth().preemptive().basic(world.student(), TestData.PASSWORD).contentType(ContentType.JSON)
                .body(Map.of("answers", Map.of("params", "1"))).when().post("/api/exercises/ex1-fc-params/variants/0/grade")
                .then().statusCode(403);
    }

    @Test
    void listsEveryExerciseFile() throws Exception {
        long files;
        try (var list = Files.list(Path.of("exercises"))) {
            files = list.filter(f -> f.toString().endsWith(".yaml")).count();
        }
        instructor().when().get("/api/exercises").then().statusCode(200)
                .body("size()", greaterThanOrEqualTo((int) files))
                .body("id", hasItems("ex1-fc-params", "ex2-conv-params", "padding-output-shape", "ex4-conv-statements", "ex5-pooling-statements"));
    }

    @Test
    void pinnedVariantsGiveTheTutorialsAnswers() {
        instructor().when().get("/api/exercises/ex1-fc-params/variants/0").then().statusCode(200)
                .body("parts[0].reference", equalTo("196609000"))
                .body("parts[0].steps", not(org.hamcrest.Matchers.empty()));
        instructor().when().get("/api/exercises/ex2-conv-params/variants/0").then().statusCode(200)
                .body("parts[0].reference", equalTo("280"));
        instructor().when().get("/api/exercises/padding-output-shape/variants/0").then().statusCode(200)
                .body("parts[0].reference", equalTo("4×102×102"))
                .body("parts[0].steps.value", hasItem("102"));
        instructor().when().get("/api/exercises/ex4-conv-statements/variants/0").then().statusCode(200)
                .body("parts[0].reference", equalTo("B"));
        instructor().when().get("/api/exercises/ex5-pooling-statements/variants/0").then().statusCode(200)
                .body("parts[0].reference", equalTo("A"));
        instructor().when().get("/api/exercises/fig1-cross-correlation/variants/0").then().statusCode(200)
                .body("parts[0].reference", equalTo("[[19, 25], [37, 43]]"));
    }

    @Test
    void gradingNamesTheMisconceptionInBothLanguages() {
        instructor().contentType(ContentType.JSON).body(Map.of("answers", Map.of("shape", "4x101x101")))
                .when().post("/api/exercises/padding-output-shape/variants/0/grade")
                .then().statusCode(200)
                .body("parts[0].status", equalTo("partial"))
                .body("parts[0].read_as", equalTo("4×101×101"))
                .body("parts[0].misconception.id", equalTo("forgot_plus_one"))
                .body("parts[0].misconception.title.zh", containsString("+ 1"));
        instructor().contentType(ContentType.JSON).body(Map.of("answers", Map.of("shape", "four by 102")))
                .when().post("/api/exercises/padding-output-shape/variants/0/grade")
                .then().statusCode(200)
                .body("parts[0].status", equalTo("unreadable"))
                .body("parts[0].score", equalTo(0f));
    }

    @Test
    void unknownExercisePartOrVersionAreSpecific() {
        instructor().when().get("/api/exercises/no-such-exercise/variants/1").then().statusCode(404)
                .contentType(startsWith("application/problem+json")).body("detail", containsString("no-such-exercise"));
        instructor().when().get("/api/exercises/ex1-fc-params/variants/1?version=999").then().statusCode(404)
                .body("detail", containsString("no version 999"));
        instructor().contentType(ContentType.JSON).body(Map.of("answers", Map.of("shaep", "1")))
                .when().post("/api/exercises/padding-output-shape/variants/0/grade")
                .then().statusCode(400).body("detail", containsString("no part 'shaep'"));
    }

    @Test
    void validateReportsLineColumnAndASuggestion() throws Exception {
        String broken = Files.readString(Path.of("exercises/padding-output-shape.yaml")).replace("quantity: output_shape", "quantity: outptu_shape");
        instructor().contentType("application/yaml").body(broken.getBytes(java.nio.charset.StandardCharsets.UTF_8)).when().post("/api/exercises/validate")
                .then().statusCode(422)
                .body("valid", equalTo(false))
                .body("problems[0]", containsString("unknown quantity 'outptu_shape' — did you mean 'output_shape'?"))
                .body("problems[0]", org.hamcrest.Matchers.matchesPattern("exercise\\.yaml:\\d+:\\d+: .*"));
    }

    @Test
    void storingANewTextMakesANewVersionAndTheSameTextDoesNot() throws Exception {
        String id = "copy-" + UUID.randomUUID().toString().substring(0, 8);
        String text = Files.readString(Path.of("exercises/padding-output-shape.yaml")).replace("id: padding-output-shape", "id: " + id);
        instructor().contentType("application/yaml").body(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)).when().post("/api/exercises")
                .then().statusCode(201).body("version", equalTo(1)).body("new", equalTo(true));
        instructor().contentType("application/yaml").body(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)).when().post("/api/exercises")
                .then().statusCode(200).body("version", equalTo(1)).body("new", equalTo(false));
        instructor().contentType("application/yaml").body(text.replace("en: Output shape with padding (exercise 3)", "en: Output shape with padding, second take").getBytes(java.nio.charset.StandardCharsets.UTF_8)).when().post("/api/exercises")
                .then().statusCode(201).body("version", equalTo(2));
        instructor().contentType("application/yaml").body(text.replace("points: 3", "points: 4").getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().post("/api/exercises")
                .then().statusCode(422).body("selftest_failures[0]", containsString("expected score 3.0 but got 4.0"));
        instructor().when().get("/api/exercises").then().statusCode(200)
                .body("find { it.id == '" + id + "' }.version", equalTo(2))
                .body("find { it.id == '" + id + "' }.title.en", equalTo("Output shape with padding, second take"));
        instructor().when().get("/api/exercises/" + id + "/variants/0?version=1").then().statusCode(200).body("version", equalTo(1));
    }
}
