package org.convquiz.calculator;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CalculatorApiTest {

    private static io.restassured.specification.RequestSpecification json() {
        return given().contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    @Test
    void forwardConv2dReproducesFigure1WithItsProducts() {
        json().body(Map.of("op", "conv2d",
                        "input", List.of(List.of(List.of(0, 1, 2), List.of(3, 4, 5), List.of(6, 7, 8))),
                        "weight", List.of(List.of(List.of(List.of(0, 1), List.of(2, 3))))))
                .when().post("/api/engine/forward")
                .then().statusCode(200)
                .body("shape", equalTo(List.of(1, 2, 2)))
                .body("output", equalTo(List.of(List.of(List.of(19f, 25f), List.of(37f, 43f)))))
                .body("steps.substituted", hasItem(containsString("0·0 + 1·1 + 3·2 + 4·3")))
                .body("steps[0].formula_mathml", startsWith("<math>"));
    }

    @Test
    void forwardMaxPoolTutorialExampleWithIndices() {
        List<Object> x = List.of(List.of(
                List.of(List.of(0, 1, 2, 3), List.of(4, 5, 6, 7), List.of(8, 9, 10, 11), List.of(12, 13, 14, 15)),
                List.of(List.of(16, 17, 18, 19), List.of(20, 21, 22, 23), List.of(24, 25, 26, 27), List.of(28, 29, 30, 31))));
        json().body(Map.of("op", "max_pool2d", "input", x,
                        "params", Map.of("kernel_size", 3, "padding", 1, "stride", List.of(2, 1), "return_indices", true)))
                .when().post("/api/engine/forward")
                .then().statusCode(200)
                .body("shape", equalTo(List.of(1, 2, 2, 4)))
                .body("output[0][0]", equalTo(List.of(List.of(5f, 6f, 7f, 7f), List.of(13f, 14f, 15f, 15f))))
                .body("output[0][1]", equalTo(List.of(List.of(21f, 22f, 23f, 23f), List.of(29f, 30f, 31f, 31f))))
                .body("indices[0][0][0]", equalTo(List.of(5f, 6f, 7f, 7f)));
    }

    @Test
    void backwardAvgPoolSplitsEachGradient() {
        json().body(Map.of("op", "avg_pool2d",
                        "input", List.of(List.of(1, 2), List.of(3, 4)),
                        "grad_output", List.of(List.of(8)),
                        "params", Map.of("kernel_size", 2)))
                .when().post("/api/engine/backward")
                .then().statusCode(200)
                .body("grad_input", equalTo(List.of(List.of(2f, 2f), List.of(2f, 2f))));
    }

    @Test
    void shapeOfExercise3AndTheReceptiveFieldOfTwo3x3Convs() {
        json().body(Map.of("input_shape", List.of(3, 100, 100), "layers", List.of(
                        Map.of("type", "conv2d", "in_channels", 3, "out_channels", 4, "kernel_size", 3, "padding", 2),
                        Map.of("type", "conv2d", "in_channels", 4, "out_channels", 4, "kernel_size", 3))))
                .when().post("/api/engine/shape")
                .then().statusCode(200)
                .body("layers[0].output_shape", equalTo(List.of(4, 102, 102)))
                .body("layers[0].params", equalTo(112))
                .body("layers[0].steps.value", hasItem("102"))
                .body("layers[1].receptive_field.size", equalTo(5))
                .body("total_params", equalTo(112 + 148));
    }

    @Test
    void invalidConfigurationIsA400WithTheEnginesMessage() {
        json().body(Map.of("op", "conv2d",
                        "input", List.of(List.of(List.of(1, 2, 3), List.of(4, 5, 6), List.of(7, 8, 9))),
                        "weight", List.of(List.of(List.of(List.of(1, 1, 1, 1), List.of(1, 1, 1, 1), List.of(1, 1, 1, 1), List.of(1, 1, 1, 1))))))
                .when().post("/api/engine/forward")
                .then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("detail", containsString("Kernel size (4×4) can't be greater than the padded input size (3×3)"));
    }

    @Test
    void missingFieldWrongNestingAndUnknownOpAreSpecific400s() {
        json().body(Map.of("op", "conv2d")).when().post("/api/engine/forward")
                .then().statusCode(400).body("detail", containsString("input is required"));
        json().body(Map.of("op", "max_pool2d", "input", List.of(List.of(1, 2), List.of(3)), "params", Map.of("kernel_size", 1)))
                .when().post("/api/engine/forward")
                .then().statusCode(400).body("detail", startsWith("input:"));
        json().body(Map.of("op", "maxpool2d", "input", List.of(List.of(1)))).when().post("/api/engine/forward")
                .then().statusCode(400).body("detail", containsString("did you mean 'max_pool2d'"));
        json().body(Map.of("input_shape", List.of(3, 8, 8), "layers", List.of(Map.of("type", "conv2d", "in_channels", 3,
                        "out_channels", 4, "kernel_size", 3, "strid", 2))))
                .when().post("/api/engine/shape")
                .then().statusCode(400).body("detail", containsString("did you mean 'stride'"));
    }

    @Test
    void malformedJsonIsProblemJsonNotA500() {
        json().body("{\"op\": \"conv2d\", \"input\": [[1, 2]").when().post("/api/engine/forward")
                .then().statusCode(400).contentType(startsWith("application/problem+json"));
    }

    @Test
    void tensorsOverTheLimitAre413() {
        int n = 1001;
        List<List<Integer>> rows = java.util.Collections.nCopies(n, java.util.Collections.nCopies(n, 1));
        json().body(Map.of("op", "max_pool2d", "input", rows, "params", Map.of("kernel_size", 2)))
                .when().post("/api/engine/forward")
                .then().statusCode(413)
                .contentType(startsWith("application/problem+json"))
                .body("detail", containsString("exceeds the limit"));
    }

    @Test
    void calculatorPageIsServedWithItsScript() {
        given().accept("text/html").header("Accept-Language", "en").when().get("/calculator")
                .then().statusCode(200)
                .body(containsString("Conv arithmetic calculator"))
                .body(containsString("/js/calculator.js"));
        given().when().get("/js/calculator.js").then().statusCode(200).body(containsString("/api/engine/shape"));
    }

    @Test
    void apiIsDescribedInOpenApi() {
        given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/engine/forward"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/engine/shape"));
    }
}
