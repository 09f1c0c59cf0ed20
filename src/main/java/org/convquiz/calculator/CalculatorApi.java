package org.convquiz.calculator;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.convquiz.web.StepView;

/** The calculator API's requests and responses (JSON, PyTorch's parameter names, snake_case). */
public final class CalculatorApi {
    private CalculatorApi() {
    }

    /** One operation on concrete tensors; params as in torch.nn.functional (stride, padding, kernel_size, …). */
    public record ForwardRequest(String op, JsonNode input, JsonNode weight, JsonNode bias, Map<String, JsonNode> params) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ForwardResponse(Object output, List<Integer> shape, Object indices, List<StepView> steps) {
    }

    public record BackwardRequest(String op, JsonNode input, JsonNode weight, JsonNode bias, Map<String, JsonNode> params,
            @JsonProperty("grad_output") JsonNode gradOutput) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BackwardResponse(
            @JsonProperty("grad_input") Object gradInput,
            @JsonProperty("grad_weight") Object gradWeight,
            @JsonProperty("grad_bias") Object gradBias,
            List<StepView> steps) {
    }

    /** A stack of layers, each {"type": "conv2d", …its params}. */
    public record ShapeRequest(@JsonProperty("input_shape") List<Integer> inputShape, List<Map<String, JsonNode>> layers) {
    }

    public record ReceptiveFieldView(int size, int jump, double start) {
    }

    public record LayerView(
            String type,
            @JsonProperty("output_shape") List<Integer> outputShape,
            long params,
            long macs,
            @JsonProperty("receptive_field") ReceptiveFieldView receptiveField,
            List<StepView> steps) {
    }

    public record ShapeResponse(
            List<LayerView> layers,
            @JsonProperty("output_shape") List<Integer> outputShape,
            @JsonProperty("total_params") long totalParams,
            @JsonProperty("total_macs") long totalMacs) {
    }

    /**
     * A network to tabulate: pasted {@code nn.Sequential(...)} text, or the id of a named network
     * ({@code network}); {@code input_shape} is required with text and overrides a named network's own.
     */
    public record SequentialRequest(@JsonProperty("input_shape") List<Integer> inputShape, String text, String network) {
    }

    /** One row of the torchsummary-like table; {@code line} is where the layer was written (null for a named network). */
    public record NetworkRow(
            String layer,
            String type,
            Integer line,
            @JsonProperty("output_shape") List<Integer> outputShape,
            long params,
            long macs,
            @JsonProperty("receptive_field") ReceptiveFieldView receptiveField,
            @JsonProperty("receptive_field_width") ReceptiveFieldView receptiveFieldWidth,
            List<StepView> steps) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SequentialResponse(
            String network,
            String text,
            @JsonProperty("input_shape") List<Integer> inputShape,
            List<NetworkRow> layers,
            @JsonProperty("output_shape") List<Integer> outputShape,
            @JsonProperty("total_params") long totalParams,
            @JsonProperty("total_macs") long totalMacs,
            List<StepView> steps) {
    }

    /** A named network the calculator offers. */
    public record NetworkChoice(String id, String title, @JsonProperty("input_shape") List<Integer> inputShape, String text) {
    }
}
