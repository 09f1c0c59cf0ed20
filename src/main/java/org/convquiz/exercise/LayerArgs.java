package org.convquiz.exercise;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.convquiz.engine.Conv2d;
import org.convquiz.engine.ConvTranspose2d;
import org.convquiz.engine.Padding;
import org.convquiz.engine.PaddingMode;
import org.convquiz.engine.Pair;
import org.convquiz.engine.Pool2d;
import org.convquiz.exercise.VariantGenerator.Nested;

/**
 * Builds engine layers from arguments in PyTorch's names ({@code kernel_size}, {@code stride},
 * {@code padding: [1, 2] | same | valid}, …), as written in exercise files and sent to the calculator
 * API. Numbers may be expressions over the given parameter values.
 */
public final class LayerArgs {
    /** Layer types and the arguments each accepts. */
    public static final Map<String, List<String>> ALLOWED = Map.of(
            "correlate2d", List.of("kernel"),
            "convolve2d", List.of("kernel"),
            "conv2d", List.of("in_channels", "out_channels", "kernel_size", "stride", "padding", "padding_total",
                    "dilation", "groups", "bias", "padding_mode", "weight", "bias_values"),
            "conv_transpose2d", List.of("in_channels", "out_channels", "kernel_size", "stride", "padding",
                    "output_padding", "dilation", "groups", "bias"),
            "max_pool2d", List.of("kernel_size", "stride", "padding", "dilation", "ceil_mode", "return_indices"),
            "avg_pool2d", List.of("kernel_size", "stride", "padding", "ceil_mode", "count_include_pad", "divisor_override"),
            "linear", List.of("in_features", "out_features", "bias"),
            "flatten", List.of(),
            "relu", List.of(),
            "residual", List.of("main", "shortcut"));

    private final Map<String, JsonNode> args;
    private final Map<String, Integer> params;

    private LayerArgs(Map<String, JsonNode> args, Map<String, Integer> params) {
        this.args = args;
        this.params = params;
    }

    /** Checks the type and every argument name; the message suggests the closest name. */
    public static LayerArgs of(String type, Map<String, JsonNode> args, Map<String, Integer> params) {
        List<String> allowed = ALLOWED.get(type);
        if (allowed == null) {
            throw new IllegalArgumentException("unknown layer type '" + type + "'" + Names.suggest(type, ALLOWED.keySet()));
        }
        Map<String, JsonNode> given = args == null ? Map.of() : args;
        for (String name : given.keySet()) {
            if (!allowed.contains(name)) {
                throw new IllegalArgumentException(type + " has no argument '" + name + "'" + Names.suggest(name, allowed));
            }
        }
        if (given.containsKey("padding") && given.containsKey("padding_total")) {
            throw new IllegalArgumentException(type + ": give padding (PyTorch, per side) or padding_total (the tutorial's total), not both");
        }
        return new LayerArgs(given, params == null ? Map.of() : params);
    }

    public Conv2d conv2d() {
        Padding padding = args.containsKey("padding_total")
                ? totalPadding(pair("padding_total", null))
                : padding(args.get("padding"));
        return Conv2d.of(integer("in_channels", null), integer("out_channels", null), pair("kernel_size", null))
                .withStride(pair("stride", Pair.of(1)))
                .withPadding(padding)
                .withDilation(pair("dilation", Pair.of(1)))
                .withGroups(integer("groups", 1))
                .withBias(bool("bias", true))
                .withPaddingMode(args.containsKey("padding_mode")
                        ? paddingMode(args.get("padding_mode").asText())
                        : PaddingMode.ZEROS);
    }

    public ConvTranspose2d convTranspose2d() {
        return new ConvTranspose2d(integer("in_channels", null), integer("out_channels", null), pair("kernel_size", null),
                pair("stride", Pair.of(1)), pair("padding", Pair.of(0)), pair("output_padding", Pair.of(0)),
                pair("dilation", Pair.of(1)), integer("groups", 1), bool("bias", true));
    }

    public Pool2d pool2d(boolean max) {
        Pair kernel = pair("kernel_size", null);
        Pool2d pool = (max ? Pool2d.max(kernel) : Pool2d.avg(kernel))
                .withStride(pair("stride", kernel))
                .withPadding(pair("padding", Pair.of(0)))
                .withCeilMode(bool("ceil_mode", false));
        if (max) {
            return pool.withDilation(pair("dilation", Pair.of(1)));
        }
        JsonNode divisor = args.get("divisor_override");
        return pool.withCountIncludePad(bool("count_include_pad", true))
                .withDivisorOverride(divisor == null || divisor.isNull() ? null : checked("divisor_override", Nested.integer(divisor, params)));
    }

    public int integer(String key, Integer fallback) {
        JsonNode node = args.get(key);
        if (node == null || node.isNull()) {
            if (fallback == null) {
                throw new IllegalArgumentException(key + " is required");
            }
            return fallback;
        }
        return checked(key, Nested.integer(node, params));
    }

    /** Every size a layer is given is bounded here, for exercise files and the calculator alike. */
    private static int checked(String key, int value) {
        Limits.layerArgument(key, value);
        return value;
    }

    public boolean bool(String key, boolean fallback) {
        JsonNode node = args.get(key);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (node.isTextual()) { // a condition over the parameters, e.g. ceil_mode: "c == 1"
            return Expressions.isTrue(node.textValue(), params);
        }
        if (!node.isBoolean()) {
            throw new IllegalArgumentException(key + " must be true, false or a condition such as \"c == 1\", got " + node);
        }
        return node.booleanValue();
    }

    public String text(String key) {
        JsonNode node = args.get(key);
        return node == null || node.isNull() ? null : node.asText();
    }

    /** An argument as written (a residual block's paths). */
    JsonNode node(String key) {
        return args.get(key);
    }

    Map<String, Integer> params() {
        return params;
    }

    public boolean has(String key) {
        return args.containsKey(key) && !args.get(key).isNull();
    }

    private Pair pair(String key, Pair fallback) {
        JsonNode node = args.get(key);
        if (node == null || node.isNull()) {
            if (fallback == null) {
                throw new IllegalArgumentException(key + " is required");
            }
            return fallback;
        }
        return toPair(key, node);
    }

    private Pair toPair(String key, JsonNode node) {
        if (node.isArray()) {
            if (node.size() != 2) {
                throw new IllegalArgumentException(key + " must be one number or [h, w], got " + node);
            }
            return Pair.of(checked(key, Nested.integer(node.get(0), params)), checked(key, Nested.integer(node.get(1), params)));
        }
        return Pair.of(checked(key, Nested.integer(node, params)));
    }

    private Padding padding(JsonNode node) {
        if (node == null || node.isNull()) {
            return Padding.perSide(0, 0);
        }
        if (node.isTextual() && node.textValue().equals("same")) {
            return Padding.same();
        }
        if (node.isTextual() && node.textValue().equals("valid")) {
            return Padding.valid();
        }
        Pair pair = toPair("padding", node);
        return Padding.perSide(pair.h(), pair.w());
    }

    /** The tutorial's total padding: top gets ⌊p/2⌋, bottom the rest (PyTorch's 'same' rule). */
    private static Padding totalPadding(Pair total) {
        return Padding.total(total.h(), total.w());
    }

    private static PaddingMode paddingMode(String name) {
        try {
            return PaddingMode.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("padding_mode must be zeros, reflect, replicate or circular, got '" + name + "'", e);
        }
    }
}
