package org.convquiz.exercise;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.convquiz.engine.Backward;
import org.convquiz.engine.Conv2d;
import org.convquiz.engine.Layer;
import org.convquiz.engine.Mistake;
import org.convquiz.engine.Network;
import org.convquiz.engine.Params;
import org.convquiz.engine.Phrase;
import org.convquiz.engine.PoolKind;
import org.convquiz.engine.Result;
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
        List<Step> steps = r.steps().stream().map(st -> new Step(st.what(), st.formula(), Exact.clean(st.substituted()),
                Exact.clean(st.value()))).toList();
        return new Reference(r.value(), steps, r.weights(), r.window());
    }

    private static Reference raw(Model model, PartSpec part, Quantity quantity) {
        if (part.layer() != null && quantity != Quantity.FIXING_PADDING) {
            return perLayer(model, part, quantity);
        }
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
                steps.add(Step.of(Phrase.of("quantities.grad.sum"), "Σ ∂L/∂X", "Σ ∂L/∂X", sum.display()));
                yield new Reference(sum, steps);
            }
            case RECEPTIVE_FIELD, RECEPTIVE_FIELD_ELEMENTS -> receptiveField(model, quantity == Quantity.RECEPTIVE_FIELD_ELEMENTS);
            case CHOICE -> choice(model, part);
            case MACS -> macs(model, null);
            case BROKEN_LAYER -> brokenLayer(model);
            case FIXING_PADDING -> fixingPadding(model, part);
        };
    }

    // ------------------------------------------------------------------ whole networks, layer by layer

    /** The most padding a "fix the broken layer" answer may need. */
    static final int MAX_FIXING_PADDING = 64;

    /**
     * A quantity of layer {@code part.layer()} (from 1): the output shape (or one of its dimensions) and the
     * receptive field after that layer, or that layer's own parameters and multiply-accumulates. The derivation
     * opens with the torchsummary-like table of the layers up to it.
     */
    private static Reference perLayer(Model model, PartSpec part, Quantity quantity) {
        int n = part.layer();
        if (n < 1 || n > model.layers().size()) {
            throw new IllegalArgumentException("layer " + n + " does not exist: the model has " + model.layers().size() + " layers");
        }
        Model upTo = model.withLayers(model.layers().subList(0, n));
        switch (quantity) {
            case OUTPUT_SHAPE, OUTPUT_HEIGHT, OUTPUT_WIDTH, OUTPUT_CHANNELS -> {
                Reference whole = raw(upTo, withoutLayer(part), quantity);
                List<Step> steps = new ArrayList<>(table(upTo, n - 1));
                int[] before = outputShape(upTo.withLayers(upTo.layers().subList(0, n - 1))).value();
                steps.addAll(Network.shape(before, upTo.layers().get(n - 1), null).steps());
                return new Reference(whole.value(), steps);
            }
            case RECEPTIVE_FIELD, RECEPTIVE_FIELD_ELEMENTS -> {
                Reference rf = receptiveField(upTo, quantity == Quantity.RECEPTIVE_FIELD_ELEMENTS);
                List<Step> steps = new ArrayList<>(table(upTo, n));
                steps.addAll(rf.steps());
                return new Reference(rf.value(), steps, rf.weights(), rf.window());
            }
            case PARAMS -> {
                Result<Long> p = Network.params(model.layers().get(n - 1), null, model.inputShape());
                List<Step> steps = new ArrayList<>(table(upTo, n - 1));
                steps.addAll(p.steps());
                if (p.steps().isEmpty()) {
                    steps.add(Step.of(Phrase.of("quantities.no-params"), "params = 0", "params = 0", "0"));
                }
                return new Reference(integer(p.value()), steps);
            }
            case MACS -> {
                return macs(model, n);
            }
            default -> throw new IllegalArgumentException(quantity.fileName() + " cannot be asked per layer (layer: " + n + ")");
        }
    }

    static PartSpec withoutLayer(PartSpec p) {
        return new PartSpec(p.id(), p.kind(), p.quantity(), p.points(), p.label(), p.tolerance(), p.select(), p.element(), p.options(), null);
    }

    /** Multiply-accumulates of layer {@code n} (from 1), or of the whole model when n is null. */
    static Reference macs(Model model, Integer n) {
        Summary s = Network.summarize(engineInput(model), model.layers());
        List<Step> steps = new ArrayList<>(table(model, n == null ? model.layers().size() : n));
        if (n != null) {
            var row = s.layers().get(n - 1);
            steps.addAll(row.steps().stream().filter(st -> st.formula().startsWith("MACs")).toList());
            return new Reference(integer(row.macs()), steps);
        }
        StringBuilder sum = new StringBuilder();
        for (var row : s.layers()) {
            sum.append(sum.length() > 0 ? " + " : "").append(row.macs());
        }
        steps.add(Step.of(Phrase.of("quantities.total.macs"), "total = Σ MACs", "total = " + sum, String.valueOf(s.totalMacs())));
        return new Reference(integer(s.totalMacs()), steps);
    }

    /** The position (from 1) of the first layer whose input does not fit it. */
    static Reference brokenLayer(Model model) {
        Network.Break b = Network.firstBreak(engineInput(model), model.layers())
                .orElseThrow(() -> new IllegalArgumentException("broken_layer: every layer of this model fits its input"));
        List<Step> steps = new ArrayList<>(table(model.withLayers(model.layers().subList(0, b.layer() - 1)), b.layer() - 1));
        steps.add(Step.of(Phrase.of("quantities.broken", b.layer(), b.name(), joinShape(b.inputShape()), reason(b, model.layers())),
                "", "", String.valueOf(b.layer())));
        return new Reference(integer(b.layer()), steps);
    }

    /** The smallest padding (per side) of conv layer {@code part.layer()} that makes every layer fit. */
    static Reference fixingPadding(Model model, PartSpec part) {
        if (part.layer() == null) {
            throw new IllegalArgumentException("fixing_padding needs layer: the position of the conv2d to fix");
        }
        int n = part.layer();
        List<Layer> layers = model.layers();
        int[] input = engineInput(model);
        int p = Network.paddingThatFits(input, layers, n, MAX_FIXING_PADDING).orElseThrow(() ->
                new IllegalArgumentException("fixing_padding: no padding up to " + MAX_FIXING_PADDING + " on layer " + n + " makes the model fit"));
        List<Step> steps = new ArrayList<>();
        Network.firstBreak(input, layers).ifPresent(b -> {
            Phrase why = reason(b, layers);
            steps.add(Step.of(Phrase.of("quantities.fix.breaks", b.layer(), b.name(), joinShape(b.inputShape()), why),
                    "", "", joinShape(b.inputShape())));
        });
        Layer.Conv conv = (Layer.Conv) layers.get(n - 1);
        List<Layer> fixed = new ArrayList<>(layers);
        fixed.set(n - 1, conv.with(conv.conv().withPadding(p)));
        Summary s = Network.summarize(input, fixed);
        steps.add(Step.of(Phrase.of("quantities.fix.try", n, p), "", "", String.valueOf(p)));
        steps.addAll(s.layers().get(n - 1).steps().stream().filter(st -> st.formula().startsWith("H_{out}")).toList());
        steps.addAll(tableRows(s, s.layers().size()));
        return new Reference(integer(p), steps);
    }

    /** Why a layer breaks: the engine's English message; in Chinese, what the layer needs of its input. */
    private static Phrase reason(Network.Break b, List<Layer> layers) {
        Layer layer = layers.get(b.layer() - 1);
        Phrase needs;
        if (layer instanceof Layer.Linear l) {
            needs = Phrase.of("quantities.needs.linear", l.in());
        } else if (layer instanceof Layer.Conv c) {
            needs = Phrase.of("quantities.needs.conv", c.conv().inChannels());
        } else if (layer instanceof Layer.ConvTranspose c) {
            needs = Phrase.of("quantities.needs.transpose", c.conv().inChannels());
        } else if (layer instanceof Layer.Pool) {
            needs = Phrase.of("quantities.needs.pool");
        } else if (layer instanceof Layer.Residual) {
            needs = Phrase.of("quantities.needs.residual");
        } else {
            needs = Phrase.of("quantities.needs.shapes");
        }
        // English says the engine's own message (PyTorch's words); Chinese says what the layer needs
        return Phrase.of("quantities.refused", b.message(), needs);
    }

    /** The torchsummary-like table of the first {@code upTo} layers: a header step and one step per layer. */
    static List<Step> table(Model model, int upTo) {
        if (upTo <= 0) {
            return List.of();
        }
        Summary s = Network.summarize(engineInput(model), model.layers().subList(0, upTo));
        return tableRows(s, upTo);
    }

    private static List<Step> tableRows(Summary s, int upTo) {
        List<Step> steps = new ArrayList<>();
        // Tab-separated cells: pages draw these steps as one table (caption, column names, then a row per layer).
        steps.add(Step.of(Phrase.of("quantities.table"), "", "", ""));
        for (int i = 0; i < upTo; i++) {
            var row = s.layers().get(i);
            String cells = "\t" + row.name() + "\t" + joinShape(row.outputShape()) + "\t" + String.format(java.util.Locale.ROOT, "%,d", row.params())
                    + "\t" + String.format(java.util.Locale.ROOT, "%,d", row.macs()) + "\t" + row.rfH().size() + "×" + row.rfW().size();
            steps.add(Step.of(Phrase.of("quantities.table.row", cells), "", "", ""));
        }
        return steps;
    }

    /** The model's input as the engine's network summary takes it (an H×W input is one channel). */
    static int[] engineInput(Model model) {
        return model.inputShape().length == 2 ? new int[] {1, model.inputShape()[0], model.inputShape()[1]} : model.inputShape();
    }

    /**
     * How many input rows (and columns) one output element of the last layer depends on. With kernels at least
     * as large as the strides before them that is the engine's receptive-field span; a kernel smaller than the
     * stride before it leaves rows in the span that no window touches, and those are not counted. Padded
     * positions count: a receptive field may be larger than the input (tutorial, section 3).
     */
    static Reference receptiveField(Model model, boolean elements) {
        int[] in = model.inputShape().length == 2 ? new int[] {1, model.inputShape()[0], model.inputShape()[1]} : model.inputShape();
        Summary summary = Network.summarize(in, model.layers());
        var last = summary.layers().get(summary.layers().size() - 1);
        boolean sliding = model.layers().stream().noneMatch(l -> l instanceof Layer.Residual || l instanceof Layer.ConvTranspose);
        int[] seen = sliding ? new int[] {rowsSeen(model, 0), rowsSeen(model, 1)} : new int[] {last.rfH().size(), last.rfW().size()};
        List<Step> steps = new ArrayList<>(summary.steps());
        if (seen[0] != last.rfH().size() || seen[1] != last.rfW().size()) {
            steps.add(Step.of(Phrase.of("quantities.rf.skipped"), "rows seen ≤ span", seen[0] + " ≤ " + last.rfH().size(), String.valueOf(seen[0])));
        }
        if (elements) {
            steps.add(Step.of(Phrase.of("quantities.rf.elements"), "h × w", seen[0] + " × " + seen[1], String.valueOf(seen[0] * seen[1])));
            return new Reference(integer((long) seen[0] * seen[1]), steps, null, seen);
        }
        return new Reference(integer(seen[0]), steps, null, seen);
    }

    /** The distinct input positions along one axis (0 = height) that output position 0 of the last layer reads. */
    static int rowsSeen(Model model, int axis) {
        java.util.SortedSet<Integer> rows = new TreeSet<>(List.of(0));
        List<Layer> layers = model.layers();
        for (int l = layers.size() - 1; l >= 0; l--) {
            int[] w = Network.window(layers.get(l));
            if (w == null) {
                continue;
            }
            int[] g = java.util.Arrays.copyOfRange(w, 4 * axis, 4 * axis + 4);
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

    /**
     * For a pooling gradient: into how many output gradients each input cell adds (0 for the cells that get
     * none). Found by sending a gradient of 1 from every output position that has a non-zero gradient.
     */
    private static List<Double> contributions(Model model) {
        if (model.layers().size() != 1 || !(model.layers().get(0) instanceof Layer.Pool p)) {
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
        return Network.outputShape(model.inputShape(), model.layers());
    }

    static Result<Tensor> forward(Model model) {
        if (model.input() == null) {
            throw new IllegalArgumentException("the model has no input values (model.input)");
        }
        return Network.forward(model.input(), model.layers());
    }

    /** Gradient with respect to the input of a one-layer model (pooling, cross-correlation or conv2d). */
    static Result<Tensor> gradInput(Model model) {
        if (model.layers().size() != 1 || model.gradOutput() == null || model.input() == null) {
            throw new IllegalArgumentException("grad_input needs input, grad_output and exactly one layer");
        }
        Tensor x = model.input();
        Tensor g = model.gradOutput();
        Layer layer = model.layers().get(0);
        if (layer instanceof Layer.Pool p) {
            return p.pool().kind() == PoolKind.MAX ? Backward.maxPool2d(x, g, p.pool()) : Backward.avgPool2d(x, g, p.pool());
        } else if (layer instanceof Layer.Conv c) {
            var grads = Backward.conv2d(x, required(c.weight(), "conv2d weight"), g, c.conv());
            return new Result<>(grads.gradInput(), grads.steps());
        } else if (layer instanceof Layer.Correlate c && !c.flipped()) {
            Tensor kernel = c.kernel();
            Conv2d conv = c.asConv();
            Tensor weight = kernel.reshape(1, 1, kernel.dim(0), kernel.dim(1));
            var grads = Backward.conv2d(x.reshape(1, x.dim(0), x.dim(1)), weight, g.reshape(1, g.dim(0), g.dim(1)), conv);
            return new Result<>(grads.gradInput().reshape(x.shape()), grads.steps());
        }
        throw new IllegalArgumentException("grad_input is defined for one pooling, cross-correlation or conv2d layer");
    }

    static Reference params(Model model) {
        return params(model, null);
    }

    /** The model's learnable parameters, as a student making {@code mistake} counts them (null = right). */
    static Reference params(Model model, Mistake mistake) {
        long total = 0;
        List<Step> steps = new ArrayList<>();
        for (Layer layer : model.layers()) {
            if (layer instanceof Layer.Correlate) {
                continue; // the tutorial's kernel is given, not learned here
            }
            Result<Long> count = Network.params(layer, mistake, model.inputShape());
            total += count.value();
            steps.addAll(count.steps());
        }
        return new Reference(integer(total), steps);
    }

    static Reference parameterShape(Model model, boolean weight) {
        for (Layer layer : model.layers()) {
            if (layer instanceof Layer.Conv c) {
                int[] shape = weight ? c.conv().weightShape() : new int[] {c.conv().outChannels()};
                return new Reference(shape(shape), List.of(weight
                        ? Step.of(Phrase.of("quantities.weight.conv", c.conv().groups() == 1 ? "in_channels" : "in_channels/groups"),
                                c.conv().groups() == 1 ? "c_o × c_i × k_h × k_w" : "c_o × (c_i/g) × k_h × k_w",
                                String.join(" × ", Arrays.stream(shape).mapToObj(String::valueOf).toList()), joinShape(shape))
                        : Step.of(Phrase.of("quantities.bias.conv"), "c_o", String.valueOf(shape[0]), joinShape(shape))));
            }
            if (layer instanceof Layer.Linear l) {
                int[] shape = weight ? new int[] {l.out(), l.in()} : new int[] {l.out()};
                return new Reference(shape(shape), List.of(Step.of(Phrase.of(weight ? "quantities.weight.linear" : "quantities.bias.linear"),
                        weight ? "out × in" : "out", joinShape(shape), joinShape(shape))));
            }
        }
        throw new IllegalArgumentException("the model has no conv2d or linear layer");
    }

    static Reference fcParams(Model model) {
        int[] in = chw(model.inputShape());
        int[] out = chw(outputShape(model).value());
        boolean bias = model.layers().stream().anyMatch(l -> l instanceof Layer.Conv c && c.conv().bias()
                || l instanceof Layer.Linear lin && lin.bias());
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
