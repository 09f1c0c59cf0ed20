package org.convquiz.calculator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.convquiz.calculator.CalculatorApi.BackwardRequest;
import org.convquiz.calculator.CalculatorApi.BackwardResponse;
import org.convquiz.calculator.CalculatorApi.ForwardRequest;
import org.convquiz.calculator.CalculatorApi.ForwardResponse;
import org.convquiz.calculator.CalculatorApi.LayerView;
import org.convquiz.calculator.CalculatorApi.NetworkChoice;
import org.convquiz.calculator.CalculatorApi.NetworkRow;
import org.convquiz.calculator.CalculatorApi.SequentialRequest;
import org.convquiz.calculator.CalculatorApi.SequentialResponse;
import org.convquiz.calculator.CalculatorApi.ReceptiveFieldView;
import org.convquiz.calculator.CalculatorApi.ShapeRequest;
import org.convquiz.calculator.CalculatorApi.ShapeResponse;
import org.convquiz.engine.Backward;
import org.convquiz.engine.Conv2d;
import org.convquiz.engine.ConvTranspose2d;
import org.convquiz.engine.EngineException;
import org.convquiz.engine.Pool2d;
import org.convquiz.engine.Shapes;
import org.convquiz.engine.ConvGrads;
import org.convquiz.engine.Layer;
import org.convquiz.engine.LayerSummary;
import org.convquiz.engine.Network;
import org.convquiz.engine.Networks;
import org.convquiz.engine.Ops;
import org.convquiz.engine.PoolResult;
import org.convquiz.engine.Result;
import org.convquiz.engine.Summary;
import org.convquiz.engine.Tensor;
import org.convquiz.exercise.LayerArgs;
import org.convquiz.exercise.Limits;
import org.convquiz.exercise.Names;
import org.convquiz.web.StepView;

/**
 * The public conv arithmetic calculator: JSON in PyTorch's terms → engine → results with their
 * derivation. Bad input raises IllegalArgumentException (an EngineException for engine rules).
 */
@ApplicationScoped
public class CalculatorService {
    static final List<String> FORWARD_OPS = List.of("conv2d", "conv_transpose2d", "max_pool2d", "avg_pool2d", "linear");
    static final List<String> BACKWARD_OPS = List.of("conv2d", "max_pool2d", "avg_pool2d");
    /**
     * The public calculator answers anyone, so each request is bounded: tensors of at most 65,536 elements
     * (a 256×256 image), at most 20 million multiply-adds, at most {@link Limits#MAX_LAYERS} layers and
     * shape sides of at most 2²⁰. More is 413 with a message, checked before any work is done.
     */
    static final int MAX_TENSOR_ELEMENTS = 65_536;
    static final long MAX_WORK = 20_000_000L;
    static final int MAX_SHAPE_SIDE = 1 << 20;

    private static final java.util.regex.Pattern LAYER_PREFIX = java.util.regex.Pattern.compile("^layer (\\d{1,3}) \\(");

