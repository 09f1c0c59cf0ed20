package org.convquiz.exercise;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.convquiz.engine.Backward;
import org.convquiz.engine.Conv2d;
import org.convquiz.engine.Layer;
import org.convquiz.engine.Network;
import org.convquiz.engine.Ops;
import org.convquiz.engine.Pair;
import org.convquiz.engine.Params;
import org.convquiz.engine.PoolKind;
import org.convquiz.engine.PoolResult;
import org.convquiz.engine.Result;
import org.convquiz.engine.Shapes;
import org.convquiz.engine.Step;
import org.convquiz.engine.Summary;
import org.convquiz.engine.Tensor;
import org.convquiz.exercise.ExerciseSpec.OptionSpec;
import org.convquiz.exercise.ExerciseSpec.PartSpec;
import org.convquiz.exercise.answer.Exact;
import org.convquiz.exercise.answer.ParsedAnswer;

/** Computes a part's reference answer with the engine; nothing else in ConvQuiz computes an answer. */
public final class Quantities {
    private Quantities() {
    }

    public static Reference compute(Model model, PartSpec part, Quantity quantity) {
        Reference r = raw(model, part, quantity);
        boolean grouped = model.layers().stream().anyMatch(l -> l instanceof Model.Layer.Conv c && c.conv().groups() > 1);
        List<Step> steps = r.steps().stream().map(st -> new Step(ungrouped(st.en(), grouped), StepText.chinese(ungrouped(st.zh(), grouped)),
                ungrouped(st.formula(), grouped), Exact.clean(st.substituted()), Exact.clean(st.value()))).toList();
        return new Reference(r.value(), steps, r.weights(), r.window());
    }

    /** A beginner's layer has no groups: "c_i/g" is just c_i there. */
    private static String ungrouped(String text, boolean grouped) {
        if (grouped || text == null) {
            return text;
        }
        return text.replace("(c_i/g)", "c_i").replace("c_i/g", "c_i").replace("(in_channels/groups)", "in_channels")
                .replace("in_channels/groups", "in_channels").replace("(c_o/g)", "c_o").replace("c_o/g", "c_o");
    }

    private static Reference raw(Model model, PartSpec part, Quantity quantity) {
        return switch (quantity) {
            case OUTPUT_SHAPE -> {
                Result<int[]> shape = outputShape(model);
                yield new Reference(shape(shape.value()), shape.steps());
            }
            case OUTPUT_HEIGHT, OUTPUT_WIDTH, OUTPUT_CHANNELS -> {
                Result<int[]> shape = outputShape(model);
                int[] s = shape.value();
                int dim = switch (quantity) {
                    case OUTPUT_HEIGHT -> s[s.length - 2];
                    case OUTPUT_WIDTH -> s[s.length - 1];
                    default -> s[s.length - 3];
                };
                yield new Reference(integer(dim), shape.steps());
            }
            case PARAMS -> params(model);
            case WEIGHT_SHAPE, BIAS_SHAPE -> parameterShape(model, quantity == Quantity.WEIGHT_SHAPE);
            case FC_PARAMS -> fcParams(model);
            case OUTPUT -> {
                Result<Tensor> out = forward(model);
                yield new Reference(tensor(out.value()), out.steps());
            }
            case OUTPUT_ELEMENT -> {
                Result<Tensor> out = forward(model);
                int[] idx = part.element().stream().mapToInt(Integer::intValue).toArray();
                yield new Reference(number(out.value().get(idx)), out.steps());
            }
            case GRAD_INPUT -> {
                Result<Tensor> grad = gradInput(model);
                yield new Reference(tensor(grad.value()), grad.steps(), contributions(model), null);
            }
            case GRAD_SUM -> {
                Result<Tensor> grad = gradInput(model);
                // The gradients are integers split n ways: add them as fractions, so 8 is 8, not 7.999999999999999.
                ParsedAnswer.NumberAnswer sum = Exact.sum(grad.value().data());
                List<Step> steps = new ArrayList<>(grad.steps());
                steps.add(new Step("Add up the input gradients", "把输入的梯度相加", "Σ ∂L/∂X", "Σ ∂L/∂X", sum.display()));
                yield new Reference(sum, steps);
            }
            case RECEPTIVE_FIELD, RECEPTIVE_FIELD_ELEMENTS -> receptiveField(model, quantity == Quantity.RECEPTIVE_FIELD_ELEMENTS);
            case CHOICE -> choice(model, part);
        };
    }

