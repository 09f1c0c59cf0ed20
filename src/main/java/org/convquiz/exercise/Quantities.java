package org.convquiz.exercise;

import java.math.BigDecimal;
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
import org.convquiz.exercise.answer.ParsedAnswer;

/** Computes a part's reference answer with the engine; nothing else in ConvQuiz computes an answer. */
public final class Quantities {
    private Quantities() {
    }

    public static Reference compute(Model model, PartSpec part, Quantity quantity) {
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
                yield new Reference(tensor(grad.value()), grad.steps());
            }
            case GRAD_SUM -> {
                Result<Tensor> grad = gradInput(model);
                double sum = Arrays.stream(grad.value().data()).sum();
                List<Step> steps = new ArrayList<>(grad.steps());
                steps.add(new Step("Add up the input gradients", "把输入的梯度相加", "Σ ∂L/∂X", "Σ ∂L/∂X",
                        ParsedAnswer.TensorAnswer.formatValue(sum)));
                yield new Reference(number(sum), steps);
            }
            case RECEPTIVE_FIELD -> {
                int[] in = model.inputShape().length == 2 ? new int[] {1, model.inputShape()[0], model.inputShape()[1]} : model.inputShape();
                Summary summary = Network.summarize(in, engineLayers(model));
                var last = summary.layers().get(summary.layers().size() - 1);
                yield new Reference(integer(last.rfH().size()), summary.steps());
            }
            case CHOICE -> choice(model, part);
        };
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
        return new ParsedAnswer.NumberAnswer(new BigDecimal(Double.toString(value)), null, value);
    }

    static ParsedAnswer tensor(Tensor t) {
        return new ParsedAnswer.TensorAnswer(Arrays.stream(t.shape()).boxed().toList(), Arrays.stream(t.data()).boxed().toList());
    }
}
