package org.convquiz.exercise;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.convquiz.engine.Layer;
import org.convquiz.engine.Tensor;
import org.convquiz.exercise.ExerciseSpec.ModelSpec;
import org.convquiz.exercise.VariantGenerator.Nested;

/** Fills an exercise's model with a variant's numbers, in PyTorch's names and defaults. */
final class ModelBuilder {
    private ModelBuilder() {
    }

    static Model build(ModelSpec spec, Variant variant) {
        Map<String, Integer> p = variant.params();
        Tensor input = spec.input() == null ? null : variant.tensors().get(spec.input());
        int[] inputShape = input != null ? input.shape()
                : spec.inputShape().stream().mapToInt(n -> Nested.integer(n, p)).toArray();
        Tensor grad = spec.gradOutput() == null ? null : variant.tensors().get(spec.gradOutput());
        List<Layer> layers = new ArrayList<>();
        for (Map<String, Map<String, JsonNode>> layer : spec.layers()) {
            var entry = layer.entrySet().iterator().next();
            layers.add(layer(entry.getKey(), LayerArgs.of(entry.getKey(), entry.getValue(), p), variant.tensors()));
        }
        return new Model(inputShape, input, grad, layers, p);
    }

    /** One layer from its type and arguments; tensors are looked up by the names the arguments give. */
    static Layer layer(String type, LayerArgs a, Map<String, Tensor> tensors) {
        return switch (type) {
            case "correlate2d", "convolve2d" -> new Layer.Correlate(tensor(a, "kernel", tensors), type.equals("convolve2d"));
            case "conv2d" -> new Layer.Conv(a.conv2d(), a.has("weight") ? tensor(a, "weight", tensors) : null,
                    a.has("bias_values") ? tensor(a, "bias_values", tensors) : null);
            case "conv_transpose2d" -> new Layer.ConvTranspose(a.convTranspose2d());
            case "residual" -> new Layer.Residual("BasicBlock", path(a.node("main"), a.params(), tensors, true),
                    path(a.node("shortcut"), a.params(), tensors, false));
            case "max_pool2d", "avg_pool2d" -> new Layer.Pool(a.pool2d(type.equals("max_pool2d")));
            case "linear" -> new Layer.Linear(a.integer("in_features", null), a.integer("out_features", null), a.bool("bias", true));
            case "flatten" -> new Layer.Flatten();
            case "relu" -> new Layer.ReLU();
            default -> throw new IllegalArgumentException("layer type '" + type + "' cannot be used in an exercise model");
        };
    }

    /** A residual block's path: a list of one-entry maps, type → arguments, like model.layers (not nested further). */
    private static List<Layer> path(JsonNode node, Map<String, Integer> p, Map<String, Tensor> tensors, boolean required) {
        List<Layer> layers = new ArrayList<>();
        if (node == null || node.isNull()) {
            if (required) {
                throw new IllegalArgumentException("residual needs main: a list of layers");
            }
            return layers;
        }
        if (!node.isArray() || node.size() > Limits.MAX_LAYERS) {
            throw new IllegalArgumentException("residual main and shortcut are lists of at most " + Limits.MAX_LAYERS + " layers");
        }
        for (JsonNode layer : node) {
            if (!layer.isObject() || layer.size() != 1) {
                throw new IllegalArgumentException("each layer of a residual path is one type with its arguments, e.g. - conv2d: {…}");
            }
            String type = layer.fieldNames().next();
            if (type.equals("residual")) {
                throw new IllegalArgumentException("a residual block cannot contain another one");
            }
            Map<String, JsonNode> args = new java.util.LinkedHashMap<>();
            JsonNode argNode = layer.get(type);
            if (argNode != null && !argNode.isNull()) {
                if (!argNode.isObject()) {
                    throw new IllegalArgumentException(type + " arguments must be a map, e.g. {kernel_size: 3}");
                }
                argNode.fields().forEachRemaining(e -> args.put(e.getKey(), e.getValue()));
            }
            layers.add(layer(type, LayerArgs.of(type, args, p), tensors));
        }
        if (required && layers.isEmpty()) {
            throw new IllegalArgumentException("residual needs main: a list of layers");
        }
        return layers;
    }

    private static Tensor tensor(LayerArgs a, String key, Map<String, Tensor> tensors) {
        Tensor t = tensors.get(a.text(key));
        if (t == null) {
            throw new IllegalArgumentException(key + " names no tensor: '" + a.text(key) + "'");
        }
        return t;
    }
}
