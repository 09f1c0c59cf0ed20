package org.convquiz.engine;

/**
 * Hyper-parameters of {@code nn.MaxPool2d} / {@code nn.AvgPool2d}. Stride defaults to the kernel size.
 * Validated like PyTorch: padding at most half the kernel, positive sizes, dilation only for max
 * pooling, divisor_override (avg only) non-zero.
 */
public record Pool2d(PoolKind kind, Pair kernel, Pair stride, Pair padding, Pair dilation, boolean ceilMode,
        boolean countIncludePad, Integer divisorOverride) {

    public Pool2d {
        if (kind == null || kernel == null || stride == null || padding == null || dilation == null) {
            throw EngineException.invalid("pool parameters must not be null");
        }
        LayerChecks.window(kernel, stride, dilation);
        LayerChecks.nonNegative("pool padding", padding);
        // PyTorch: "pad should be at most half of kernel size" (the undilated kernel).
        if (padding.h() > kernel.h() / 2) {
            throw EngineException.invalid("pool padding " + padding.h() + " must be at most half of kernel size " + kernel.h());
        }
        if (padding.w() > kernel.w() / 2) {
            throw EngineException.invalid("pool padding " + padding.w() + " must be at most half of kernel size " + kernel.w());
        }
        if (kind == PoolKind.AVG && (dilation.h() != 1 || dilation.w() != 1)) {
            throw EngineException.invalid("avg pooling has no dilation, got " + dilation);
        }
        if (divisorOverride != null) {
            if (kind != PoolKind.AVG) {
                throw EngineException.invalid("divisor_override only applies to avg pooling");
            }
            if (divisorOverride <= 0) {
                throw EngineException.invalid("divisor_override must be positive, got " + Fmt.num(divisorOverride));
            }
        }
    }

    public static Pool2d max(int k) {
        return max(Pair.of(k));
    }

    public static Pool2d max(Pair k) {
        return new Pool2d(PoolKind.MAX, k, k, Pair.of(0), Pair.of(1), false, true, null);
    }

    public static Pool2d avg(int k) {
        return avg(Pair.of(k));
    }

    public static Pool2d avg(Pair k) {
        return new Pool2d(PoolKind.AVG, k, k, Pair.of(0), Pair.of(1), false, true, null);
    }

    public Pool2d withStride(Pair s) {
        return new Pool2d(kind, kernel, s, padding, dilation, ceilMode, countIncludePad, divisorOverride);
    }

    public Pool2d withStride(int s) {
        return withStride(Pair.of(s));
    }

    public Pool2d withPadding(Pair p) {
        return new Pool2d(kind, kernel, stride, p, dilation, ceilMode, countIncludePad, divisorOverride);
    }

    public Pool2d withPadding(int p) {
        return withPadding(Pair.of(p));
    }

    public Pool2d withDilation(Pair d) {
        return new Pool2d(kind, kernel, stride, padding, d, ceilMode, countIncludePad, divisorOverride);
    }

    public Pool2d withCeilMode(boolean c) {
        return new Pool2d(kind, kernel, stride, padding, dilation, c, countIncludePad, divisorOverride);
    }

    public Pool2d withCountIncludePad(boolean c) {
        return new Pool2d(kind, kernel, stride, padding, dilation, ceilMode, c, divisorOverride);
    }

    public Pool2d withDivisorOverride(Integer d) {
        return new Pool2d(kind, kernel, stride, padding, dilation, ceilMode, countIncludePad, d);
    }

    String name() {
        return kind == PoolKind.MAX ? "MaxPool2d" : "AvgPool2d";
    }
}
