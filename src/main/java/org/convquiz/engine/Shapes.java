package org.convquiz.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Output-shape arithmetic with derivation steps. All formulas are PyTorch's:
 * <ul>
 * <li>convolution: out = ⌊(n + p_{before} + p_{after} − d(k − 1) − 1)/s⌋ + 1, which with the tutorial's
 * total padding p_h and d = 1 is ⌊(n_h + p_h − k_h + s_h)/s_h⌋;</li>
 * <li>transposed convolution: out = (n − 1)s − 2p + d(k − 1) + p_{out} + 1;</li>
 * <li>pooling: out = ⌊(n + 2p − d(k − 1) − 1)/s⌋ + 1, or with ceil_mode ⌈…⌉ + 1 minus one if the last
 * window would start beyond the input and left padding, i.e. if (out − 1)s ≥ n + p;</li>
 * <li>linear: the last dimension becomes out_features; flatten: C×H×W becomes one dimension.</li>
 * </ul>
 */
public final class Shapes {
    private Shapes() {
    }

    private static final String[] AXIS = {"H", "W", "n"};
    private static final String[] SUB = {"h", "w", ""};
    /** The phrase keys naming an axis: height, width, or (one axis alone) size. */
    private static final String[] AXIS_WORD = {"shape.axis.height", "shape.axis.width", "shape.axis.size"};

    // ---------------------------------------------------------------- convolution

    /**
     * One axis of a convolution: ⌊(n + p_{before} + p_{after} − d(k − 1) − 1)/s⌋ + 1.
     *
     * @throws EngineException if the dilated kernel d(k − 1) + 1 exceeds the padded input
     */
    public static Result<Integer> convOutputSize(int n, int k, int s, int padBefore, int padAfter, int d) {
        requireConvAxis(n, k, s, padBefore, padAfter, d);
        int keff = d * (k - 1) + 1;
        if (n + padBefore + padAfter < keff) {
            throw EngineException.invalid((d > 1 ? "Dilated kernel size " : "Kernel size ") + keff
                    + " can't be greater than the padded input size " + (n + padBefore + padAfter));
        }
        int out = rawConv(n, k, s, padBefore, padAfter, d);
        return new Result<>(out, List.of(convStep(2, n, k, s, padBefore, padAfter, d, Padding.Convention.PER_SIDE, out)));
    }

    private static void requireConvAxis(int n, int k, int s, int pb, int pa, int d) {
        if (n <= 0) {
            throw EngineException.invalid("input size must be positive, got " + Fmt.num(n));
        }
        if (k <= 0) {
            throw EngineException.invalid("kernel size must be positive, got " + Fmt.num(k));
        }
        if (s <= 0) {
            throw EngineException.invalid("stride must be positive, got " + Fmt.num(s));
        }
        if (d <= 0) {
            throw EngineException.invalid("dilation must be positive, got " + Fmt.num(d));
        }
        if (pb < 0 || pa < 0) {
            throw EngineException.invalid("padding must be non-negative, got " + Fmt.num(pb < 0 ? pb : pa));
        }
    }

    static int rawConv(int n, int k, int s, int pb, int pa, int d) {
        // In long: d(k − 1) of a huge dilation must be a message, not an int that wrapped round.
        return fit(Math.floorDiv((long) n + pb + pa - (long) d * (k - 1) - 1, s) + 1);
    }

    /** A size computed in long must fit an int, or the request is too large. */
    static int fit(long size) {
        if (size > Integer.MAX_VALUE || size < Integer.MIN_VALUE) {
            throw EngineException.tooLarge("a computed size is too large (" + Fmt.grouped(size) + ")");
        }
        return (int) size;
    }