    public ForwardResponse forward(ForwardRequest r) {
        String op = op(r == null ? null : r.op(), FORWARD_OPS);
        Tensor input = tensor(r.input(), "input");
        switch (op) {
            case "conv2d" -> {
                Tensor weight = tensor(r.weight(), "weight");
                Tensor bias = optionalTensor(r.bias(), "bias");
                LayerArgs args = LayerArgs.of(op, withWeightShape(r.params(), weight, false, bias != null), Map.of());
                Conv2d conv = args.conv2d();
                requireWork(elements(Shapes.conv2d(input.shape(), conv).value()), weight.size() / Math.max(1, weight.dim(0)));
                Result<Tensor> out = Ops.conv2d(input, weight, bias, conv);
                return forwardResponse(out.value(), null, out);
            }
            case "conv_transpose2d" -> {
                Tensor weight = tensor(r.weight(), "weight");
                Tensor bias = optionalTensor(r.bias(), "bias");
                // A transposed conv's weight is in_channels × (out_channels/groups) × kh × kw.
                LayerArgs args = LayerArgs.of(op, withWeightShape(r.params(), weight, true, bias != null), Map.of());
                ConvTranspose2d conv = args.convTranspose2d();
                int[] outShape = Shapes.convTranspose2d(input.shape(), conv).value();
                requireSize(elements(outShape), "output");
                requireWork(input.size(), weight.size() / Math.max(1, weight.dim(0)));
                Result<Tensor> out = Ops.convTranspose2d(input, weight, bias, conv);
                return forwardResponse(out.value(), null, out);
            }
            case "max_pool2d", "avg_pool2d" -> {
                LayerArgs args = LayerArgs.of(op, r.params(), Map.of());
                boolean max = op.equals("max_pool2d");
                Pool2d pool = args.pool2d(max);
                requireWork(elements(Shapes.pool2d(input.shape(), pool).value()), (long) pool.kernel().h() * pool.kernel().w());
                PoolResult out = max ? Ops.maxPool2d(input, args.pool2d(true)) : Ops.avgPool2d(input, args.pool2d(false));
                Tensor indices = max && args.bool("return_indices", false) ? out.indices() : null;
                return forwardResponse(out.output(), indices, new Result<>(out.output(), out.steps()));
            }
            default -> {
                requireNoParams(r.params(), op);
                Tensor weight = tensor(r.weight(), "weight");
                requireWork(input.size(), weight.rank() == 2 ? weight.dim(0) : 1);
                Result<Tensor> out = Ops.linear(input, weight, optionalTensor(r.bias(), "bias"));
                return forwardResponse(out.value(), null, out);
            }
        }
    }

    public BackwardResponse backward(BackwardRequest r) {
        String op = op(r == null ? null : r.op(), BACKWARD_OPS);
        Tensor input = tensor(r.input(), "input");
        Tensor grad = tensor(r.gradOutput(), "grad_output");
        if (op.equals("conv2d")) {
            Tensor weight = tensor(r.weight(), "weight");
            boolean bias = r.bias() != null && !r.bias().isNull();
            LayerArgs args = LayerArgs.of(op, withWeightShape(r.params(), weight, false, bias), Map.of());
            Conv2d conv = args.conv2d();
            // Gradients for input and weight: twice the forward pass.
            requireWork(2 * elements(Shapes.conv2d(input.shape(), conv).value()), weight.size() / Math.max(1, weight.dim(0)));
            ConvGrads g = Backward.conv2d(input, weight, grad, conv);
            return new BackwardResponse(g.gradInput().toNested(), g.gradWeight().toNested(),
                    g.gradBias() == null ? null : g.gradBias().toNested(), StepView.of(g.steps()));
        }
        LayerArgs args = LayerArgs.of(op, r.params(), Map.of());
        Pool2d pool = args.pool2d(op.equals("max_pool2d"));
        requireWork(elements(Shapes.pool2d(input.shape(), pool).value()), (long) pool.kernel().h() * pool.kernel().w());
        Result<Tensor> g = op.equals("max_pool2d")
                ? Backward.maxPool2d(input, grad, args.pool2d(true))
                : Backward.avgPool2d(input, grad, args.pool2d(false));
        return new BackwardResponse(g.value().toNested(), null, null, StepView.of(g.steps()));
    }