    /**
     * How many input rows (and columns) one output element of the last layer depends on. With kernels at least
     * as large as the strides before them that is the engine's receptive-field span; a kernel smaller than the
     * stride before it leaves rows in the span that no window touches, and those are not counted. Padded
     * positions count: a receptive field may be larger than the input (tutorial, section 3).
     */
    static Reference receptiveField(Model model, boolean elements) {
        int[] in = model.inputShape().length == 2 ? new int[] {1, model.inputShape()[0], model.inputShape()[1]} : model.inputShape();
        Summary summary = Network.summarize(in, engineLayers(model));
        var last = summary.layers().get(summary.layers().size() - 1);
        int[] seen = {rowsSeen(model, 0), rowsSeen(model, 1)};
        List<Step> steps = new ArrayList<>(summary.steps());
        if (seen[0] != last.rfH().size() || seen[1] != last.rfW().size()) {
            steps.add(new Step("A kernel smaller than the stride before it skips rows: count only the rows some window uses",
                    "卷积核小于前一层的步幅时，中间有些行不被任何窗口用到：只数真正用到的行",
                    "rows seen ≤ span", seen[0] + " ≤ " + last.rfH().size(), String.valueOf(seen[0])));
        }
        if (elements) {
            steps.add(new Step("The receptive field holds height × width elements", "感受野包含 高 × 宽 个元素",
                    "h × w", seen[0] + " × " + seen[1], String.valueOf(seen[0] * seen[1])));
            return new Reference(integer((long) seen[0] * seen[1]), steps, null, seen);
        }
        return new Reference(integer(seen[0]), steps, null, seen);
    }

    /** The distinct input positions along one axis (0 = height) that output position 0 of the last layer reads. */
    static int rowsSeen(Model model, int axis) {
        java.util.SortedSet<Integer> rows = new TreeSet<>(List.of(0));
        List<Model.Layer> layers = model.layers();
        for (int l = layers.size() - 1; l >= 0; l--) {
            int[] g = geometry(layers.get(l), axis);
            if (g == null) {
                continue;
            }
            java.util.SortedSet<Integer> below = new TreeSet<>();
            for (int r : rows) {
                for (int i = 0; i < g[0]; i++) {
                    below.add(r * g[1] - g[2] + i * g[3]);
                }
            }
            rows = below;
        }
        return rows.size();
    }

    /** kernel, stride, padding before, dilation of a sliding-window layer along an axis; null for other layers. */
    private static int[] geometry(Model.Layer layer, int axis) {
        if (layer instanceof Model.Layer.Correlate c) {
            return new int[] {c.kernel().dim(axis), 1, 0, 1};
        }
        if (layer instanceof Model.Layer.Conv c) {
            Conv2d conv = c.conv();
            int[] pad = conv.padAmounts();
            return axis == 0 ? new int[] {conv.kernel().h(), conv.stride().h(), pad[0], conv.dilation().h()}
                    : new int[] {conv.kernel().w(), conv.stride().w(), pad[2], conv.dilation().w()};
        }
        if (layer instanceof Model.Layer.Pool p) {
            var pool = p.pool();
            return axis == 0 ? new int[] {pool.kernel().h(), pool.stride().h(), pool.padding().h(), pool.dilation().h()}
                    : new int[] {pool.kernel().w(), pool.stride().w(), pool.padding().w(), pool.dilation().w()};
        }
        return null;
    }

    /**
     * For a pooling gradient: into how many output gradients each input cell adds (0 for the cells that get
     * none). Found by sending a gradient of 1 from every output position that has a non-zero gradient.
     */
    private static List<Double> contributions(Model model) {
        if (model.layers().size() != 1 || !(model.layers().get(0) instanceof Model.Layer.Pool p)) {
            return null;
        }
        double[] g = model.gradOutput().data();
        double[] ones = new double[g.length];
        for (int i = 0; i < g.length; i++) {
            ones[i] = g[i] == 0 ? 0 : 1;
        }
        Tensor unit = Tensor.of(model.gradOutput().shape(), ones);
        boolean max = p.pool().kind() == PoolKind.MAX;
        Tensor counts = max ? Backward.maxPool2d(model.input(), unit, p.pool()).value()
                : Backward.avgPool2d(model.input(), unit, p.pool().withDivisorOverride(1)).value();
        return Arrays.stream(counts.data()).map(Math::rint).boxed().toList();
    }

    /** The shape after every layer, with the engine's steps. */
    static Result<int[]> outputShape(Model model) {
        int[] shape = model.inputShape();
        List<Step> steps = new ArrayList<>();
        for (Model.Layer layer : model.layers()) {
            Result<int[]> next = layerShape(shape, layer);
            steps.addAll(next.steps());
            shape = next.value();
        }
        return new Result<>(shape, steps);
    }

