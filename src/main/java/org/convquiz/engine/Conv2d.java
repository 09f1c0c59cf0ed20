package org.convquiz.engine;

/**
 * Hyper-parameters of {@code nn.Conv2d}. The weight has shape c_o × (c_i/g) × k_h × k_w and the bias
 * c_o. Validated on construction with PyTorch's rules: positive sizes, groups divides both channel
 * counts, and {@code padding='same'} only with stride 1.
 */
public record Conv2d(int inChannels, int outChannels, Pair kernel, Pair stride, Padding padding, Pair dilation,
        int groups, boolean bias, PaddingMode paddingMode) {

    public Conv2d {
        if (kernel == null || stride == null || padding == null || dilation == null || paddingMode == null) {
            throw EngineException.invalid("conv2d parameters must not be null");
        }
        LayerChecks.channels(inChannels, outChannels, groups);
        LayerChecks.window(kernel, stride, dilation);
        if (padding instanceof Padding.Same && (stride.h() != 1 || stride.w() != 1)) {
            throw EngineException.invalid("padding='same' is not supported for strided convolutions (stride " + stride + ")");
        }
    }

    /** {@code nn.Conv2d(in, out, k)}: stride 1, no padding, dilation 1, groups 1, bias, zeros mode. */
    public static Conv2d of(int in, int out, int k) {
        return of(in, out, Pair.of(k));
    }

    public static Conv2d of(int in, int out, Pair k) {
        return new Conv2d(in, out, k, Pair.of(1), Padding.perSide(0, 0), Pair.of(1), 1, true, PaddingMode.ZEROS);
    }

    public Conv2d withKernel(Pair k) {
        return new Conv2d(inChannels, outChannels, k, stride, padding, dilation, groups, bias, paddingMode);
    }

    public Conv2d withStride(Pair s) {
        return new Conv2d(inChannels, outChannels, kernel, s, padding, dilation, groups, bias, paddingMode);
    }

    public Conv2d withStride(int s) {
        return withStride(Pair.of(s));
    }

    public Conv2d withPadding(Padding p) {
        return new Conv2d(inChannels, outChannels, kernel, stride, p, dilation, groups, bias, paddingMode);
    }

    /** PyTorch {@code padding=p}: p on each side. */
    public Conv2d withPadding(int p) {
        return withPadding(Padding.perSide(p, p));
    }

    public Conv2d withDilation(Pair d) {
        return new Conv2d(inChannels, outChannels, kernel, stride, padding, d, groups, bias, paddingMode);
    }

    public Conv2d withDilation(int d) {
        return withDilation(Pair.of(d));
    }

    public Conv2d withGroups(int g) {
        return new Conv2d(inChannels, outChannels, kernel, stride, padding, dilation, g, bias, paddingMode);
    }

    public Conv2d withBias(boolean b) {
        return new Conv2d(inChannels, outChannels, kernel, stride, padding, dilation, groups, b, paddingMode);
    }

    public Conv2d withPaddingMode(PaddingMode m) {
        return new Conv2d(inChannels, outChannels, kernel, stride, padding, dilation, groups, bias, m);
    }

    /** Expected weight shape c_o × (c_i/g) × k_h × k_w. */
    public int[] weightShape() {
        return new int[] {outChannels, inChannels / groups, kernel.h(), kernel.w()};
    }

    /** {top, bottom, left, right}. */
    public int[] padAmounts() {
        return padding.resolve(kernel, dilation);
    }

    String describe() {
        StringBuilder sb = new StringBuilder("conv2d(").append(inChannels).append("→").append(outChannels)
                .append(", kernel ").append(kernel);
        if (stride.h() != 1 || stride.w() != 1) {
            sb.append(", stride ").append(stride);
        }
        if (dilation.h() != 1 || dilation.w() != 1) {
            sb.append(", dilation ").append(dilation);
        }
        sb.append(", groups=").append(groups);
        return sb.append(')').toString();
    }
}
