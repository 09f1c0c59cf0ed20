package org.convquiz.calculator;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * POST /api/engine/sequential: pasted nn.Sequential text → torchsummary-like table. Expected numbers are
 * worked by hand (in the comments) or published (LeNet-5's 61,706 parameters, VGG-16's 138,357,544).
 */
@QuarkusTest
class SequentialApiTest {

    /** PyTorch's "Neural Networks" tutorial LeNet, pasted the way a student would, with comments and keywords. */
    static final String LENET = """
            model = nn.Sequential(
                nn.Conv2d(1, 6, 5),          # 1×32×32 → 6×28×28
                nn.ReLU(),
                nn.MaxPool2d(2, 2),
                nn.Conv2d(in_channels=6, out_channels=16, kernel_size=(5, 5)),
                nn.ReLU(inplace=True),
                nn.MaxPool2d(kernel_size=2),
                nn.Flatten(),
                nn.Linear(16 * 5 * 5, 120),
                nn.ReLU(),
                nn.Linear(120, 84),
                torch.nn.ReLU(),
                nn.Linear(84, 10),
            )
            """;

    private static ValidatableResponse post(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).accept(ContentType.JSON).body(body)
                .when().post("/api/engine/sequential").then();
    }

    private static Map<String, Object> text(String text, Object... shape) {
        Map<String, Object> body = new HashMap<>();
        body.put("input_shape", List.of(shape));
        body.put("text", text);
        return body;
    }

    @Test
    void lenetTableWithShapesParamsMacsAndReceptiveFields() {
        post(text(LENET, 1, 32, 32)).statusCode(200)
                .body("layers.size()", is(12))
                .body("layers[0].layer", equalTo("Conv2d-1"))
                .body("layers[0].line", is(2))
                .body("layers[0].output_shape", equalTo(List.of(6, 28, 28)))
                .body("layers[0].params", is(156))                 // 6·25 + 6
                .body("layers[0].macs", is(117_600))               // 6·28·28·25
                .body("layers[0].receptive_field.size", is(5))
                .body("layers[2].output_shape", equalTo(List.of(6, 14, 14)))
                .body("layers[2].receptive_field.size", is(6))     // 5 + (2 − 1)·1
                .body("layers[3].line", is(5))
                .body("layers[3].receptive_field.size", is(14))    // 6 + (5 − 1)·2
                .body("layers[6].output_shape", equalTo(List.of(400)))
                .body("layers[7].params", is(48_120))
                .body("layers[11].output_shape", equalTo(List.of(10)))
                .body("total_params", is(61_706))
                .body("total_macs", is(416_520))
                .body("layers[0].steps.formula", hasItem(startsWith("MACs = c_o × H_{out} × W_{out}")))
                .body("layers[0].steps[0].formula_mathml", startsWith("<math>"));
    }

    @Test
    void pytorchDefaultsPositionalOrderAndBareLines() {
        // No nn.Sequential wrapper; MaxPool2d's stride defaults to its kernel; AvgPool2d(3, 1, 1) keeps 8×8;
        // ConvTranspose2d's 8th positional argument is bias (before dilation, as in PyTorch): 4·2·3·3 = 72 weights, no bias.
        String lines = """
                nn.Conv2d(3, 4, 3, 1, 1, 1, 2, False)
                nn.MaxPool2d(2)
                nn.AvgPool2d(3, 1, 1)
                nn.ConvTranspose2d(4, 2, 3, 2, 1, 1, 1, False)
                nn.BatchNorm2d(2)
                """;
        // groups=2 conv: 4·(3/2)… 3 input channels are not divisible by 2 → message
        post(text(lines, 3, 16, 16)).statusCode(400).body("detail", containsString("line 1")).body("detail", containsString("groups=2"));
        String ok = lines.replace("nn.Conv2d(3, 4, 3, 1, 1, 1, 2, False)", "nn.Conv2d(4, 4, 3, 1, 1, 1, 2, False)");
        post(text(ok, 4, 16, 16)).statusCode(200)
                .body("layers[0].params", is(72))                  // 4·(4/2)·3·3, no bias
                .body("layers[0].macs", is(4 * 16 * 16 * 2 * 9))
                .body("layers[1].output_shape", equalTo(List.of(4, 8, 8)))
                .body("layers[2].output_shape", equalTo(List.of(4, 8, 8)))
                .body("layers[3].output_shape", equalTo(List.of(2, 16, 16)))   // (8 − 1)·2 − 2 + 2 + 1 + 1
                .body("layers[3].params", is(72))
                .body("layers[3].macs", is(4 * 8 * 8 * 2 * 9))
                .body("layers[4].params", is(4));
    }

    @Test
    void namedNetworksAreOfferedAndTabulated() {
        given().accept(ContentType.JSON).get("/api/engine/networks").then().statusCode(200)
                .body("id", hasItem("vgg16")).body("id", hasItem("resnet-block")).body("id", not(hasItem("mobilenet-v1")))
                .body("find { it.id == 'lenet5' }.text", containsString("nn.Linear(400, 120)"))
                .body("find { it.id == 'resnet-block' }.text", equalTo(null));
        // torchvision's VGG-16: 138,357,544 parameters (torchvision model docs)
        post(Map.of("network", "vgg16")).statusCode(200).body("total_params", is(138_357_544)).body("output_shape", equalTo(List.of(1000)));
        post(Map.of("network", "resnet-block")).statusCode(200).body("output_shape", equalTo(List.of(128, 28, 28)))
                .body("layers[0].steps.en", hasItem(startsWith("Shortcut, Conv2d-1")));
        // the printed text of a named network reads back to the same table
        String vgg = given().accept(ContentType.JSON).get("/api/engine/networks").then().extract().path("find { it.id == 'vgg16' }.text");
        post(text(vgg, 3, 224, 224)).statusCode(200).body("total_params", is(138_357_544));
    }

    @Test
    void theLayerThatBreaksIsNamedByLineAndShapes() {
        // LeNet on a 28×28 digit: 16×4×4 = 256 features reach nn.Linear(400, 120), written on line 9.
        post(text(LENET, 1, 28, 28)).statusCode(400)
                .body("detail", startsWith("line 9: layer 8 (Linear)"))
                .body("detail", containsString("256"))
                .body("detail", containsString("in_features=400"));
    }

    @Test
    void hostileInputsAre400WithAMessage() {
        post(text("nn.Conv2d(1, 99999999999999999999, 3)", 1, 8, 8)).statusCode(400).body("detail", containsString("line 1"));
        post(text("nn.Conv2d(1, 2, 3, dilation=2147483647)", 1, 8, 8)).statusCode(400).body("detail", containsString("dilation"));
        post(text("nn.Linear(" + "9".repeat(5000) + ", 3)", 9)).statusCode(400).body("detail", containsString("line 1"));
        post(text("nn.Linear(2**40, 3)", 9)).statusCode(400).body("detail", containsString("line 1"));
        post(text("nn.ReLU(),\n".repeat(10_000), 1, 8, 8)).statusCode(400).body("detail", containsString("limit of 20000"));
        post(text("nn.ReLU()\n".repeat(65), 1, 8, 8)).statusCode(400).body("detail", containsString("line 65: more than 64 layers"));
        post(text("nn.Linear(" + "(".repeat(500) + "1" + ")".repeat(500) + ", 2)", 1)).statusCode(400)
                .body("detail", containsString("nested too deeply"));
        post(text("import os; os.system('rm -rf /')", 1, 8, 8)).statusCode(400).body("detail", startsWith("line 1"));
        post(text("nn.Sequential(\n nn.Conv2d(1, 2, 3),\n nn.Dropout(0.5),\n)", 1, 8, 8)).statusCode(400)
                .body("detail", startsWith("line 3: 'nn.Dropout' is not a supported layer"));
        post(text("nn.Sequential(\n nn.Conv2d(1, 2, 3),\n", 1, 8, 8)).statusCode(400).body("detail", containsString("not closed"));
        post(text("nn.Conv2d(1, 2, kernal_size=3)", 1, 8, 8)).statusCode(400).body("detail", containsString("did you mean 'kernel_size'"));
        post(text("nn.Conv2d(1, 2, 3, padding='full')", 1, 8, 8)).statusCode(400).body("detail", containsString("'same' or 'valid'"));
        post(text("nn.Conv2d(1, 2, 3.5)", 1, 8, 8)).statusCode(400).body("detail", containsString("whole number"));
        post(text("nn.Conv2d(1, 2, 3)", 1, 8, 8, 8, 8)).statusCode(400).body("detail", containsString("input_shape"));
        post(text("nn.Conv2d(1, 2, 3)", 1, 100000, 8)).statusCode(400).body("detail", containsString("input_shape"));
        post(text("\u0000\u202e", 1, 8, 8)).statusCode(400);
        // sizes that would overflow a 64-bit count are refused as 400 too, naming the layer
        post(text("nn.ConvTranspose2d(4096, 4096, 1024, stride=1024)\n".repeat(8), 64, 4096, 512, 512)).statusCode(400)
                .body("detail", startsWith("line "));
        post(Map.of("input_shape", List.of(1, 8, 8))).statusCode(400).body("detail", containsString("text is required"));
        post(Map.of("network", "vgg17")).statusCode(400).body("detail", containsString("did you mean 'vgg16'"));
        given().contentType(ContentType.JSON).accept(ContentType.JSON).body("{\"input_shape\": \"abc\", \"text\": 3}")
                .when().post("/api/engine/sequential").then().statusCode(400);
        given().contentType(ContentType.JSON).accept(ContentType.JSON).body("{\"input_shape\": [1e30], \"text\": \"nn.ReLU()\"}")
                .when().post("/api/engine/sequential").then().statusCode(400);
    }
}