    static Result<int[]> layerShape(int[] shape, Model.Layer layer) {
        if (layer instanceof Model.Layer.Correlate c) {
            Result<int[]> chw = Shapes.conv2d(new int[] {1, shape[shape.length - 2], shape[shape.length - 1]},
                    Conv2d.of(1, 1, Pair.of(c.kernel().dim(0), c.kernel().dim(1))).withBias(false));
            return new Result<>(new int[] {chw.value()[1], chw.value()[2]}, chw.steps());
        } else if (layer instanceof Model.Layer.Conv c) {
            return Shapes.conv2d(shape, c.conv());
        } else if (layer instanceof Model.Layer.Pool p) {
            return Shapes.pool2d(shape, p.pool());
        } else if (layer instanceof Model.Layer.Linear l) {
            return Shapes.linear(shape, l.inFeatures(), l.outFeatures());
        } else if (layer instanceof Model.Layer.Flatten) {
            return Shapes.flatten(shape);
        }
        return new Result<>(shape, List.of()); // ReLU keeps the shape
    }

    static Result<Tensor> forward(Model model) {
        if (model.input() == null) {
            throw new IllegalArgumentException("the model has no input values (model.input)");
        }
        Tensor x = model.input();
        List<Step> steps = new ArrayList<>();
        for (Model.Layer layer : model.layers()) {
            Result<Tensor> next = forwardLayer(x, layer);
            steps.addAll(next.steps());
            x = next.value();
        }
        return new Result<>(x, steps);
    }

    private static Result<Tensor> forwardLayer(Tensor x, Model.Layer layer) {
        if (layer instanceof Model.Layer.Correlate c) {
            return c.flipped() ? Ops.convolve2d(x, c.kernel()) : Ops.correlate2d(x, c.kernel());
        } else if (layer instanceof Model.Layer.Conv c) {
            return Ops.conv2d(x, required(c.weight(), "conv2d weight"), c.bias(), c.conv());
        } else if (layer instanceof Model.Layer.Pool p) {
            PoolResult r = p.pool().kind() == PoolKind.MAX ? Ops.maxPool2d(x, p.pool()) : Ops.avgPool2d(x, p.pool());
            return new Result<>(r.output(), r.steps());
        } else if (layer instanceof Model.Layer.Flatten) {
            return Ops.flatten(x);
        } else if (layer instanceof Model.Layer.Relu) {
            return relu(x);
        }
        throw new IllegalArgumentException("linear layers have no weights in exercise files");
    }

