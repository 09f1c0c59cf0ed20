package org.convquiz.exercise;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.convquiz.engine.Conv2d;
import org.convquiz.engine.Layer;
import org.convquiz.engine.Mistake;
import org.convquiz.engine.Network;
import org.convquiz.engine.Padding;
import org.convquiz.engine.Pool2d;
import org.convquiz.engine.PoolKind;
import org.convquiz.engine.Tensor;
import org.convquiz.exercise.ExerciseSpec.PartSpec;
import org.convquiz.exercise.answer.Exact;
import org.convquiz.exercise.answer.ParsedAnswer;

/**
 * The catalogue of named mistakes. Each computes what a student who makes it would answer: most by the engine's own
 * formulas with the {@link Mistake} of the same name switched on (one term changed, or the layer read wrongly), so the
 * right and the wrong answer come from one formula; when a wrong answer equals that (and not the right answer), the
 * feedback names the mistake. Titles and advice are in the phrase files under {@code misconception.<id>}.
 */
public enum Misconception {
    FORGOT_PLUS_ONE(true, Misconception::shapes),
    /** Sizes with p instead of 2p (conv and pooling); values with the zeros only at the top/left or only at the bottom/right. */
    PADDING_ONE_SIDE(false, (m, part, q, mistake) -> {
        if (q == Quantity.OUTPUT || q == Quantity.OUTPUT_ELEMENT) {
            List<ParsedAnswer> out = new ArrayList<>();
            for (int side = 0; side < 2; side++) {
                misread(m, part, q, mistake, side).ifPresent(out::add);
            }
            return out;
        }
        return m.layers().stream().anyMatch(mistake::countsOnce) ? shapes(m, part, q, mistake) : List.of();
    }),
    TOTAL_PADDING_DOUBLED(false, misread()),
    NO_FLOOR(true, Misconception::shapes),
    STRIDE_IGNORED(true, misread()),
    BIAS_FORGOTTEN(false, misread(Quantity.PARAMS, Quantity.FC_PARAMS)),
    BIAS_PER_INPUT_CHANNEL(false, (m, part, q, mistake) -> {
        if (q == Quantity.BIAS_SHAPE) {
            return convs(m).findFirst().filter(c -> c.inChannels() != c.outChannels())
                    .map(c -> List.of(Quantities.shape(new int[] {c.inChannels()}))).orElse(List.of());
        }
        boolean differs = convs(m).anyMatch(c -> c.bias() && c.inChannels() != c.outChannels());
        return q == Quantity.PARAMS && differs ? List.of(Quantities.params(m, mistake).value()) : List.of();
    }),
    PARAMS_TIMES_HW(false, (m, part, q, mistake) -> {
        int[] in = m.inputShape();
        boolean applies = q == Quantity.PARAMS && in.length >= 3 && (long) in[in.length - 2] * in[in.length - 1] > 1
                && convs(m).findAny().isPresent();
        // the student's rule is about kernels: the conv layers' counts, each times the image (as before the engine took it)
        return applies ? List.of(Quantities.integer(convs(m).mapToLong(c -> Network.params(new Layer.Conv(c), mistake, in).value()).sum()))
                : List.of();
    }),
    POOL_CHANGES_CHANNELS(false, (m, part, q, mistake) -> m.layers().stream().anyMatch(l -> l instanceof Layer.Pool)
            && m.inputShape().length >= 3 ? changedShape(m, q, mistake) : List.of()),
    KERNEL_FLIPPED(false, misread(Quantity.OUTPUT, Quantity.OUTPUT_ELEMENT)),
    MEAN_GRAD_COPIED(false, misread(Quantity.GRAD_INPUT, Quantity.GRAD_SUM)),
    MAX_GRAD_SPREAD(false, misread(Quantity.GRAD_INPUT, Quantity.GRAD_SUM)),
    MAX_GRAD_SPLIT(false, misread(Quantity.GRAD_INPUT, Quantity.GRAD_SUM)),
    MAX_GRAD_OVERWRITTEN(false, (m, part, q, mistake) -> maxRouting(m, q, false, true)),
    TIES_LAST_MAX(false, (m, part, q, mistake) -> maxRouting(m, q, true, false)),
    RECEPTIVE_FIELDS_ADDED(false, (m, part, q, mistake) -> {
        if (q != Quantity.RECEPTIVE_FIELD && q != Quantity.RECEPTIVE_FIELD_ELEMENTS) {
            return List.of();
        }
        var rows = Network.summarize(Quantities.engineInput(m), m.layers(), mistake).layers();
        long sum = rows.isEmpty() ? 0 : rows.get(rows.size() - 1).rfH().size();
        return List.of(Quantities.integer(q == Quantity.RECEPTIVE_FIELD ? sum : sum * sum));
    }),
    CHANNELS_SWAPPED(false, (m, part, q, mistake) -> {
        Optional<Conv2d> first = convs(m).findFirst();
        if (first.isEmpty() || first.get().inChannels() == first.get().outChannels()) {
            return List.of();
        }
        Conv2d c = first.get();
        return switch (q) {
            case WEIGHT_SHAPE -> List.of(Quantities.shape(new int[] {c.inChannels(), c.outChannels() / c.groups(), c.kernel().h(), c.kernel().w()}));
            case OUTPUT_SHAPE, OUTPUT_CHANNELS -> m.layers().size() == 1 ? changedShape(m, q, mistake) : List.of();
            default -> List.of();
        };
    }),
    CEIL_MODE_IGNORED(false, misread(Quantity.OUTPUT_SHAPE, Quantity.OUTPUT_HEIGHT, Quantity.OUTPUT_WIDTH)),
    CHANNELS_NOT_SUMMED(false, (m, part, q, mistake) -> {
        if ((q != Quantity.OUTPUT && q != Quantity.OUTPUT_ELEMENT) || m.input() == null || m.layers().size() != 1
                || !(m.layers().get(0) instanceof Layer.Conv c) || c.weight() == null
                || c.conv().inChannels() < 2 || c.conv().groups() != 1) {
            return List.of();
        }
        Tensor input = firstChannel(m.input(), m.input().rank() - 3);
        Tensor weight = firstChannel(c.weight(), 1);
        Layer oneChannel = new Layer.Conv(Conv2d.of(1, c.conv().outChannels(), c.conv().kernel())
                .withStride(c.conv().stride()).withPadding(c.conv().padding()).withDilation(c.conv().dilation())
                .withBias(c.conv().bias()).withPaddingMode(c.conv().paddingMode()), weight, c.bias());
        return List.of(Quantities.compute(new Model(input.shape(), input, null, List.of(oneChannel), m.params()), part, q).value());
    }),
    FC_WITHOUT_OUTPUT_SIZE(false, (m, part, q, mistake) -> {
        if (q != Quantity.FC_PARAMS) {
            return List.of();
        }
        int[] in = m.inputShape();
        int[] out = Quantities.outputShape(m).value();
        long inputs = (long) in[in.length - 3] * in[in.length - 2] * in[in.length - 1];
        long c2 = out[out.length - 3];
        return List.of(new ParsedAnswer.IntegerAnswer(BigInteger.valueOf(inputs * c2)));
    }),
    /** A choice option taken for true (or false); the grader names the option and gives its explanation. */
    WRONG_OPTION(false, (m, part, q, mistake) -> List.of());