    /** The H_{out}/W_{out} step, written in the convention the padding was given in. */
    static Step convStep(int axis, int n, int k, int s, int pb, int pa, int d, Padding.Convention conv, int out) {
        String a = AXIS[axis];
        String sub = SUB[axis];
        String nn = sub.isEmpty() ? "n" : "n_" + sub;
        String lhs = a + "_{out} = ";
        Phrase what = Phrase.of(AXIS_WORD[axis]);
        if (conv == Padding.Convention.TOTAL) {
            String ps = sub.isEmpty() ? "p" : "p_" + sub;
            String ks = sub.isEmpty() ? "k" : "k_" + sub;
            String ss = sub.isEmpty() ? "s" : "s_" + sub;
            String ds = sub.isEmpty() ? "d" : "d_" + sub;
            int total = pb + pa;
            Phrase says = Phrase.of("shape.conv.total", what, ps, total, pb, pa);
            if (d == 1) {
                return new Step(says, lhs + "⌊(" + nn + " + " + ps + " − " + ks + " + " + ss + ")/" + ss + "⌋",
                        lhs + "⌊(" + n + " + " + total + " − " + k + " + " + s + ")/" + s + "⌋", Fmt.num(out));
            }
            return new Step(says,
                    lhs + "⌊(" + nn + " + " + ps + " − " + ds + "(" + ks + " − 1) − 1 + " + ss + ")/" + ss + "⌋",
                    lhs + "⌊(" + n + " + " + total + " − " + d + "×(" + k + " − 1) − 1 + " + s + ")/" + s + "⌋",
                    Fmt.num(out));
        }
        if (pb == pa) {
            return new Step(Phrase.of("shape.conv.per-side", what, pb, 2 * pb), lhs + "⌊(" + nn + " + 2p − d(k − 1) − 1)/s⌋ + 1",
                    lhs + "⌊(" + n + " + 2×" + pb + " − " + d + "×(" + k + " − 1) − 1)/" + s + "⌋ + 1", Fmt.num(out));
        }
        String before = axis == 0 ? "p_{top}" : axis == 1 ? "p_{left}" : "p_{before}";
        String after = axis == 0 ? "p_{bottom}" : axis == 1 ? "p_{right}" : "p_{after}";
        return new Step(Phrase.of("shape.conv.uneven", what, pb, pa), lhs + "⌊(" + nn + " + " + before + " + " + after + " − d(k − 1) − 1)/s⌋ + 1",
                lhs + "⌊(" + n + " + " + pb + " + " + pa + " − " + d + "×(" + k + " − 1) − 1)/" + s + "⌋ + 1",
                Fmt.num(out));
    }

    /** Output shape of {@code nn.Conv2d} for a C×H×W or N×C×H×W input. */
    public static Result<int[]> conv2d(int[] inputShape, Conv2d c) {
        requireImage("conv2d", inputShape, c);
        int rank = inputShape.length;
        int ch = inputShape[rank - 3];
        int h = inputShape[rank - 2];
        int w = inputShape[rank - 1];
        if (ch != c.inChannels()) {
            throw EngineException.invalid("input has " + ch + " channels but conv2d expects in_channels=" + c.inChannels()
                    + " (input shape " + Fmt.shape(inputShape) + ")");
        }
        int[] pad = c.padAmounts();
        checkPaddingMode(c.paddingMode(), pad, h, w);
        int kh = c.dilation().h() * (c.kernel().h() - 1) + 1;
        int kw = c.dilation().w() * (c.kernel().w() - 1) + 1;
        int ph = h + pad[0] + pad[1];
        int pw = w + pad[2] + pad[3];
        if (ph < kh || pw < kw) {
            boolean dil = c.dilation().h() != 1 || c.dilation().w() != 1;
            throw EngineException.invalid((dil ? "Dilated kernel size (" : "Kernel size (") + Fmt.pair(kh, kw)
                    + ") can't be greater than the padded input size (" + Fmt.pair(ph, pw) + ")");
        }
        int oh = rawConv(h, c.kernel().h(), c.stride().h(), pad[0], pad[1], c.dilation().h());
        int ow = rawConv(w, c.kernel().w(), c.stride().w(), pad[2], pad[3], c.dilation().w());
        Padding.Convention conv = c.padding() instanceof Padding.Explicit e ? e.convention() : Padding.Convention.PER_SIDE;
        List<Step> steps = new ArrayList<>();
        steps.add(paddingStep(c.padding(), pad, c));
        steps.add(convStep(0, h, c.kernel().h(), c.stride().h(), pad[0], pad[1], c.dilation().h(), conv, oh));
        steps.add(convStep(1, w, c.kernel().w(), c.stride().w(), pad[2], pad[3], c.dilation().w(), conv, ow));
        steps.add(new Step(Phrase.of("shape.conv.channels", c.groups() == 1 ? "c_i" : "c_i/g"), "c_{out} = c_o", "c_{out} = " + c.outChannels(), Fmt.num(c.outChannels())));
        int[] out = rank == 4 ? new int[] {inputShape[0], c.outChannels(), oh, ow} : new int[] {c.outChannels(), oh, ow};
        steps.add(shapeStep(out));
        return new Result<>(out, steps);
    }