    private static Result<Tensor> relu(Tensor x) {
        double[] d = x.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = Math.max(0, d[i]);
        }
        return new Result<>(Tensor.of(x.shape(), d), List.of(new Step("ReLU keeps positive values and sets the rest to 0",
                "ReLU 保留正值，其余置 0", "y = max(0, x)", "y = max(0, x)", x.shapeString())));
    }

    /** Gradient with respect to the input of a one-layer model (pooling, cross-correlation or conv2d). */
    static Result<Tensor> gradInput(Model model) {
        if (model.layers().size() != 1 || model.gradOutput() == null || model.input() == null) {
            throw new IllegalArgumentException("grad_input needs input, grad_output and exactly one layer");
        }
        Tensor x = model.input();
        Tensor g = model.gradOutput();
        Model.Layer layer = model.layers().get(0);
        if (layer instanceof Model.Layer.Pool p) {
            return p.pool().kind() == PoolKind.MAX ? Backward.maxPool2d(x, g, p.pool()) : Backward.avgPool2d(x, g, p.pool());
        } else if (layer instanceof Model.Layer.Conv c) {
            var grads = Backward.conv2d(x, required(c.weight(), "conv2d weight"), g, c.conv());
            return new Result<>(grads.gradInput(), grads.steps());
        } else if (layer instanceof Model.Layer.Correlate c && !c.flipped()) {
            Tensor kernel = c.kernel();
            Conv2d conv = Conv2d.of(1, 1, Pair.of(kernel.dim(0), kernel.dim(1))).withBias(false);
            Tensor weight = kernel.reshape(1, 1, kernel.dim(0), kernel.dim(1));
            var grads = Backward.conv2d(x.reshape(1, x.dim(0), x.dim(1)), weight, g.reshape(1, g.dim(0), g.dim(1)), conv);
            return new Result<>(grads.gradInput().reshape(x.shape()), grads.steps());
        }
        throw new IllegalArgumentException("grad_input is defined for one pooling, cross-correlation or conv2d layer");
    }

    static Reference params(Model model) {
        long total = 0;
        List<Step> steps = new ArrayList<>();
        for (Model.Layer layer : model.layers()) {
            Result<Long> count = null;
            if (layer instanceof Model.Layer.Conv c) {
                count = Params.conv2d(c.conv());
            } else if (layer instanceof Model.Layer.Linear l) {
                count = Params.linear(l.inFeatures(), l.outFeatures(), l.bias());
            }
            if (count != null) {
                total += count.value();
                steps.addAll(count.steps());
            }
        }
        return new Reference(integer(total), steps);
    }

    static Reference parameterShape(Model model, boolean weight) {
        for (Model.Layer layer : model.layers()) {
            if (layer instanceof Model.Layer.Conv c) {
                int[] shape = weight ? c.conv().weightShape() : new int[] {c.conv().outChannels()};
                return new Reference(shape(shape), List.of(weight
                        ? new Step("One kernel of in_channels/groups × k_h × k_w per output channel",
                                "每个输出通道一个形状为 (in_channels/groups)×k_h×k_w 的卷积核",
                                "c_o × c_i × k_h × k_w", String.join(" × ", Arrays.stream(shape).mapToObj(String::valueOf).toList()),
                                joinShape(shape))
                        : new Step("One bias per output channel", "每个输出通道一个偏置", "c_o", String.valueOf(shape[0]), joinShape(shape))));
            }
            if (layer instanceof Model.Layer.Linear l) {
                int[] shape = weight ? new int[] {l.outFeatures(), l.inFeatures()} : new int[] {l.outFeatures()};
                return new Reference(shape(shape), List.of(new Step(
                        weight ? "A linear layer's weight is out_features × in_features" : "One bias per output feature",
                        weight ? "全连接层的权重形状为 out_features × in_features" : "每个输出一个偏置",
                        weight ? "out × in" : "out", joinShape(shape), joinShape(shape))));
            }
        }
        throw new IllegalArgumentException("the model has no conv2d or linear layer");
    }

    static Reference fcParams(Model model) {
        int[] in = chw(model.inputShape());
        int[] out = chw(outputShape(model).value());
        boolean bias = model.layers().stream().anyMatch(l -> l instanceof Model.Layer.Conv c && c.conv().bias()
                || l instanceof Model.Layer.Linear lin && lin.bias());
        Result<Long> count = Params.fullyConnected(in[0], in[1], in[2], out[0], out[1], out[2], bias);
        List<Step> steps = new ArrayList<>(outputShape(model).steps());
        steps.addAll(count.steps());
        return new Reference(integer(count.value()), steps);
    }

    private static int[] chw(int[] shape) {
        int n = shape.length;
        return new int[] {shape[n - 3], shape[n - 2], shape[n - 1]};
    }

    private static Reference choice(Model model, PartSpec part) {
        TreeSet<String> answer = new TreeSet<>();
        List<Step> steps = new ArrayList<>();
        for (OptionSpec option : part.options()) {
            Checks.Verdict verdict = Checks.truth(option, model);
            steps.add(verdict.step(option.key()));
            if (verdict.truth() == part.selectTrue()) {
                answer.add(option.key());
            }
        }
        return new Reference(new ParsedAnswer.ChoiceAnswer(answer), steps);
    }

    /** The model's layers for the engine's network summary (receptive fields). */
    static List<Layer> engineLayers(Model model) {
        List<Layer> layers = new ArrayList<>();
        for (Model.Layer layer : model.layers()) {
            if (layer instanceof Model.Layer.Correlate c) {
                layers.add(new Layer.Conv(Conv2d.of(1, 1, Pair.of(c.kernel().dim(0), c.kernel().dim(1))).withBias(false)));
            } else if (layer instanceof Model.Layer.Conv c) {
                layers.add(new Layer.Conv(c.conv()));
            } else if (layer instanceof Model.Layer.Pool p) {
                layers.add(new Layer.Pool(p.pool()));
            } else if (layer instanceof Model.Layer.Linear l) {
                layers.add(new Layer.Linear(l.inFeatures(), l.outFeatures(), l.bias()));
            } else if (layer instanceof Model.Layer.Flatten) {
                layers.add(new Layer.Flatten());
            } else {
                layers.add(new Layer.ReLU());
            }
        }
        return layers;
    }

    private static <T> T required(T value, String what) {
        if (value == null) {
            throw new IllegalArgumentException(what + " needs values (name a tensor)");
        }
        return value;
    }

    static String joinShape(int[] shape) {
        return String.join("×", Arrays.stream(shape).mapToObj(String::valueOf).toList());
    }

    static ParsedAnswer shape(int[] dims) {
        return new ParsedAnswer.ShapeAnswer(Arrays.stream(dims).boxed().toList());
    }

    static ParsedAnswer integer(long value) {
        return new ParsedAnswer.IntegerAnswer(BigInteger.valueOf(value));
    }

    static ParsedAnswer number(double value) {
        return Exact.number(value);
    }

    static ParsedAnswer tensor(Tensor t) {
        return new ParsedAnswer.TensorAnswer(Arrays.stream(t.shape()).boxed().toList(), Arrays.stream(t.data()).boxed().toList());
    }
}