    /** What a student making a mistake answers for a part (empty when the mistake does not apply to it). */
    @FunctionalInterface
    interface Rule {
        List<ParsedAnswer> wrongs(Model m, PartSpec part, Quantity q, Mistake mistake);
    }

    /** Whether the phrase files hold advice in the tutorial's convention (total padding p_h) for this mistake. */
    private final boolean tutorialAdvice;
    private final Rule rule;

    Misconception(boolean tutorialAdvice, Rule rule) {
        this.tutorialAdvice = tutorialAdvice;
        this.rule = rule;
    }

    public Text title() {
        return Text.phrase(key("title"));
    }

    public Text advice() {
        return Text.phrase(key("advice"));
    }

    /** This mistake's key in the phrase files: {@code misconception.<id>.title}, {@code .advice}, {@code .tutorial}. */
    private String key(String what) {
        return "misconception." + id() + "." + what;
    }

    /** The id used in files and stored with submissions: {@code forgot_plus_one}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Misconception> parse(String id) {
        return Arrays.stream(values()).filter(m -> m.id().equals(id)).findFirst();
    }

    /** The engine's mistake of the same name, which the formulas switch on (null for mistakes in routing values). */
    Mistake mistake() {
        return Arrays.stream(Mistake.values()).filter(m -> m.name().equals(name())).findFirst().orElse(null);
    }

