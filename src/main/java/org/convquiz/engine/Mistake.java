package org.convquiz.engine;

import java.util.List;

/**
 * A named mistake a student makes with the engine's formulas. {@link Network}'s shape, parameter and receptive-field
 * functions take one (or null for the right answer) and change exactly the term it names; the layer-reading mistakes
 * ({@link #misreadings}) change how a layer is read and leave the formulas alone. So a wrong answer is computed by the
 * very formula the reference uses, with one term changed, and the two can never drift apart.
 */
public enum Mistake {
    /** Window count without the + 1: ⌊(n + p_{before} + p_{after} − k_{eff})/s⌋. */
    FORGOT_PLUS_ONE,
    /** PyTorch's per-side padding counted once: ⌊(n + p − k_{eff})/s⌋ + 1; values: zeros only before, or only after. */
    PADDING_ONE_SIDE,
    /** The tutorial's total padding p_h put on each side (read as PyTorch's per-side padding). */
    TOTAL_PADDING_DOUBLED,
    /** Rounded up instead of down: ⌈(n + p_{before} + p_{after} − k_{eff})/s⌉ + 1. */
    NO_FLOOR,
    /** Stride read as 1. */
    STRIDE_IGNORED,
    /** bias=True read as no bias. */
    BIAS_FORGOTTEN,
    /** A conv layer's biases counted per input channel: c_i instead of c_o (parameters and bias shape). */
    BIAS_PER_INPUT_CHANNEL,
    /** A conv kernel's weights multiplied by the image's height × width. */
    PARAMS_TIMES_HW,
    /** Pooling adds the channels up: one output channel. */
    POOL_CHANGES_CHANNELS,
    /** Cross-correlation and convolution swapped: the kernel flipped both ways. */
    KERNEL_FLIPPED,
    /** Average-pool gradient copied to the window instead of split (divisor 1). */
    MEAN_GRAD_COPIED,
    /** Max-pool gradient sent to the whole window (an average pool with divisor 1). */
    MAX_GRAD_SPREAD,
    /** Max-pool gradient split over the window like an average pool. */
    MAX_GRAD_SPLIT,
    /** Receptive fields of the layers added up: Σ k instead of r_{out} = r_{in} + (k_{eff} − 1)·j_{in}. */
    RECEPTIVE_FIELDS_ADDED,
    /** in_channels and out_channels swapped: the output has c_i channels, the weight is c_i × c_o/g × k_h × k_w. */
    CHANNELS_SWAPPED,
    /** ceil_mode=True read as False. */
    CEIL_MODE_IGNORED;

    /** Whether this mistake is in the sliding-window size formula itself. */
    boolean inWindowFormula() {
        return this == FORGOT_PLUS_ONE || this == PADDING_ONE_SIDE || this == NO_FLOOR;
    }

    /**
     * One axis of a sliding window (conv, pool, correlate) as this mistake computes it; the right formula is
     * ⌊(n + p_{before} + p_{after} − k_{eff})/s⌋ + 1 (see {@link Shapes}).
     */
    int windows(int n, int before, int after, int keff, int stride) {
        long span = (long) n + before + after - keff;
        return Shapes.fit(switch (this) {
            case FORGOT_PLUS_ONE -> Math.floorDiv(span, stride);
            case PADDING_ONE_SIDE -> Math.floorDiv(span - after, stride) + 1;
            case NO_FLOOR -> Math.floorDiv(span + stride - 1, stride) + 1;
            default -> Math.floorDiv(span, stride) + 1;
        });
    }

    /**
     * How a student making this mistake reads the layer: usually one reading, two for padding on one side (only
     * before, only after); empty when the mistake leaves the layer as it is.
     */
    public List<Layer> misreadings(Layer layer) {
        if (this == PADDING_ONE_SIDE) {
            if (layer instanceof Layer.Conv c && perSidePadding(layer) > 0 && c.conv().padding() instanceof Padding.Explicit e) {
                return List.of(c.with(c.conv().withPadding(new Padding.Explicit(e.top(), 0, e.left(), 0))),
                        c.with(c.conv().withPadding(new Padding.Explicit(0, e.bottom(), 0, e.right()))));
            }
            return List.of();
        }
        Layer read = misread(layer);
        return read == null ? List.of() : List.of(read);
    }