    public ShapeResponse shape(ShapeRequest r) {
        if (r == null || r.inputShape() == null || r.inputShape().isEmpty()) {
            throw new IllegalArgumentException("input_shape is required, e.g. [3, 100, 100]");
        }
        if (r.layers() == null || r.layers().isEmpty()) {
            throw new IllegalArgumentException("layers is required: a list like [{\"type\": \"conv2d\", \"in_channels\": 3, …}]");
        }
        if (r.layers().size() > Limits.MAX_LAYERS) {
            throw new EngineException(EngineException.Kind.TOO_LARGE, "layers has " + r.layers().size()
                    + " entries, more than the limit of " + Limits.MAX_LAYERS);
        }
        if (r.inputShape().size() > 4) {
            throw new IllegalArgumentException("input_shape has 1 to 4 dimensions, e.g. [3, 100, 100]");
        }
        for (int i = 0; i < r.inputShape().size(); i++) {
            Integer d = r.inputShape().get(i);
            if (d == null || d < 1 || d > MAX_SHAPE_SIDE) {
                throw new IllegalArgumentException("input_shape[" + i + "] must be a whole number from 1 to " + MAX_SHAPE_SIDE);
            }
        }
        List<Layer> layers = new ArrayList<>();
        List<String> types = new ArrayList<>();
        for (int i = 0; i < r.layers().size(); i++) {
            Map<String, JsonNode> spec = new HashMap<>(r.layers().get(i) == null ? Map.of() : r.layers().get(i));
            JsonNode type = spec.remove("type");
            if (type == null || !type.isTextual()) {
                throw new IllegalArgumentException("layers[" + i + "].type is required (conv2d, conv_transpose2d, max_pool2d, avg_pool2d, linear, flatten, relu)");
            }
            types.add(type.textValue());
            try {
                layers.add(layer(type.textValue(), LayerArgs.of(type.textValue(), spec, Map.of())));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("layers[" + i + "]: " + e.getMessage(), e);
            }
        }
        int[] inputShape = r.inputShape().stream().mapToInt(Integer::intValue).toArray();
        Summary summary = Network.summarize(inputShape, layers);
        List<LayerView> views = new ArrayList<>();
        for (int i = 0; i < summary.layers().size(); i++) {
            LayerSummary s = summary.layers().get(i);
            views.add(new LayerView(types.get(i), boxed(s.outputShape()), s.params(), s.macs(),
                    new ReceptiveFieldView(s.rfH().size(), s.rfH().jump(), s.rfH().start()), StepView.of(s.steps())));
        }
        return new ShapeResponse(views, views.get(views.size() - 1).outputShape(), summary.totalParams(), summary.totalMacs());
    }

    /** The named networks the calculator offers: those within its layer limit. */
    public List<NetworkChoice> networks() {
        List<NetworkChoice> out = new ArrayList<>();
        for (Networks.Named n : Networks.all()) {
            if (n.layers().size() <= Limits.MAX_LAYERS) {
                out.add(new NetworkChoice(n.id(), n.title(), boxed(n.inputShape()), SequentialParser.print(n.layers())));
            }
        }
        return out;
    }

