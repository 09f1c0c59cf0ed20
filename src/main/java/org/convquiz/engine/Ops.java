package org.convquiz.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Forward operations, each returning its value with derivation steps. Per-element steps (listing
 * every product) are only generated for small outputs ({@value #STEP_LIMIT} elements or fewer);
 * larger outputs get one summary step so big tensors stay on the fast path.
 */
public final class Ops {
    private Ops() {
    }

    /** Outputs with at most this many elements get one step per element. */
    public static final int STEP_LIMIT = 64;
    /** Cap on multiply-adds per call, so one request cannot occupy a server thread for minutes. */
    public static final long MAX_MACS = 2_000_000_000L;

    // ---------------------------------------------------------------- 2-D correlation / convolution

    /**
     * 2-D cross-correlation of an H×W input with a k_h×k_w kernel (what CNN "convolution" layers
     * compute): Y[r,c] = Σ_{i,j} X[r + i,c + j]·K[i,j], output (n_h − k_h + 1)×(n_w − k_w + 1).
     */
    public static Result<Tensor> correlate2d(Tensor x, Tensor k) {
        requireCorrelationShapes("correlate2d", x, k);
        List<Step> steps = new ArrayList<>();
        Tensor y = correlate(x, k, steps, "K");
        return new Result<>(y, steps);
    }

    /**
     * True 2-D convolution: the kernel is flipped in both directions, K'[i,j] = K[k_h − 1 − i,k_w − 1 − j],
     * then cross-correlated: Y[r,c] = Σ_{i,j} X[r + i,c + j]·K'[i,j].
     */
    public static Result<Tensor> convolve2d(Tensor x, Tensor k) {
        requireCorrelationShapes("convolve2d", x, k);
        int kh = k.dim(0);
        int kw = k.dim(1);
        double[] src = k.raw();
        double[] flipped = new double[src.length];
        for (int i = 0; i < kh; i++) {
            for (int j = 0; j < kw; j++) {
                flipped[i * kw + j] = src[(kh - 1 - i) * kw + (kw - 1 - j)];
            }
        }
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(Phrase.of("ops.flip"), "K'[i,j] = K[k_h − 1 − i,k_w − 1 − j]",
                Fmt.matrix(src, 0, kh, kw) + " → " + Fmt.matrix(flipped, 0, kh, kw), Fmt.matrix(flipped, 0, kh, kw)));
        Tensor y = correlate(x, Tensor.wrap(new int[] {kh, kw}, flipped), steps, "K'");
        return new Result<>(y, steps);
    }

    private static void requireCorrelationShapes(String op, Tensor x, Tensor k) {
        if (x == null || k == null) {
            throw EngineException.invalid(op + " needs an input and a kernel");
        }
        if (x.rank() != 2 || k.rank() != 2) {
            throw EngineException.invalid(op + " expects a 2-D input and a 2-D kernel, got " + x.shapeString()
                    + " and " + k.shapeString());
        }
        if (k.dim(0) > x.dim(0) || k.dim(1) > x.dim(1)) {
            throw EngineException.invalid("Kernel size (" + k.shapeString() + ") can't be greater than the padded input size ("
                    + x.shapeString() + ")");
        }
    }

    private static Tensor correlate(Tensor x, Tensor k, List<Step> steps, String kName) {
        int h = x.dim(0);
        int w = x.dim(1);
        int kh = k.dim(0);
        int kw = k.dim(1);
        int oh = h - kh + 1;
        int ow = w - kw + 1;
        double[] xs = x.raw();
        double[] ks = k.raw();
        double[] out = new double[oh * ow];
        boolean detail = out.length <= STEP_LIMIT;
        steps.add(new Step(Phrase.of("ops.corr.shape"), "(n_h − k_h + 1) × (n_w − k_w + 1)",
                "(" + h + " − " + kh + " + 1) × (" + w + " − " + kw + " + 1)", Fmt.pair(oh, ow)));
        for (int r = 0; r < oh; r++) {
            for (int c = 0; c < ow; c++) {
                double s = 0;
                StringBuilder sub = detail ? new StringBuilder() : null;
                for (int i = 0; i < kh; i++) {
                    for (int j = 0; j < kw; j++) {
                        double a = xs[(r + i) * w + c + j];
                        double b = ks[i * kw + j];
                        s += a * b;
                        if (detail) {
                            sub.append(sub.length() > 0 ? " + " : "").append(Fmt.factor(a)).append('·').append(Fmt.factor(b));
                        }
                    }
                }
                out[r * ow + c] = s;
                if (detail) {
                    steps.add(new Step(Phrase.of("ops.corr.element", r, c),
                            "Y[" + r + "," + c + "] = Σ X[" + offset(r, 1, "i") + "," + offset(c, 1, "j") + "]·" + kName + "[i,j]",
                            sub.toString(), Fmt.num(s)));
                }
            }
        }
        if (!detail) {
            steps.add(summary("Y[r,c] = Σ X[r + i,c + j]·" + kName + "[i,j]", out.length));
        }
        return Tensor.wrap(new int[] {oh, ow}, out);
    }

    /** "i", "2 + i", "3 + 2j": an index expression base + d·var for step formulas. */
    static String offset(int base, int d, String var) {
        String v = d == 1 ? var : d + var;
        return base == 0 ? v : base + " + " + v;
    }

    static Step summary(String formula, int elements) {
        return new Step(Phrase.of("ops.summary", Fmt.grouped(elements)),
                formula, "", Fmt.grouped(elements) + " elements");
    }

    // ---------------------------------------------------------------- padding

    /**
     * Pads the last two dimensions (H, W) of a tensor of rank 2–4. Out-of-range positions are filled
     * by the mode: zeros; reflect x[−i] = x[i]; replicate x[−i] = x[0]; circular x[−i] = x[n − i].
     * Output H' = p_{top} + H + p_{bottom}, W' = p_{left} + W + p_{right}.
     */
    public static Result<Tensor> pad2d(Tensor x, Padding p, PaddingMode m) {
        if (x == null || p == null || m == null) {
            throw EngineException.invalid("pad2d needs an input, a padding and a padding mode");
        }
        if (p instanceof Padding.Same) {
            throw EngineException.invalid("padding='same' depends on a kernel size; pad2d needs explicit padding (Padding.perSide or Padding.total)");
        }
        Image im = Image.of(x, 2, "pad2d");
        int[] pad = p.resolve(Pair.of(1), Pair.of(1));
        Shapes.checkPaddingMode(m, pad, im.h, im.w);
        int hp = im.h + pad[0] + pad[1];
        int wp = im.w + pad[2] + pad[3];
        int[] outShape = im.shapeFor(im.c, hp, wp);
        Tensor.checkedSize(outShape);
        double[] out = Image.padPlanes(im.data, im.n * im.c, im.h, im.w, Image.padMap(im.h, pad[0], pad[1], m),
                Image.padMap(im.w, pad[2], pad[3], m), 0);
        List<Step> steps = new ArrayList<>();
        Phrase conv = p instanceof Padding.Explicit e && e.convention() == Padding.Convention.TOTAL
                ? Phrase.of("ops.pad.total", pad[0] + pad[1])
                : Phrase.of("ops.pad.per-side");
        steps.add(new Step(Phrase.of("ops.pad", Phrase.of("shape.mode." + m.name().toLowerCase(java.util.Locale.ROOT)), conv, pad[0], pad[1], pad[2], pad[3]),
                "H' = n_h + p_{top} + p_{bottom}", "H' = " + im.h + " + " + pad[0] + " + " + pad[1], Fmt.num(hp)));
        steps.add(new Step(Phrase.of("ops.pad.width"), "W' = n_w + p_{left} + p_{right}",
                "W' = " + im.w + " + " + pad[2] + " + " + pad[3], Fmt.num(wp)));
        return new Result<>(Tensor.wrap(outShape, out), steps);
    }

    // ---------------------------------------------------------------- conv2d

    /**
     * {@code F.conv2d}: for output channel o in group g (input channels g·c_i/g … (g + 1)·c_i/g − 1),
     * Y[n,o,r,c] = b[o] + Σ_{k,i,j} X_p[n,k,r·s_h + i·d_h,c·s_w + j·d_w]·K[o,k,i,j], where X_p is the
     * input padded according to {@link Conv2d#padding()} and {@link Conv2d#paddingMode()}.
     *
     * @param input  C×H×W or N×C×H×W
     * @param weight c_o × (c_i/g) × k_h × k_w
     * @param bias   length c_o, or {@code null} for none
     */
    public static Result<Tensor> conv2d(Tensor input, Tensor weight, Tensor bias, Conv2d c) {
        ConvPlan plan = ConvPlan.of("conv2d", input, weight, bias, c);
        double[] out = ConvKernels.forward(plan, input.raw(), weight.raw(), bias == null ? null : bias.raw());
        List<Step> steps = new ArrayList<>(plan.shapeSteps);
        if (out.length <= STEP_LIMIT) {
            steps.addAll(plan.elementSteps(input.raw(), weight.raw(), bias == null ? null : bias.raw(), out));
        } else {
            steps.add(summary("Y[n,o,r,c] = Σ_{k,i,j} X_p[n,k,r·s_h + i·d_h,c·s_w + j·d_w]·K[o,k,i,j] + b[o]", out.length));
        }
        return new Result<>(Tensor.wrap(plan.outShape, out), steps);
    }

    // ---------------------------------------------------------------- transposed conv

    /**
     * {@code F.conv_transpose2d}: every input element scatters a scaled copy of its kernel,
     * Y[n,g·c_o/g + o,r·s − p + i·d,c·s − p + j·d] += X[n,k,r,c]·K[k,o,i,j], plus b[o]; the output size is
     * (n − 1)s − 2p + d(k − 1) + p_{out} + 1 per axis.
     *
     * @param weight c_i × (c_o/g) × k_h × k_w
     */
    public static Result<Tensor> convTranspose2d(Tensor input, Tensor weight, Tensor bias, ConvTranspose2d c) {
        if (input == null || weight == null || c == null) {
            throw EngineException.invalid("conv_transpose2d needs an input, a weight and parameters");
        }
        Result<int[]> shape = Shapes.convTranspose2d(input.rawShape(), c);
        int[] ws = c.weightShape();
        if (!java.util.Arrays.equals(weight.rawShape(), ws)) {
            throw EngineException.invalid("weight of shape " + weight.shapeString() + " doesn't match conv_transpose2d("
                    + c.inChannels() + "→" + c.outChannels() + ", kernel " + c.kernel() + ", groups=" + c.groups()
                    + "): expected " + Fmt.shape(ws));
        }
        checkBias(bias, c.outChannels(), c.bias(), "conv_transpose2d");
        int[] outShape = shape.value();
        Tensor.checkedSize(outShape);
        Image im = Image.of(input, 3, "conv_transpose2d");
        int oh = outShape[outShape.length - 2];
        int ow = outShape[outShape.length - 1];
        int co = c.outChannels();
        int cig = c.inChannels() / c.groups();
        int cog = co / c.groups();
        int kh = c.kernel().h();
        int kw = c.kernel().w();
        checkMacs((long) im.n * im.c * im.h * im.w * cog * kh * kw, "conv_transpose2d");
        double[] x = input.raw();
        double[] w = weight.raw();
        double[] out = new double[im.n * co * oh * ow];
        int sh = c.stride().h();
        int sw = c.stride().w();
        int dh = c.dilation().h();
        int dw = c.dilation().w();
        int ph = c.padding().h();
        int pw = c.padding().w();
        for (int n = 0; n < im.n; n++) {
            for (int ci = 0; ci < im.c; ci++) {
                int g = ci / cig;
                for (int r = 0; r < im.h; r++) {
                    for (int cc = 0; cc < im.w; cc++) {
                        double v = x[((n * im.c + ci) * im.h + r) * im.w + cc];
                        if (v == 0) {
                            continue; // contributes nothing; common for padded/sparse quiz inputs
                        }
                        for (int o = 0; o < cog; o++) {
                            int oc = g * cog + o;
                            int wBase = (ci * cog + o) * kh * kw;
                            int outBase = (n * co + oc) * oh * ow;
                            for (int i = 0; i < kh; i++) {
                                int y = r * sh - ph + i * dh;
                                if (y < 0 || y >= oh) {
                                    continue;
                                }
                                for (int j = 0; j < kw; j++) {
                                    int xx = cc * sw - pw + j * dw;
                                    if (xx >= 0 && xx < ow) {
                                        out[outBase + y * ow + xx] += v * w[wBase + i * kw + j];
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        if (bias != null) {
            double[] b = bias.raw();
            for (int n = 0; n < im.n; n++) {
                for (int oc = 0; oc < co; oc++) {
                    int base = (n * co + oc) * oh * ow;
                    for (int q = 0; q < oh * ow; q++) {
                        out[base + q] += b[oc];
                    }
                }
            }
        }
        List<Step> steps = new ArrayList<>(shape.steps());
        steps.add(new Step(Phrase.of("ops.transpose.scatter"),
                "Y[n,o,r·s − p + i·d,c·s − p + j·d] = Y[n,o,r·s − p + i·d,c·s − p + j·d] + X[n,k,r,c]·K[k,o,i,j]",
                "", Fmt.shape(outShape)));
        return new Result<>(Tensor.wrap(outShape, out), steps);
    }

    static void checkBias(Tensor bias, int co, boolean expected, String op) {
        if (bias == null) {
            return;
        }
        if (!expected) {
            throw EngineException.invalid("a bias of shape " + bias.shapeString() + " was given but " + op + " has bias=False");
        }
        if (bias.rank() != 1 || bias.dim(0) != co) {
            throw EngineException.invalid("bias of shape " + bias.shapeString() + " doesn't match out_channels=" + co
                    + ": expected " + co);
        }
    }

    static void checkMacs(long macs, String op) {
        if (macs > MAX_MACS) {
            throw EngineException.tooLarge(op + " would need " + Fmt.grouped(macs) + " multiply-adds, more than the limit of "
                    + Fmt.grouped(MAX_MACS) + " (Ops.MAX_MACS)");
        }
    }

    // ---------------------------------------------------------------- pooling

    /**
     * Max pooling per channel: Y[r,c] = max over the window positions (r·s_h − p_h + i·d_h, c·s_w − p_w + j·d_w)
     * that lie inside the input (padding never wins). Ties keep the first maximum in row-major order;
     * a NaN in the window is the maximum (PyTorch keeps the last NaN's index).
     */
    public static PoolResult maxPool2d(Tensor input, Pool2d p) {
        if (input == null || p == null) {
            throw EngineException.invalid("maxPool2d needs an input and pool parameters");
        }
        if (p.kind() != PoolKind.MAX) {
            throw EngineException.invalid("maxPool2d was given " + p.name() + " parameters");
        }
        Result<int[]> shape = Shapes.pool2d(input.rawShape(), p);
        Image im = Image.of(input, 2, "maxPool2d");
        int[] outShape = shape.value();
        int oh = outShape[outShape.length - 2];
        int ow = outShape[outShape.length - 1];
        int planes = im.n * im.c;
        checkMacs((long) planes * oh * ow * p.kernel().h() * p.kernel().w(), "max_pool2d");
        double[] out = new double[planes * oh * ow];
        double[] idx = new double[out.length];
        PoolKernels.maxForward(im.data, planes, im.h, im.w, p, oh, ow, out, idx);
        List<Step> steps = new ArrayList<>(shape.steps());
        if (out.length <= STEP_LIMIT) {
            steps.addAll(PoolKernels.steps(im.data, planes, im.h, im.w, p, oh, ow, out, idx, im.rank));
        } else {
            steps.add(summary("Y[r,c] = max X[r·s_h − p_h + i·d_h,c·s_w − p_w + j·d_w]", out.length));
        }
        return new PoolResult(Tensor.wrap(outShape, out), Tensor.wrap(outShape.clone(), idx), steps);
    }

    /**
     * Average pooling per channel: Y[r,c] = (Σ window elements inside the input)/D. The divisor D is
     * divisor_override if set; otherwise with count_include_pad the window size clipped to the padded
     * input (padding counts, ceil-mode overhang beyond it does not); otherwise the number of in-input
     * positions. A window entirely outside the input yields 0.
     */
    public static PoolResult avgPool2d(Tensor input, Pool2d p) {
        if (input == null || p == null) {
            throw EngineException.invalid("avgPool2d needs an input and pool parameters");
        }
        if (p.kind() != PoolKind.AVG) {
            throw EngineException.invalid("avgPool2d was given " + p.name() + " parameters");
        }
        Result<int[]> shape = Shapes.pool2d(input.rawShape(), p);
        Image im = Image.of(input, 2, "avgPool2d");
        int[] outShape = shape.value();
        int oh = outShape[outShape.length - 2];
        int ow = outShape[outShape.length - 1];
        int planes = im.n * im.c;
        checkMacs((long) planes * oh * ow * p.kernel().h() * p.kernel().w(), "avg_pool2d");
        double[] out = new double[planes * oh * ow];
        PoolKernels.avgForward(im.data, planes, im.h, im.w, p, oh, ow, out);
        List<Step> steps = new ArrayList<>(shape.steps());
        if (out.length <= STEP_LIMIT) {
            steps.addAll(PoolKernels.steps(im.data, planes, im.h, im.w, p, oh, ow, out, null, im.rank));
        } else {
            steps.add(summary("Y[r,c] = (Σ X[r·s_h − p_h + i,c·s_w − p_w + j])/D", out.length));
        }
        return new PoolResult(Tensor.wrap(outShape, out), null, steps);
    }

    // ---------------------------------------------------------------- linear / flatten

    /**
     * {@code F.linear}: y = x·Wᵀ + b, i.e. y[…,j] = Σ_i x[…,i]·W[j,i] + b[j], applied to the last dimension.
     *
     * @param weight out_features × in_features
     * @param bias   length out_features, or {@code null}
     */
    public static Result<Tensor> linear(Tensor x, Tensor weight, Tensor bias) {
        if (x == null || weight == null) {
            throw EngineException.invalid("linear needs an input and a weight");
        }
        if (weight.rank() != 2) {
            throw EngineException.invalid("linear weight must be 2-D (out_features × in_features), got " + weight.shapeString());
        }
        int out = weight.dim(0);
        int in = weight.dim(1);
        if (x.dim(-1) != in) {
            throw EngineException.invalid("input of shape " + x.shapeString() + " has " + x.dim(-1)
                    + " features but the weight " + weight.shapeString() + " expects in_features=" + in);
        }
        if (bias != null && (bias.rank() != 1 || bias.dim(0) != out)) {
            throw EngineException.invalid("bias of shape " + bias.shapeString() + " doesn't match out_features=" + out);
        }
        Result<int[]> shape = Shapes.linear(x.rawShape(), in, out);
        int[] outShape = shape.value();
        Tensor.checkedSize(outShape);
        int rows = x.size() / in;
        checkMacs((long) rows * in * out, "linear");
        double[] xs = x.raw();
        double[] w = weight.raw();
        double[] b = bias == null ? null : bias.raw();
        double[] y = new double[rows * out];
        boolean detail = y.length <= STEP_LIMIT && in <= STEP_LIMIT;
        List<Step> steps = new ArrayList<>(shape.steps());
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < out; j++) {
                double s = b == null ? 0 : b[j];
                double acc = 0;
                StringBuilder sub = detail ? new StringBuilder() : null;
                for (int i = 0; i < in; i++) {
                    double a = xs[r * in + i];
                    double ww = w[j * in + i];
                    acc += a * ww;
                    if (detail) {
                        sub.append(i > 0 ? " + " : "").append(Fmt.factor(a)).append('·').append(Fmt.factor(ww));
                    }
                }
                s += acc;
                y[r * out + j] = s;
                if (detail) {
                    if (b != null) {
                        sub.append(" + ").append(Fmt.factor(b[j]));
                    }
                    String lhs = rows == 1 ? "y[" + j + "]" : "y[" + r + "," + j + "]";
                    steps.add(new Step(Phrase.of(b != null ? "ops.linear.feature.bias" : "ops.linear.feature", j),
                            lhs + " = Σ x[i]·W[" + j + ",i]" + (b != null ? " + b[" + j + "]" : ""), sub.toString(), Fmt.num(s)));
                }
            }
        }
        if (!detail) {
            steps.add(summary("y[j] = Σ x[i]·W[j,i] + b[j]", y.length));
        }
        return new Result<>(Tensor.wrap(outShape, y), steps);
    }

    /** Flattens C×H×W into one dimension (N×C×H×W → N×(C·H·W)); values keep their row-major order. */
    public static Result<Tensor> flatten(Tensor x) {
        if (x == null) {
            throw EngineException.invalid("flatten needs an input");
        }
        Result<int[]> shape = Shapes.flatten(x.rawShape());
        return new Result<>(x.reshape(shape.value()), shape.steps());
    }
}