    /** The title for this exercise. */
    public Text title(Model model, PartSpec part) {
        return title();
    }

    /** The advice in the exercise's own convention: the tutorial's p_h formulas where its layers use total padding. */
    public Text advice(Model model, PartSpec part) {
        boolean tutorial = model.layers().stream().anyMatch(l -> l instanceof Layer.Conv c
                && c.conv().padding() instanceof Padding.Explicit e && e.convention() == Padding.Convention.TOTAL);
        return tutorial && tutorialAdvice ? Text.phrase(key("tutorial")) : advice();
    }

    /** The wrong answer, or empty when the mistake does not apply or gives an impossible model. */
    public Optional<ParsedAnswer> wrongAnswer(Model model, PartSpec part, Quantity quantity) {
        List<ParsedAnswer> all = wrongAnswers(model, part, quantity);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /** Every wrong answer this mistake gives for the part (empty when it does not apply or gives an impossible model). */
    public List<ParsedAnswer> wrongAnswers(Model model, PartSpec part, Quantity quantity) {
        if (quantity == Quantity.CHOICE) {
            return List.of(); // a choice's wrong options are explained by the options themselves
        }
        if (quantity == Quantity.MACS || quantity == Quantity.BROKEN_LAYER || quantity == Quantity.FIXING_PADDING) {
            return List.of(); // no catalogued mistake for these yet
        }
        if (part.layer() != null) {
            // a question about layer n: the same mistakes, made on the network up to that layer (or on that layer alone for its parameters)
            int n = part.layer();
            if (n < 1 || n > model.layers().size()) {
                return List.of();
            }
            try {
                Model upTo = model.withLayers(model.layers().subList(0, n));
                Model asked = quantity == Quantity.PARAMS
                        ? model.withInputShape(Quantities.outputShape(model.withLayers(model.layers().subList(0, n - 1))).value())
                                .withLayers(List.of(model.layers().get(n - 1)))
                        : upTo;
                return wrongAnswers(asked, Quantities.withoutLayer(part), quantity);
            } catch (IllegalArgumentException | ArithmeticException e) {
                return List.of();
            }
        }
        try {
            return rule.wrongs(model, part, quantity, mistake());
        } catch (IllegalArgumentException | ArithmeticException e) { // EngineException is an IllegalArgumentException
            return List.of();
        }
    }

    // ---- the mistakes switched on in the engine -------------------------------------------------

    /** The model's conv layers' hyper-parameters, in order. */
    private static java.util.stream.Stream<Conv2d> convs(Model m) {
        return m.layers().stream().filter(Layer.Conv.class::isInstance).map(l -> ((Layer.Conv) l).conv());
    }

    /** Output shape (or one of its dimensions) by the engine's shape walk with the mistake in its formulas. */
    private static List<ParsedAnswer> shapes(Model m, PartSpec part, Quantity q, Mistake mistake) {
        if (q != Quantity.OUTPUT_SHAPE && q != Quantity.OUTPUT_HEIGHT && q != Quantity.OUTPUT_WIDTH) {
            return List.of();
        }
        int[] shape = Network.outputShape(m.inputShape(), m.layers(), mistake).value();
        int n = shape.length;
        return List.of(switch (q) {
            case OUTPUT_HEIGHT -> Quantities.integer(shape[n - 2]);
            case OUTPUT_WIDTH -> Quantities.integer(shape[n - 1]);
            default -> Quantities.shape(shape);
        });
    }

    /** The output shape or channel count with a channel mistake, when it differs from the right one. */
    private static List<ParsedAnswer> changedShape(Model m, Quantity q, Mistake mistake) {
        if (q != Quantity.OUTPUT_SHAPE && q != Quantity.OUTPUT_CHANNELS) {
            return List.of();
        }
        int[] right = Network.outputShape(m.inputShape(), m.layers()).value();
        int[] shape = Network.outputShape(m.inputShape(), m.layers(), mistake).value();
        if (Arrays.equals(right, shape)) {
            return List.of();
        }
        return List.of(q == Quantity.OUTPUT_SHAPE ? Quantities.shape(shape) : Quantities.integer(shape[shape.length - 3]));
    }

    /** The rule "read the layers as the mistake does and compute again", for these quantities (none named: all). */
    private static Rule misread(Quantity... quantities) {
        return (m, part, q, mistake) -> quantities.length == 0 || Arrays.asList(quantities).contains(q)
                ? misread(m, part, q, mistake, 0).stream().toList() : List.of();
    }

    /** Reads the layers as the mistake does (reading {@code which} where there are two) and asks the engine again. */
    private static Optional<ParsedAnswer> misread(Model m, PartSpec part, Quantity q, Mistake mistake, int which) {
        List<Layer> layers = new ArrayList<>();
        boolean changed = false;
        for (Layer layer : m.layers()) {
            List<Layer> readings = mistake.misreadings(layer);
            changed |= !readings.isEmpty();
            layers.add(readings.isEmpty() ? layer : readings.get(Math.min(which, readings.size() - 1)));
        }
        return changed ? Optional.of(Quantities.compute(m.withLayers(layers), part, q).value()) : Optional.empty();
    }

    // ---- mistakes in how values are routed, not in a formula's term -----------------------------

    /**
     * The max-pool input gradient routed by a wrong rule: to the last of tied maxima, and/or overwriting what an
     * earlier window sent to the same input. Empty when the rule gives the right answer anyway.
     */
    private static List<ParsedAnswer> maxRouting(Model m, Quantity q, boolean lastOfTies, boolean overwrite) {
        if ((q != Quantity.GRAD_INPUT && q != Quantity.GRAD_SUM) || m.layers().size() != 1 || !(m.layers().get(0) instanceof Layer.Pool p)
                || p.pool().kind() != PoolKind.MAX || m.input() == null || m.gradOutput() == null) {
            return List.of();
        }
        Pool2d pool = p.pool();
        Tensor x = m.input();
        int[] xs = x.shape();
        int h = xs[xs.length - 2];
        int w = xs[xs.length - 1];
        int[] gs = m.gradOutput().shape();
        int oh = gs[gs.length - 2];
        int ow = gs[gs.length - 1];
        double[] xd = x.data();
        double[] g = m.gradOutput().data();
        double[] out = new double[xd.length];
        int planes = xd.length / (h * w);
        for (int pl = 0; pl < planes; pl++) {
            for (int r = 0; r < oh; r++) {
                for (int c = 0; c < ow; c++) {
                    int best = -1;
                    for (int i = 0; i < pool.kernel().h(); i++) {
                        for (int j = 0; j < pool.kernel().w(); j++) {
                            int y = r * pool.stride().h() - pool.padding().h() + i * pool.dilation().h();
                            int z = c * pool.stride().w() - pool.padding().w() + j * pool.dilation().w();
                            if (y < 0 || y >= h || z < 0 || z >= w) {
                                continue;
                            }
                            int at = pl * h * w + y * w + z;
                            if (best < 0 || xd[at] > xd[best] || (lastOfTies && xd[at] == xd[best])) {
                                best = at;
                            }
                        }
                    }
                    double grad = g[pl * oh * ow + r * ow + c];
                    if (best >= 0) {
                        out[best] = overwrite ? grad : out[best] + grad;
                    }
                }
            }
        }
        return List.of(q == Quantity.GRAD_SUM ? Exact.sum(out) : Quantities.tensor(Tensor.of(xs, out)));
    }

    /** The tensor with only index 0 along one axis (the first channel), keeping that axis with size 1. */
    private static Tensor firstChannel(Tensor t, int axis) {
        int[] shape = t.shape();
        int outer = 1;
        for (int i = 0; i < axis; i++) {
            outer *= shape[i];
        }
        int inner = 1;
        for (int i = axis + 1; i < shape.length; i++) {
            inner *= shape[i];
        }
        double[] d = t.data();
        double[] out = new double[outer * inner];
        for (int o = 0; o < outer; o++) {
            System.arraycopy(d, o * shape[axis] * inner, out, o * inner, inner);
        }
        int[] newShape = shape.clone();
        newShape[axis] = 1;
        return Tensor.of(newShape, out);
    }
}