    /**
     * A torchsummary-like table of pasted nn.Sequential text or of a named network. Every problem is an
     * IllegalArgumentException (400) whose message names the line (for text) and the shapes; sizes past a
     * 64-bit count are refused the same way, since the request itself is small.
     */
    public SequentialResponse sequential(SequentialRequest r) {
        if (r == null || ((r.text() == null || r.text().isBlank()) && (r.network() == null || r.network().isBlank()))) {
            throw new IllegalArgumentException("text is required: an nn.Sequential(...) such as nn.Sequential(nn.Conv2d(1, 6, 5), nn.ReLU()), "
                    + "or network: the id of a named network");
        }
        Networks.Named named = null;
        List<SequentialParser.Parsed> parsed = null;
        List<Layer> layers;
        if (r.text() != null && !r.text().isBlank()) {
            if (r.network() != null && !r.network().isBlank()) {
                throw new IllegalArgumentException("give text or network, not both");
            }
            parsed = SequentialParser.parse(r.text());
            layers = parsed.stream().map(SequentialParser.Parsed::layer).toList();
        } else {
            named = Networks.all().stream().filter(n -> n.id().equals(r.network()) && n.layers().size() <= Limits.MAX_LAYERS)
                    .findFirst().orElseThrow(() -> new IllegalArgumentException("unknown network '" + r.network() + "'"
                            + Names.suggest(r.network(), networks().stream().map(NetworkChoice::id).toList())
                            + " (one of " + networks().stream().map(NetworkChoice::id).toList() + ")"));
            layers = named.layers();
        }
        int[] input;
        if (r.inputShape() == null || r.inputShape().isEmpty()) {
            if (named == null) {
                throw new IllegalArgumentException("input_shape is required, e.g. [1, 32, 32] (C×H×W) or [1, 1, 32, 32] (N×C×H×W)");
            }
            input = named.inputShape();
        } else {
            if (r.inputShape().stream().anyMatch(d -> d == null)) {
                throw new IllegalArgumentException("input_shape must be whole numbers, e.g. [1, 32, 32]");
            }
            input = r.inputShape().stream().mapToInt(Integer::intValue).toArray();
            Limits.inputShape(input, "input_shape");
        }
        Summary summary;
        try {
            summary = Network.summarize(input, layers);
        } catch (EngineException e) {
            String where = "";
            // the engine names the layer first ("layer 4 (Conv2d): …"); the student wrote it on a line
            java.util.regex.Matcher m = LAYER_PREFIX.matcher(e.getMessage());
            if (parsed != null && m.find()) {
                int layer = Integer.parseInt(m.group(1));
                if (layer >= 1 && layer <= parsed.size()) {
                    where = "line " + parsed.get(layer - 1).line() + ": ";
                }
            }
            throw new IllegalArgumentException(where + e.getMessage(), e);
        }
        List<NetworkRow> rows = new ArrayList<>();
        for (int i = 0; i < summary.layers().size(); i++) {
            LayerSummary s = summary.layers().get(i);
            rows.add(new NetworkRow(s.name(), Network.name(layers.get(i)), parsed == null ? null : parsed.get(i).line(),
                    boxed(s.outputShape()), s.params(), s.macs(),
                    new ReceptiveFieldView(s.rfH().size(), s.rfH().jump(), s.rfH().start()),
                    new ReceptiveFieldView(s.rfW().size(), s.rfW().jump(), s.rfW().start()), StepView.of(s.steps())));
        }
        return new SequentialResponse(named == null ? null : named.id(),
                named == null ? null : SequentialParser.print(named.layers()), boxed(input), rows,
                boxed(summary.outputShape()), summary.totalParams(), summary.totalMacs(), StepView.of(summary.steps()));
    }

    private static Layer layer(String type, LayerArgs a) {
        return switch (type) {
            case "conv2d" -> new Layer.Conv(a.conv2d());
            case "conv_transpose2d" -> new Layer.ConvTranspose(a.convTranspose2d());
            case "max_pool2d", "avg_pool2d" -> new Layer.Pool(a.pool2d(type.equals("max_pool2d")));
            case "linear" -> new Layer.Linear(a.integer("in_features", null), a.integer("out_features", null), a.bool("bias", true));
            case "flatten" -> new Layer.Flatten();
            case "relu" -> new Layer.ReLU();
            case "residual" -> throw new IllegalArgumentException("residual blocks belong to exercise files; "
                    + "POST /api/engine/sequential with network: resnet-block tabulates one");
            default -> throw new IllegalArgumentException("layer type '" + type + "' needs tensors; use /api/engine/forward");
        };
    }

    private static String op(String op, List<String> allowed) {
        if (op == null) {
            throw new IllegalArgumentException("op is required: one of " + allowed);
        }
        if (!allowed.contains(op)) {
            throw new IllegalArgumentException("unknown op '" + op + "'" + Names.suggest(op, allowed) + " (one of " + allowed + ")");
        }
        return op;
    }