    private static Step paddingStep(Padding p, int[] pad, Conv2d c) {
        Phrase mode = Phrase.of("shape.mode." + c.paddingMode().name().toLowerCase(java.util.Locale.ROOT));
        if (p instanceof Padding.Same) {
            return new Step(Phrase.of("shape.padding.same", pad[0], pad[1], pad[2], pad[3], mode),
                    "p_h = d(k_h − 1)", "p_h = " + c.dilation().h() + "×(" + c.kernel().h() + " − 1)",
                    Fmt.num(pad[0] + pad[1]));
        }
        if (p instanceof Padding.Explicit e && e.convention() == Padding.Convention.TOTAL) {
            return new Step(Phrase.of("shape.padding.total", e.totalH(), e.totalW(), mode),
                    "p_{top} = ⌊p_h/2⌋", "p_{top} = ⌊" + e.totalH() + "/2⌋", Fmt.num(pad[0]));
        }
        return new Step(Phrase.of("shape.padding.per-side", pad[0], pad[1], pad[2], pad[3], mode),
                "p_h = p_{top} + p_{bottom}", "p_h = " + pad[0] + " + " + pad[1], Fmt.num(pad[0] + pad[1]));
    }

    static void checkPaddingMode(PaddingMode m, int[] pad, int h, int w) {
        if (m == PaddingMode.REFLECT) {
            for (int i = 0; i < 4; i++) {
                int n = i < 2 ? h : w;
                if (pad[i] >= n) {
                    throw EngineException.invalid("reflect padding " + pad[i] + " must be smaller than the input "
                            + (i < 2 ? "height " : "width ") + n);
                }
            }
        } else if (m == PaddingMode.CIRCULAR) {
            for (int i = 0; i < 4; i++) {
                int n = i < 2 ? h : w;
                if (pad[i] > n) {
                    throw EngineException.invalid("circular padding " + pad[i] + " must be at most the input "
                            + (i < 2 ? "height " : "width ") + n);
                }
            }
        }
    }

    private static void requireImage(String op, int[] inputShape, Object params) {
        if (params == null) {
            throw EngineException.invalid(op + " parameters must not be null");
        }
        if (inputShape == null || (inputShape.length != 3 && inputShape.length != 4)) {
            throw EngineException.invalid(op + " expects a 3-D (C×H×W) or 4-D (N×C×H×W) input, got shape "
                    + (inputShape == null ? "null" : Fmt.shape(inputShape)));
        }
        for (int d : inputShape) {
            if (d <= 0) {
                throw EngineException.invalid(op + " input dimensions must be positive, got " + Fmt.shape(inputShape));
            }
        }
    }

    static Step shapeStep(int[] out) {
        return new Step(Phrase.of("shape.output"), "", "", Fmt.shape(out));
    }

    // ---------------------------------------------------------------- transposed convolution

    /** Output shape of {@code nn.ConvTranspose2d}: per axis (n − 1)s − 2p + d(k − 1) + p_{out} + 1. */
    public static Result<int[]> convTranspose2d(int[] inputShape, ConvTranspose2d c) {
        requireImage("conv_transpose2d", inputShape, c);
        int rank = inputShape.length;
        int ch = inputShape[rank - 3];
        int h = inputShape[rank - 2];
        int w = inputShape[rank - 1];
        if (ch != c.inChannels()) {
            throw EngineException.invalid("input has " + ch + " channels but conv_transpose2d expects in_channels="
                    + c.inChannels() + " (input shape " + Fmt.shape(inputShape) + ")");
        }
        int oh = rawTranspose(h, c.kernel().h(), c.stride().h(), c.padding().h(), c.outputPadding().h(), c.dilation().h());
        int ow = rawTranspose(w, c.kernel().w(), c.stride().w(), c.padding().w(), c.outputPadding().w(), c.dilation().w());
        if (oh < 1 || ow < 1) {
            throw EngineException.invalid("output size is too small: computed (" + Fmt.pair(oh, ow) + ") for input "
                    + Fmt.shape(inputShape));
        }
        List<Step> steps = new ArrayList<>();
        for (int axis = 0; axis < 2; axis++) {
            int n = axis == 0 ? h : w;
            int k = axis == 0 ? c.kernel().h() : c.kernel().w();
            int s = axis == 0 ? c.stride().h() : c.stride().w();
            int p = axis == 0 ? c.padding().h() : c.padding().w();
            int op = axis == 0 ? c.outputPadding().h() : c.outputPadding().w();
            int d = axis == 0 ? c.dilation().h() : c.dilation().w();
            String a = AXIS[axis];
            steps.add(new Step(Phrase.of("shape.transpose", Phrase.of(AXIS_WORD[axis])),
                    a + "_{out} = (n_" + SUB[axis] + " − 1)s − 2p + d(k − 1) + p_{out} + 1",
                    a + "_{out} = (" + n + " − 1)×" + s + " − 2×" + p + " + " + d + "×(" + k + " − 1) + " + op + " + 1",
                    Fmt.num(axis == 0 ? oh : ow)));
        }
        int[] out = rank == 4 ? new int[] {inputShape[0], c.outChannels(), oh, ow} : new int[] {c.outChannels(), oh, ow};
        steps.add(shapeStep(out));
        return new Result<>(out, steps);
    }

