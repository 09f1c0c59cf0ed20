package org.convquiz.exercise;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An exercise file as written (exercises/README.md documents every field). Numbers that may be
 * expressions over the parameters are kept as {@link JsonNode}s and evaluated per variant.
 */
public record ExerciseSpec(
        String id,
        String section,
        Text title,
        Text prompt,
        List<String> tags,
        LinkedHashMap<String, Domain> params,
        List<String> constraints,
        Map<String, Integer> pinned,
        LinkedHashMap<String, TensorSpec> tensors,
        ModelSpec model,
        List<PartSpec> parts,
        List<SelfTest> selftests,
        @JsonProperty("few_values") Text fewValues) {

    public ExerciseSpec {
        tags = tags == null ? List.of() : List.copyOf(tags);
        params = params == null ? new LinkedHashMap<>() : params;
        constraints = constraints == null ? List.of() : List.copyOf(constraints);
        pinned = pinned == null ? Map.of() : Map.copyOf(pinned);
        tensors = tensors == null ? new LinkedHashMap<>() : tensors;
        parts = parts == null ? List.of() : List.copyOf(parts);
        selftests = selftests == null ? List.of() : List.copyOf(selftests);
    }

    /** An integer parameter's values: {@code range: [min, max]} with an optional step, or {@code choices}. */
    public record Domain(List<Integer> range, Integer step, List<Integer> choices) {
    }

    /** Concrete values: random integers, 0, 1, 2… ({@code arange}), or the pinned nested list for seed 0. */
    public record TensorSpec(List<JsonNode> shape, List<Integer> random, Boolean arange, JsonNode pinned) {
    }

    /** The input and the layers, in PyTorch's names. Each layer is a one-entry map: type → arguments. */
    public record ModelSpec(
            String input,
            @JsonProperty("input_shape") List<JsonNode> inputShape,
            @JsonProperty("grad_output") String gradOutput,
            List<Map<String, Map<String, JsonNode>>> layers) {
        public ModelSpec {
            layers = layers == null ? List.of() : List.copyOf(layers);
        }
    }

    /** One answer asked for. */
    public record PartSpec(
            String id,
            String kind,
            String quantity,
            Double points,
            Text label,
            Double tolerance,
            Boolean select,
            List<Integer> element,
            List<OptionSpec> options,
            Integer layer) {
        public PartSpec {
            options = options == null ? List.of() : List.copyOf(options);
        }

        public double pointsOrDefault() {
            return points == null ? 1.0 : points;
        }

        public double toleranceOrDefault() {
            return tolerance == null ? 1e-6 : tolerance;
        }

        /** Whether the answer is the set of true statements (the default) or of false ones. */
        public boolean selectTrue() {
            return select == null || select;
        }
    }

    /** A choice option; {@code truth} is a boolean or an engine check {@code {check: name, …}}. */
    public record OptionSpec(String key, Text text, JsonNode truth, Text explanation) {
    }

    /** seed + answers → expected total score and/or a named misconception. */
    public record SelfTest(Long seed, Map<String, String> answers, Double score, String misconception) {
    }
}