    /**
     * Channel counts and kernel size follow from the weight's shape, as in torch.nn.functional: a conv2d
     * weight is out × in/groups × kh × kw, a transposed conv's in × out/groups × kh × kw.
     */
    private static Map<String, JsonNode> withWeightShape(Map<String, JsonNode> params, Tensor weight, boolean transposed, boolean bias) {
        if (weight.rank() != 4) {
            throw new IllegalArgumentException("weight must be 4-D (channels × channels/groups × kh × kw), got " + weight.shapeString());
        }
        Map<String, JsonNode> all = new HashMap<>(params == null ? Map.of() : params);
        int groups = all.containsKey("groups") && all.get("groups").canConvertToInt() ? Math.max(1, all.get("groups").asInt(1)) : 1;
        all.putIfAbsent("in_channels", IntNode.valueOf(transposed ? weight.dim(0) : weight.dim(1) * groups));
        all.putIfAbsent("out_channels", IntNode.valueOf(transposed ? weight.dim(1) * groups : weight.dim(0)));
        all.putIfAbsent("kernel_size", JsonNodeFactory.instance.arrayNode().add(weight.dim(2)).add(weight.dim(3)));
        all.putIfAbsent("bias", BooleanNode.valueOf(bias));
        return all;
    }

    private static void requireNoParams(Map<String, JsonNode> params, String op) {
        if (params != null && !params.isEmpty()) {
            throw new IllegalArgumentException(op + " takes no params (got " + params.keySet() + ")");
        }
    }

    private static ForwardResponse forwardResponse(Tensor out, Tensor indices, Result<Tensor> result) {
        return new ForwardResponse(out.toNested(), boxed(out.shape()), indices == null ? null : indices.toNested(), StepView.of(result.steps()));
    }

    static Tensor tensor(JsonNode node, String name) {
        if (node == null || node.isNull()) {
            throw new IllegalArgumentException(name + " is required: a nested list of numbers such as [[0, 1], [2, 3]]");
        }
        Tensor t;
        try {
            t = Tensor.fromNested(toJava(node, name));
        } catch (IllegalArgumentException e) {
            throw rethrow(name, e);
        }
        requireSize(t.size(), name);
        return t;
    }

    private static Tensor optionalTensor(JsonNode node, String name) {
        return node == null || node.isNull() ? null : tensor(node, name);
    }

    private static IllegalArgumentException rethrow(String name, IllegalArgumentException e) {
        if (e instanceof org.convquiz.engine.EngineException ee) {
            return new org.convquiz.engine.EngineException(ee.kind(), name + ": " + ee.getMessage());
        }
        return new IllegalArgumentException(name + ": " + e.getMessage(), e);
    }

    /** JSON arrays to java.util.List, numbers to Double; anything else is a clear error. */
    private static Object toJava(JsonNode node, String path) {
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            for (int i = 0; i < node.size(); i++) {
                list.add(toJava(node.get(i), path + "[" + i + "]"));
            }
            return list;
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        throw new IllegalArgumentException(path + " must be a number or a list, got " + node.getNodeType().name().toLowerCase());
    }

    private static long elements(int[] shape) {
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    private static void requireSize(long elements, String name) {
        if (elements > MAX_TENSOR_ELEMENTS) {
            throw new EngineException(EngineException.Kind.TOO_LARGE, name + " has " + elements
                    + " elements, which exceeds the limit of " + MAX_TENSOR_ELEMENTS + " per tensor in the calculator");
        }
    }

    /** outputs × multiply-adds per output, refused before any of it is done. */
    private static void requireWork(long outputs, long perOutput) {
        requireSize(outputs, "output");
        if (outputs * perOutput > MAX_WORK) {
            throw new EngineException(EngineException.Kind.TOO_LARGE, "this needs about " + outputs * perOutput
                    + " multiply-adds, which exceeds the limit of " + MAX_WORK + " per calculator request; use smaller tensors");
        }
    }

    private static List<Integer> boxed(int[] values) {
        return Arrays.stream(values).boxed().toList();
    }
}