    static int rawTranspose(int n, int k, int s, int p, int op, int d) {
        return fit(((long) n - 1) * s - 2L * p + (long) d * (k - 1) + op + 1);
    }

    // ---------------------------------------------------------------- pooling

    /**
     * One axis of a pooling layer: ⌊(n + 2p − d(k − 1) − 1)/s⌋ + 1, or with ceil_mode ⌈…⌉ + 1 and then
     * minus one if (out − 1)s ≥ n + p (PyTorch: the last window must start inside the input or the
     * left padding).
     */
    public static Result<Integer> poolOutputSize(int n, int k, int s, int p, int d, boolean ceil) {
        requireConvAxis(n, k, s, p, p, d);
        if (p > k / 2) {
            throw EngineException.invalid("pool padding " + p + " must be at most half of kernel size " + k);
        }
        int out = rawPool(n, k, s, p, d, ceil);
        if (out < 1) {
            throw EngineException.invalid("output size is too small: computed (" + Fmt.num(out) + ") for input size " + n);
        }
        return new Result<>(out, poolSteps(2, n, k, s, p, d, ceil));
    }

    static int rawPool(int n, int k, int s, int p, int d, boolean ceil) {
        long num = (long) n + 2L * p - (long) d * (k - 1) - 1;
        int out = fit(Math.floorDiv(num + (ceil ? s - 1 : 0), s) + 1);
        if (ceil && (long) (out - 1) * s >= n + p) {
            out--;
        }
        return out;
    }