    private Layer misread(Layer layer) {
        if (layer instanceof Layer.Conv c) {
            Conv2d conv = c.conv();
            return switch (this) {
                case TOTAL_PADDING_DOUBLED -> conv.padding() instanceof Padding.Explicit e && e.convention() == Padding.Convention.TOTAL
                        && e.totalH() + e.totalW() > 0 ? c.with(conv.withPadding(Padding.perSide(e.totalH(), e.totalW()))) : null;
                case STRIDE_IGNORED -> conv.stride().h() * conv.stride().w() > 1 ? c.with(conv.withStride(Pair.of(1))) : null;
                case BIAS_FORGOTTEN -> conv.bias() ? c.with(conv.withBias(false)) : null;
                case KERNEL_FLIPPED -> c.weight() != null ? new Layer.Conv(conv, flip(c.weight()), c.bias()) : null;
                default -> null;
            };
        }
        if (layer instanceof Layer.Pool p) {
            Pool2d pool = p.pool();
            return switch (this) {
                case STRIDE_IGNORED -> pool.stride().h() * pool.stride().w() > 1 ? new Layer.Pool(pool.withStride(Pair.of(1))) : null;
                case MEAN_GRAD_COPIED -> pool.kind() == PoolKind.AVG ? new Layer.Pool(pool.withDivisorOverride(1)) : null;
                case MAX_GRAD_SPREAD -> pool.kind() == PoolKind.MAX ? new Layer.Pool(asAverage(pool).withDivisorOverride(1)) : null;
                case MAX_GRAD_SPLIT -> pool.kind() == PoolKind.MAX ? new Layer.Pool(asAverage(pool)) : null;
                case CEIL_MODE_IGNORED -> pool.ceilMode() ? new Layer.Pool(pool.withCeilMode(false)) : null;
                default -> null;
            };
        }
        if (layer instanceof Layer.Linear l && this == BIAS_FORGOTTEN && l.bias()) {
            return new Layer.Linear(l.in(), l.out(), false);
        }
        if (layer instanceof Layer.Correlate c && this == KERNEL_FLIPPED) {
            return new Layer.Correlate(c.kernel(), !c.flipped());
        }
        return null;
    }

    /** Whether a student could count this layer's padding on one side only (it has PyTorch per-side padding). */
    public boolean countsOnce(Layer layer) {
        return this == PADDING_ONE_SIDE && perSidePadding(layer) > 0;
    }

    /** PyTorch-style padding of a layer that a student could count on one side only (0 for none, 'same' or the tutorial's total). */
    static int perSidePadding(Layer layer) {
        if (layer instanceof Layer.Conv c && c.conv().padding() instanceof Padding.Explicit e
                && e.convention() == Padding.Convention.PER_SIDE) {
            return e.top() + e.left();
        }
        if (layer instanceof Layer.Pool p) {
            return p.pool().padding().h() + p.pool().padding().w();
        }
        return 0;
    }

    private static Pool2d asAverage(Pool2d max) {
        return Pool2d.avg(max.kernel()).withStride(max.stride()).withPadding(max.padding()).withCeilMode(max.ceilMode())
                .withCountIncludePad(true);
    }

    /** The kernel turned by 180° in its last two axes (what true convolution does before sliding it). */
    static Tensor flip(Tensor weight) {
        int[] s = weight.shape();
        int kh = s[s.length - 2];
        int kw = s[s.length - 1];
        double[] d = weight.data();
        double[] out = new double[d.length];
        for (int plane = 0; plane < d.length / (kh * kw); plane++) {
            for (int i = 0; i < kh; i++) {
                for (int j = 0; j < kw; j++) {
                    out[plane * kh * kw + i * kw + j] = d[plane * kh * kw + (kh - 1 - i) * kw + (kw - 1 - j)];
                }
            }
        }
        return Tensor.of(s, out);
    }
}
