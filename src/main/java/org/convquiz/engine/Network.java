package org.convquiz.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * torchsummary-like walk over a sequential network: output shape, parameter count, multiply-accumulate
 * count ({@link Macs}) and receptive field per layer. Receptive fields use the standard recurrence (see
 * {@link ReceptiveField#next}); flatten and linear layers see the whole remaining feature map (kernel = its
 * size); a transposed conv with kernel k and stride s is approximated by r_out = r_in + (⌈k_eff/s⌉ − 1)·j_in,
 * j_out = max(1, j_in/s); a residual block sees what the wider of its two paths sees (its main path).
 *
 * <p>It is the one place that walks layers: exercises take one layer's shape ({@link #shape}) and parameters
 * ({@link #params}) from it and run values through it ({@link #forward}); with a {@link Mistake} switched on the same
 * walk gives a student's wrong answer, so the reference and the misconceptions cannot drift apart.
 */
public final class Network {
    private Network() {
    }

    /**
     * The first layer whose input does not fit it.
     *
     * @param layer      its position, from 1
     * @param name       its PyTorch name (Conv2d, Linear, …)
     * @param inputShape the shape that reaches it (the previous layer's output)
     * @param message    what does not fit, naming the shapes
     */
    public record Break(int layer, String name, int[] inputShape, String message) {
        public Break {
            inputShape = inputShape.clone();
        }

        @Override
        public int[] inputShape() {
            return inputShape.clone();
        }
    }

    public static Summary summarize(int[] inputShape, List<Layer> layers) {
        return summarize(inputShape, layers, null);
    }

    /**
     * The table as a student making {@code mistake} would fill it (null = the right table): the same walk and
     * formulas with the one term the mistake names changed.
     */
    public static Summary summarize(int[] inputShape, List<Layer> layers, Mistake mistake) {
        requireInput(inputShape, layers);
        // a student adding receptive fields counts only the layers' windows, not the pixel itself
        ReceptiveField start = mistake == Mistake.RECEPTIVE_FIELDS_ADDED ? new ReceptiveField(0, 1, 0.5) : ReceptiveField.input();
        List<LayerSummary> rows = walk(inputShape, start, start, layers, mistake, inputShape);
        long total = 0;
        long macs = 0;
        StringBuilder sum = new StringBuilder();
        for (LayerSummary row : rows) {
            total += row.params();
            macs = Macs.add(macs, row.macs());
            sum.append(sum.length() > 0 ? " + " : "").append(row.params());
        }
        ReceptiveField rh = rows.isEmpty() ? start : rows.get(rows.size() - 1).rfH();
        ReceptiveField rw = rows.isEmpty() ? start : rows.get(rows.size() - 1).rfW();
        List<Step> steps = new ArrayList<>();
        steps.add(Step.of(Phrase.of("network.total.params"), "total = Σ params", sum.length() == 0 ? "0" : sum.toString(), Fmt.num(total)));
        steps.add(Step.of(Phrase.of("network.total.macs"), "total = Σ MACs", "", Fmt.grouped(macs)));
        steps.add(Step.of(Phrase.of("network.rf.last"), "r_{out} = r_{in} + (k_{eff} − 1)×j_{in}", "", Fmt.pair(rh.size(), rw.size())));
        return new Summary(rows, total, macs, steps);
    }

    /** The shape after every layer, with the shape steps only (no parameters, MACs or receptive fields). */
    public static Result<int[]> outputShape(int[] inputShape, List<Layer> layers) {
        return outputShape(inputShape, layers, null);
    }

    /** The shape after every layer as a student making {@code mistake} computes it (null = the right shape). */
    public static Result<int[]> outputShape(int[] inputShape, List<Layer> layers, Mistake mistake) {
        requireInput(inputShape, layers);
        int[] shape = inputShape.clone();
        List<Step> steps = new ArrayList<>();
        for (Layer layer : layers) {
            Result<int[]> next = shape(shape, layer, mistake);
            steps.addAll(next.steps());
            shape = next.value();
        }
        return new Result<>(shape, steps);
    }

    /**
     * One layer's output shape with its derivation (ReLU and batch norm: unchanged, no steps). An H×W input is taken
     * by the tutorial's cross-correlation and by pooling. With a mistake in the window formula, sliding windows are
     * counted by the mistaken formula without PyTorch's checks (a wrong count below 1 is an impossible answer).
     */
    public static Result<int[]> shape(int[] in, Layer layer, Mistake mistake) {
        if (layer == null) {
            throw EngineException.invalid("a layer is null");
        }
        if (mistake != null && mistake.inWindowFormula() && window(layer) != null
                && (mistake != Mistake.PADDING_ONE_SIDE || Mistake.perSidePadding(layer) > 0)) {
            return new Result<>(wrongWindows(in, layer, mistake), List.of());
        }
        if (layer instanceof Layer.Correlate c) {
            boolean hw = in.length == 2;
            Result<int[]> chw = Shapes.conv2d(hw ? new int[] {1, in[0], in[1]} : in, c.asConv());
            int[] out = chw.value();
            return hw ? new Result<>(new int[] {out[1], out[2]}, chw.steps()) : chw;
        } else if (layer instanceof Layer.Conv l) {
            // a student who lost count of the channels still gives a conv its out_channels: its input's count is not checked
            boolean miscounted = (mistake == Mistake.POOL_CHANGES_CHANNELS || mistake == Mistake.CHANNELS_SWAPPED) && in.length >= 3;
            Result<int[]> r = Shapes.conv2d(miscounted ? channels(in, l.conv().inChannels()) : in, l.conv());
            return mistake == Mistake.CHANNELS_SWAPPED ? new Result<>(channels(r.value(), l.conv().inChannels()), List.of()) : r;
        } else if (layer instanceof Layer.ConvTranspose l) {
            return Shapes.convTranspose2d(in, l.conv());
        } else if (layer instanceof Layer.Pool l) {
            Result<int[]> r = Shapes.pool2d(in, l.pool());
            return mistake == Mistake.POOL_CHANGES_CHANNELS && in.length >= 3 ? new Result<>(channels(r.value(), 1), List.of()) : r;
        } else if (layer instanceof Layer.Linear l) {
            return Shapes.linear(in, l.in(), l.out());
        } else if (layer instanceof Layer.Flatten) {
            return Shapes.flatten(in);
        } else if (layer instanceof Layer.BatchNorm b) {
            if (in.length < 3 || in[in.length - 3] != b.features()) {
                throw EngineException.invalid("input has " + (in.length < 3 ? "no" : in[in.length - 3])
                        + " channels but batch_norm2d expects num_features=" + b.features() + " (input shape " + Fmt.shape(in) + ")");
            }
            return new Result<>(in.clone(), List.of());
        } else if (layer instanceof Layer.Residual) {
            LayerSummary row = row(1, layer, in, ReceptiveField.input(), ReceptiveField.input(), mistake, in);
            return new Result<>(row.outputShape(), row.steps());
        }
        return new Result<>(in.clone(), List.of()); // ReLU is elementwise
    }

    /** The same shape with another channel count (the third axis from the end). */
    private static int[] channels(int[] shape, int c) {
        int[] out = shape.clone();
        out[out.length - 3] = c;
        return out;
    }

    /**
     * One layer's learnable parameters with their derivation (a residual block's: both paths), as a student making
     * {@code mistake} counts them (null = right). {@code image} is the network's input, whose height × width a
     * student multiplying by the image size uses.
     */
    public static Result<Long> params(Layer layer, Mistake mistake, int[] image) {
        Layer read = layer;
        if (mistake == Mistake.BIAS_FORGOTTEN && !mistake.misreadings(layer).isEmpty()) {
            read = mistake.misreadings(layer).get(0);
        }
        if (read instanceof Layer.Conv c && (mistake == Mistake.BIAS_PER_INPUT_CHANNEL || mistake == Mistake.PARAMS_TIMES_HW)) {
            Conv2d conv = c.conv();
            long weights = Params.conv2d(conv.withBias(false)).value();
            long hw = image.length < 2 ? 1 : (long) image[image.length - 2] * image[image.length - 1];
            long total = mistake == Mistake.PARAMS_TIMES_HW ? Macs.mul(weights, hw) + (conv.bias() ? conv.outChannels() : 0)
                    : weights + (conv.bias() ? conv.inChannels() : 0);
            return new Result<>(total, List.of());
        }
        if (read instanceof Layer.Correlate c) {
            return Params.conv2d(c.asConv());
        } else if (read instanceof Layer.Conv c) {
            return Params.conv2d(c.conv());
        } else if (read instanceof Layer.ConvTranspose c) {
            return Params.convTranspose2d(c.conv());
        } else if (read instanceof Layer.Linear l) {
            return Params.linear(l.in(), l.out(), l.bias());
        } else if (read instanceof Layer.BatchNorm b) {
            long params = 2L * b.features();
            return new Result<>(params, List.of(Step.of(Phrase.of("network.batch-norm"), "params = 2 × c", "params = 2 × " + b.features(),
                    Fmt.num(params))));
        } else if (read instanceof Layer.Residual r) {
            long total = 0;
            List<Step> steps = new ArrayList<>();
            for (Layer inner : r.layers()) {
                Result<Long> p = params(inner, mistake, image);
                total += p.value();
                steps.addAll(p.steps());
            }
            steps.add(Step.of(Phrase.of("network.residual.params"), "params = main + shortcut", "", String.valueOf(total)));
            return new Result<>(total, steps);
        }
        return new Result<>(0L, List.of());
    }

    /**
     * The output values of the layers applied in turn to {@code x}, with the engine's steps. Conv layers need their
     * weight values; linear, transposed-conv and residual layers are not computed on values here.
     */
    public static Result<Tensor> forward(Tensor x, List<Layer> layers) {
        List<Step> steps = new ArrayList<>();
        for (Layer layer : layers) {
            Result<Tensor> next = forward(x, layer);
            steps.addAll(next.steps());
            x = next.value();
        }
        return new Result<>(x, steps);
    }

    private static Result<Tensor> forward(Tensor x, Layer layer) {
        if (layer instanceof Layer.Correlate c) {
            return c.flipped() ? Ops.convolve2d(x, c.kernel()) : Ops.correlate2d(x, c.kernel());
        } else if (layer instanceof Layer.Conv c) {
            if (c.weight() == null) {
                throw EngineException.invalid("conv2d weight needs values (name a tensor)");
            }
            return Ops.conv2d(x, c.weight(), c.bias(), c.conv());
        } else if (layer instanceof Layer.Pool p) {
            PoolResult r = p.pool().kind() == PoolKind.MAX ? Ops.maxPool2d(x, p.pool()) : Ops.avgPool2d(x, p.pool());
            return new Result<>(r.output(), r.steps());
        } else if (layer instanceof Layer.Flatten) {
            return Ops.flatten(x);
        } else if (layer instanceof Layer.ReLU) {
            return relu(x);
        } else if (layer instanceof Layer.Linear) {
            throw EngineException.invalid("linear layers have no weights in exercise files");
        }
        throw EngineException.invalid("output values are not computed through conv_transpose2d, batch_norm2d or residual layers in exercise files");
    }

    /** ReLU: max(0, x) elementwise. */
    public static Result<Tensor> relu(Tensor x) {
        double[] d = x.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = Math.max(0, d[i]);
        }
        return new Result<>(Tensor.of(x.shape(), d), List.of(Step.of(Phrase.of("network.relu.values"), "y = max(0, x)", "y = max(0, x)",
                x.shapeString())));
    }

    /** The first layer that cannot take the shape arriving at it, or empty when the whole network fits. */
    public static Optional<Break> firstBreak(int[] inputShape, List<Layer> layers) {
        requireInput(inputShape, layers);
        int[] shape = inputShape.clone();
        ReceptiveField rh = ReceptiveField.input();
        ReceptiveField rw = ReceptiveField.input();
        int i = 0;
        for (Layer layer : layers) {
            i++;
            LayerSummary row;
            try {
                row = row(i, layer, shape, rh, rw, null, inputShape);
            } catch (EngineException e) {
                if (e.kind() == EngineException.Kind.TOO_LARGE) {
                    throw e;
                }
                return Optional.of(new Break(i, name(layer), shape, e.getMessage()));
            }
            shape = row.outputShape();
            rh = row.rfH();
            rw = row.rfW();
        }
        return Optional.empty();
    }

    /**
     * The smallest symmetric padding p (0 ≤ p ≤ max) that, given to the Conv2d at position {@code layer}
     * (from 1), makes the whole network fit; empty if none does.
     */
    public static OptionalInt paddingThatFits(int[] inputShape, List<Layer> layers, int layer, int max) {
        if (layer < 1 || layer > layers.size() || !(layers.get(layer - 1) instanceof Layer.Conv c)) {
            throw EngineException.invalid("layer " + layer + " is not a Conv2d of this network");
        }
        for (int p = 0; p <= max; p++) {
            List<Layer> fixed = new ArrayList<>(layers);
            fixed.set(layer - 1, new Layer.Conv(c.conv().withPadding(Padding.perSide(p, p))));
            if (firstBreak(inputShape, fixed).isEmpty()) {
                return OptionalInt.of(p);
            }
        }
        return OptionalInt.empty();
    }

    /** PyTorch's class name of a layer, as a summary row names it. */
    public static String name(Layer layer) {
        if (layer instanceof Layer.Conv || layer instanceof Layer.Correlate) {
            return "Conv2d";
        } else if (layer instanceof Layer.ConvTranspose) {
            return "ConvTranspose2d";
        } else if (layer instanceof Layer.Pool p) {
            return p.pool().name();
        } else if (layer instanceof Layer.Linear) {
            return "Linear";
        } else if (layer instanceof Layer.Flatten) {
            return "Flatten";
        } else if (layer instanceof Layer.BatchNorm) {
            return "BatchNorm2d";
        } else if (layer instanceof Layer.Residual r) {
            return r.name();
        }
        return "ReLU";
    }

    private static void requireInput(int[] inputShape, List<Layer> layers) {
        if (inputShape == null || inputShape.length < 1 || inputShape.length > 4 || layers == null) {
            throw EngineException.invalid("summarize needs an input shape of rank 1 to 4 and a list of layers, got "
                    + (inputShape == null ? "null" : Fmt.shape(inputShape)));
        }
    }

    private static List<LayerSummary> walk(int[] input, ReceptiveField rh, ReceptiveField rw, List<Layer> layers, Mistake mistake,
            int[] image) {
        int[] shape = input.clone();
        List<LayerSummary> rows = new ArrayList<>();
        int i = 0;
        for (Layer layer : layers) {
            i++;
            LayerSummary row = row(i, layer, shape, rh, rw, mistake, image);
            rows.add(row);
            shape = row.outputShape();
            rh = row.rfH();
            rw = row.rfW();
        }
        return rows;
    }

    /** One layer applied to {@code shape}; an engine rule it breaks is reported with the layer's position and name. */
    private static LayerSummary row(int i, Layer layer, int[] shape, ReceptiveField rh, ReceptiveField rw, Mistake mistake, int[] image) {
        if (layer == null) {
            throw EngineException.invalid("layer " + i + " is null");
        }
        if (layer instanceof Layer.Residual res) {
            return residual(i, res, shape, rh, rw, mistake, image);
        }
        String name = name(layer);
        List<Step> steps = new ArrayList<>();
        long params = 0;
        long macs = 0;
        ReceptiveField nh = rh;
        ReceptiveField nw = rw;
        int[] out;
        try {
            Result<int[]> r = shape(shape, layer, mistake);
            out = r.value();
            steps.addAll(r.steps());
            Result<Long> p = params(layer, mistake, image);
            params = p.value();
            steps.addAll(layer instanceof Layer.Pool l ? Params.pool2d(l.pool()).steps() : p.steps());
            Result<Long> m = macs(layer, shape, out);
            macs = m.value();
            steps.addAll(m.steps());
            int[] w = window(layer);
            if (w != null) {
                nh = rf(rh, w[0], w[1], w[2], w[3], mistake);
                nw = rf(rw, w[4], w[5], w[6], w[7], mistake);
                steps.add(rfStep(rh, nh, w[0], w[3]));
            } else if (layer instanceof Layer.ConvTranspose l) {
                ConvTranspose2d c = l.conv();
                nh = transposedRf(rh, c.kernel().h(), c.stride().h(), c.dilation().h());
                nw = transposedRf(rw, c.kernel().w(), c.stride().w(), c.dilation().w());
            } else if (layer instanceof Layer.Flatten && shape.length >= 3 && mistake != Mistake.RECEPTIVE_FIELDS_ADDED) {
                // every flattened value feeds every later unit: the whole map is one window
                nh = rh.next(shape[shape.length - 2], 1, 0, 1);
                nw = rw.next(shape[shape.length - 1], 1, 0, 1);
            } else if (layer instanceof Layer.ReLU) {
                steps.add(Step.of(Phrase.of("network.relu"), "y = max(0, x)", "", Fmt.shape(shape)));
            }
        } catch (EngineException e) {
            // name the layer so the student knows where the network breaks
            throw new EngineException(e.kind(), "layer " + i + " (" + name + "): " + e.getMessage());
        }
        return new LayerSummary(name + "-" + i, out, params, macs, nh, nw, steps);
    }

    /** Multiply-accumulates of one layer (pooling: none; ReLU, flatten: no step). */
    private static Result<Long> macs(Layer layer, int[] in, int[] out) {
        if (layer instanceof Layer.Correlate c) {
            return Macs.conv2d(c.asConv(), out.length == 2 ? new int[] {1, out[0], out[1]} : out);
        } else if (layer instanceof Layer.Conv l) {
            return Macs.conv2d(l.conv(), out);
        } else if (layer instanceof Layer.ConvTranspose l) {
            return Macs.convTranspose2d(l.conv(), in);
        } else if (layer instanceof Layer.Linear l) {
            return Macs.linear(in, l.in(), l.out());
        } else if (layer instanceof Layer.Pool) {
            return Macs.none(Phrase.of("macs.layer.pool"));
        } else if (layer instanceof Layer.BatchNorm) {
            return Macs.none(Phrase.of("macs.layer.batch-norm"));
        }
        return new Result<>(0L, List.of());
    }

    /** Receptive field after a window; a student adding receptive fields adds the kernel itself. */
    private static ReceptiveField rf(ReceptiveField in, int k, int s, int p, int d, Mistake mistake) {
        return mistake == Mistake.RECEPTIVE_FIELDS_ADDED ? new ReceptiveField(in.size() + k, in.jump(), in.start()) : in.next(k, s, p, d);
    }

    /**
     * A sliding-window layer's kernel, stride, padding before and dilation along height then width; null for other
     * layers.
     */
    public static int[] window(Layer layer) {
        if (layer instanceof Layer.Correlate c) {
            return new int[] {c.kernel().dim(0), 1, 0, 1, c.kernel().dim(1), 1, 0, 1};
        } else if (layer instanceof Layer.Conv l) {
            Conv2d c = l.conv();
            int[] pad = c.padAmounts();
            return new int[] {c.kernel().h(), c.stride().h(), pad[0], c.dilation().h(), c.kernel().w(), c.stride().w(), pad[2], c.dilation().w()};
        } else if (layer instanceof Layer.Pool l) {
            Pool2d p = l.pool();
            return new int[] {p.kernel().h(), p.stride().h(), p.padding().h(), p.dilation().h(), p.kernel().w(), p.stride().w(),
                    p.padding().w(), p.dilation().w()};
        }
        return null;
    }

    /** A sliding-window layer's output shape by a mistaken window formula (no checks: a student's own arithmetic). */
    private static int[] wrongWindows(int[] in, Layer layer, Mistake mistake) {
        int[] w = window(layer);
        // padding after: a conv's own amounts (uneven for 'same'), a pool's the same on both sides
        int[] pad = layer instanceof Layer.Conv l ? l.conv().padAmounts() : new int[] {w[2], w[2], w[6], w[6]};
        int n = in.length;
        int[] out = in.clone();
        if (layer instanceof Layer.Conv l) {
            out[n - 3] = l.conv().outChannels();
        }
        out[n - 2] = mistake.windows(in[n - 2], pad[0], pad[1], w[3] * (w[0] - 1) + 1, w[1]);
        out[n - 1] = mistake.windows(in[n - 1], pad[2], pad[3], w[7] * (w[4] - 1) + 1, w[5]);
        if (out[n - 2] < 1 || out[n - 1] < 1) {
            throw EngineException.invalid("the mistaken formula gives no window (" + Fmt.pair(out[n - 2], out[n - 1]) + ")");
        }
        return out;
    }

    private static LayerSummary residual(int i, Layer.Residual res, int[] shape, ReceptiveField rh, ReceptiveField rw, Mistake mistake,
            int[] image) {
        List<LayerSummary> main;
        List<LayerSummary> shortcut;
        try {
            main = walk(shape, rh, rw, res.main(), mistake, image);
        } catch (EngineException e) {
            throw new EngineException(e.kind(), "layer " + i + " (" + res.name() + "), main path " + e.getMessage());
        }
        try {
            shortcut = walk(shape, rh, rw, res.shortcut(), mistake, image);
        } catch (EngineException e) {
            throw new EngineException(e.kind(), "layer " + i + " (" + res.name() + "), shortcut " + e.getMessage());
        }
        int[] a = main.get(main.size() - 1).outputShape();
        int[] b = shortcut.isEmpty() ? shape : shortcut.get(shortcut.size() - 1).outputShape();
        if (!Arrays.equals(a, b)) {
            throw EngineException.invalid("layer " + i + " (" + res.name() + "): the main path gives " + Fmt.shape(a)
                    + " but the shortcut gives " + Fmt.shape(b) + ", so they cannot be added"
                    + (shortcut.isEmpty() ? " (a 1×1 convolution with the block's stride on the shortcut would project it)" : ""));
        }
        List<Step> steps = new ArrayList<>();
        long params = 0;
        long macs = 0;
        for (LayerSummary r : main) {
            steps.add(pathStep("network.path.main", r));
            steps.addAll(r.steps());
        }
        if (shortcut.isEmpty()) {
            steps.add(Step.of(Phrase.of("network.shortcut.identity", Fmt.shape(shape)), "", "", Fmt.shape(shape)));
        }
        for (LayerSummary r : shortcut) {
            steps.add(pathStep("network.path.shortcut", r));
            steps.addAll(r.steps());
        }
        for (LayerSummary r : main) {
            params += r.params();
            macs = Macs.add(macs, r.macs());
        }
        for (LayerSummary r : shortcut) {
            params += r.params();
            macs = Macs.add(macs, r.macs());
        }
        steps.add(Step.of(Phrase.of("network.residual.add"), "y = F(x) + shortcut(x)", Fmt.shape(a) + " + " + Fmt.shape(b), Fmt.shape(a)));
        LayerSummary last = main.get(main.size() - 1);
        return new LayerSummary(res.name() + "-" + i, a, params, macs, last.rfH(), last.rfW(), steps);
    }

    private static Step pathStep(String key, LayerSummary r) {
        return Step.of(Phrase.of(key, r.name(), r.outputShapeString(), r.params(), Fmt.grouped(r.macs())), "", "", r.outputShapeString());
    }

    private static Step rfStep(ReceptiveField in, ReceptiveField out, int k, int d) {
        int keff = d * (k - 1) + 1;
        return Step.of(Phrase.of("network.rf.height"), "r_{out} = r_{in} + (k_{eff} − 1)×j_{in}",
                "r_{out} = " + in.size() + " + (" + keff + " − 1)×" + in.jump(), Fmt.num(out.size()));
    }

    private static ReceptiveField transposedRf(ReceptiveField in, int k, int s, int d) {
        int keff = d * (k - 1) + 1;
        int touched = (keff + s - 1) / s;
        int jump = in.jump() % s == 0 ? in.jump() / s : Math.max(1, in.jump() / s);
        return new ReceptiveField(in.size() + (touched - 1) * in.jump(), jump, in.start());
    }
}
