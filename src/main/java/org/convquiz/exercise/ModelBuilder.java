package org.convquiz.exercise;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.convquiz.engine.Conv2d;
import org.convquiz.engine.Padding;
import org.convquiz.engine.PaddingMode;
import org.convquiz.engine.Pair;
import org.convquiz.engine.Pool2d;
import org.convquiz.engine.Tensor;
import org.convquiz.exercise.ExerciseSpec.ModelSpec;
import org.convquiz.exercise.VariantGenerator.Nested;

/** Fills an exercise's model with a variant's numbers, in PyTorch's names and defaults. */
final class ModelBuilder {
    /** Layer types and the arguments each accepts, as written in files. */
    static final Map<String, List<String>> LAYER_ARGS = Map.of(
            "correlate2d", List.of("kernel"),
            "convolve2d", List.of("kernel"),
            "conv2d", List.of("in_channels", "out_channels", "kernel_size", "stride", "padding", "padding_total",
                    "dilation", "groups", "bias", "padding_mode", "weight", "bias_values"),
            "max_pool2d", List.of("kernel_size", "stride", "padding", "dilation", "ceil_mode"),
            "avg_pool2d", List.of("kernel_size", "stride", "padding", "ceil_mode", "count_include_pad", "divisor_override"),
            "linear", List.of("in_features", "out_features", "bias"),
            "flatten", List.of(),
            "relu", List.of());

    private ModelBuilder() {
    }

    static Model build(ModelSpec spec, Variant variant) {
        Map<String, Integer> p = variant.params();
        Tensor input = spec.input() == null ? null : variant.tensors().get(spec.input());
        int[] inputShape = input != null ? input.shape()
                : spec.inputShape().stream().mapToInt(n -> Nested.integer(n, p)).toArray();
        Tensor grad = spec.gradOutput() == null ? null : variant.tensors().get(spec.gradOutput());
        List<Model.Layer> layers = new ArrayList<>();
        for (Map<String, JsonNode> args : layerArgs(spec)) {
            layers.add(layer(args, variant));
        }
        return new Model(inputShape, input, grad, layers, p);
    }

    /** Each layer of a file is a one-key map {type: args}; this gives the args with the type under "@type". */
    private static List<Map<String, JsonNode>> layerArgs(ModelSpec spec) {
        List<Map<String, JsonNode>> out = new ArrayList<>();
        for (Map<String, Map<String, JsonNode>> layer : spec.layers()) {
            var entry = layer.entrySet().iterator().next();
            Map<String, JsonNode> args = new java.util.HashMap<>(entry.getValue() == null ? Map.of() : entry.getValue());
            args.put("@type", com.fasterxml.jackson.databind.node.TextNode.valueOf(entry.getKey()));
            out.add(args);
        }
        return out;
    }

    private static Model.Layer layer(Map<String, JsonNode> a, Variant v) {
        Map<String, Integer> p = v.params();
        String type = a.get("@type").textValue();
        return switch (type) {
            case "correlate2d", "convolve2d" -> new Model.Layer.Correlate(tensor(a, "kernel", v), type.equals("convolve2d"));
            case "conv2d" -> {
                Pair kernel = pair(a, "kernel_size", null, p);
                boolean total = a.containsKey("padding_total");
                Padding padding = total ? totalPadding(pair(a, "padding_total", null, p)) : padding(a.get("padding"), p);
                Conv2d conv = Conv2d.of(integer(a, "in_channels", 1, p), integer(a, "out_channels", 1, p), kernel)
                        .withStride(pair(a, "stride", Pair.of(1), p))
                        .withPadding(padding)
                        .withDilation(pair(a, "dilation", Pair.of(1), p))
                        .withGroups(integer(a, "groups", 1, p))
                        .withBias(bool(a, "bias", true))
                        .withPaddingMode(a.containsKey("padding_mode")
                                ? PaddingMode.valueOf(a.get("padding_mode").textValue().toUpperCase(Locale.ROOT))
                                : PaddingMode.ZEROS);
                yield new Model.Layer.Conv(conv, tensorOrNull(a, "weight", v), tensorOrNull(a, "bias_values", v));
            }
            case "max_pool2d", "avg_pool2d" -> {
                Pair kernel = pair(a, "kernel_size", null, p);
                Pool2d pool = (type.equals("max_pool2d") ? Pool2d.max(kernel) : Pool2d.avg(kernel))
                        .withStride(pair(a, "stride", kernel, p))
                        .withPadding(pair(a, "padding", Pair.of(0), p))
                        .withCeilMode(bool(a, "ceil_mode", false));
                if (type.equals("max_pool2d")) {
                    pool = pool.withDilation(pair(a, "dilation", Pair.of(1), p));
                } else {
                    pool = pool.withCountIncludePad(bool(a, "count_include_pad", true));
                    JsonNode divisor = a.get("divisor_override");
                    pool = pool.withDivisorOverride(divisor == null || divisor.isNull() ? null : Nested.integer(divisor, p));
                }
                yield new Model.Layer.Pool(pool);
            }
            case "linear" -> new Model.Layer.Linear(integer(a, "in_features", null, p), integer(a, "out_features", null, p),
                    bool(a, "bias", true));
            case "flatten" -> new Model.Layer.Flatten();
            case "relu" -> new Model.Layer.Relu();
            default -> throw new IllegalArgumentException("unknown layer type '" + type + "'");
        };
    }

    /** The tutorial's total padding: top gets ⌊p/2⌋, bottom the rest (PyTorch's 'same' rule). */
    static Padding totalPadding(Pair total) {
        return Padding.total(total.h(), total.w());
    }

    private static Padding padding(JsonNode node, Map<String, Integer> p) {
        if (node == null || node.isNull()) {
            return Padding.perSide(0, 0);
        }
        if (node.isTextual() && node.textValue().equals("same")) {
            return Padding.same();
        }
        if (node.isTextual() && node.textValue().equals("valid")) {
            return Padding.valid();
        }
        Pair pair = toPair(node, p);
        return Padding.perSide(pair.h(), pair.w());
    }

    private static Tensor tensor(Map<String, JsonNode> a, String key, Variant v) {
        Tensor t = tensorOrNull(a, key, v);
        if (t == null) {
            throw new IllegalArgumentException(key + " is required");
        }
        return t;
    }

    private static Tensor tensorOrNull(Map<String, JsonNode> a, String key, Variant v) {
        JsonNode node = a.get(key);
        return node == null || node.isNull() ? null : v.tensors().get(node.textValue());
    }

    private static int integer(Map<String, JsonNode> a, String key, Integer fallback, Map<String, Integer> p) {
        JsonNode node = a.get(key);
        if (node == null || node.isNull()) {
            if (fallback == null) {
                throw new IllegalArgumentException(key + " is required");
            }
            return fallback;
        }
        return Nested.integer(node, p);
    }

    private static boolean bool(Map<String, JsonNode> a, String key, boolean fallback) {
        JsonNode node = a.get(key);
        return node == null || node.isNull() ? fallback : node.asBoolean();
    }

    private static Pair pair(Map<String, JsonNode> a, String key, Pair fallback, Map<String, Integer> p) {
        JsonNode node = a.get(key);
        if (node == null || node.isNull()) {
            if (fallback == null) {
                throw new IllegalArgumentException(key + " is required");
            }
            return fallback;
        }
        return toPair(node, p);
    }

    private static Pair toPair(JsonNode node, Map<String, Integer> p) {
        if (node.isArray()) {
            return Pair.of(Nested.integer(node.get(0), p), Nested.integer(node.get(1), p));
        }
        return Pair.of(Nested.integer(node, p));
    }
}