    private static List<Step> poolSteps(int axis, int n, int k, int s, int p, int d, boolean ceil) {
        String a = AXIS[axis];
        String nn = SUB[axis].isEmpty() ? "n" : "n_" + SUB[axis];
        Phrase what = Phrase.of(AXIS_WORD[axis]);
        int num = n + 2 * p - d * (k - 1) - 1;
        int first = Math.floorDiv(num + (ceil ? s - 1 : 0), s) + 1;
        String l = ceil ? "⌈" : "⌊";
        String r = ceil ? "⌉" : "⌋";
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(Phrase.of(ceil ? "shape.pool.ceil" : "shape.pool", what),
                a + "_{out} = " + l + "(" + nn + " + 2p − d(k − 1) − 1)/s" + r + " + 1",
                a + "_{out} = " + l + "(" + n + " + 2×" + p + " − " + d + "×(" + k + " − 1) − 1)/" + s + r + " + 1",
                Fmt.num(first)));
        if (ceil) {
            boolean drop = (long) (first - 1) * s >= n + p;
            steps.add(new Step(Phrase.of(drop ? "shape.pool.ceil.drop" : "shape.pool.ceil.keep"),
                    "(" + a + "_{out} − 1)s ≥ " + nn + " + p",
                    "(" + first + " − 1)×" + s + (drop ? " ≥ " : " < ") + n + " + " + p,
                    Fmt.num(drop ? first - 1 : first)));
        }
        return steps;
    }

    /** Output shape of a pooling layer for an H×W, C×H×W or N×C×H×W input (channels unchanged). */
    public static Result<int[]> pool2d(int[] inputShape, Pool2d p) {
        if (p == null) {
            throw EngineException.invalid("pool2d parameters must not be null");
        }
        if (inputShape == null || inputShape.length < 2 || inputShape.length > 4) {
            throw EngineException.invalid("pool2d expects an H×W, C×H×W or N×C×H×W input, got shape "
                    + (inputShape == null ? "null" : Fmt.shape(inputShape)));
        }
        for (int d : inputShape) {
            if (d <= 0) {
                throw EngineException.invalid("pool2d input dimensions must be positive, got " + Fmt.shape(inputShape));
            }
        }
        int rank = inputShape.length;
        int h = inputShape[rank - 2];
        int w = inputShape[rank - 1];
        int oh = rawPool(h, p.kernel().h(), p.stride().h(), p.padding().h(), p.dilation().h(), p.ceilMode());
        int ow = rawPool(w, p.kernel().w(), p.stride().w(), p.padding().w(), p.dilation().w(), p.ceilMode());
        if (oh < 1 || ow < 1) {
            throw EngineException.invalid("output size is too small: computed (" + Fmt.pair(oh, ow) + ") for input "
                    + Fmt.shape(inputShape) + " and " + p.name() + " kernel " + p.kernel());
        }
        List<Step> steps = new ArrayList<>();
        steps.addAll(poolSteps(0, h, p.kernel().h(), p.stride().h(), p.padding().h(), p.dilation().h(), p.ceilMode()));
        steps.addAll(poolSteps(1, w, p.kernel().w(), p.stride().w(), p.padding().w(), p.dilation().w(), p.ceilMode()));
        int[] out = inputShape.clone();
        out[rank - 2] = oh;
        out[rank - 1] = ow;
        if (rank >= 3) {
            steps.add(new Step(Phrase.of("shape.pool.channels"), "c_{out} = c_{in}", "c_{out} = " + inputShape[rank - 3],
                    Fmt.num(inputShape[rank - 3])));
        }
        steps.add(shapeStep(out));
        return new Result<>(out, steps);
    }

    // ---------------------------------------------------------------- linear / flatten

    /** Output shape of {@code nn.Linear}: the last dimension in_features becomes out_features. */
    public static Result<int[]> linear(int[] inputShape, int inFeatures, int outFeatures) {
        if (inFeatures <= 0 || outFeatures <= 0) {
            throw EngineException.invalid("linear features must be positive, got in_features=" + Fmt.num(inFeatures)
                    + ", out_features=" + Fmt.num(outFeatures));
        }
        if (inputShape == null || inputShape.length < 1 || inputShape.length > 4) {
            throw EngineException.invalid("linear expects an input of rank 1 to 4, got shape "
                    + (inputShape == null ? "null" : Fmt.shape(inputShape)));
        }
        int last = inputShape[inputShape.length - 1];
        if (last != inFeatures) {
            throw EngineException.invalid("input has " + last + " features but linear expects in_features=" + inFeatures
                    + " (input shape " + Fmt.shape(inputShape) + ")");
        }
        int[] out = inputShape.clone();
        out[out.length - 1] = outFeatures;
        return new Result<>(out, List.of(new Step(Phrase.of("shape.linear"), "y = xW^T + b",
                Fmt.shape(inputShape) + " → " + Fmt.shape(out), Fmt.shape(out))));
    }

    /** Flattens C×H×W to one dimension, keeping the batch dimension of an N×C×H×W input. */
    public static Result<int[]> flatten(int[] inputShape) {
        if (inputShape == null || inputShape.length < 1 || inputShape.length > 4) {
            throw EngineException.invalid("flatten expects an input of rank 1 to 4, got shape "
                    + (inputShape == null ? "null" : Fmt.shape(inputShape)));
        }
        int rank = inputShape.length;
        int start = rank == 4 ? 1 : 0;
        long n = 1;
        StringBuilder prod = new StringBuilder();
        for (int i = start; i < rank; i++) {
            n *= inputShape[i];
            prod.append(i > start ? "×" : "").append(inputShape[i]);
        }
        if (n > Integer.MAX_VALUE) {
            throw EngineException.tooLarge("flattened size " + Fmt.grouped(n) + " is too large");
        }
        int[] out = rank == 4 ? new int[] {inputShape[0], (int) n} : new int[] {(int) n};
        return new Result<>(out, List.of(new Step(Phrase.of(rank == 4 ? "shape.flatten.batch" : "shape.flatten"),
                rank == 4 ? "n = c × h × w" : "n = " + (rank == 3 ? "c × h × w" : rank == 2 ? "h × w" : "n"),
                "n = " + prod, Fmt.grouped(n))));
    }
}
