package org.convquiz.engine;

/**
 * Hyper-parameters of {@code nn.ConvTranspose2d}. The weight has shape c_i × (c_o/g) × k_h × k_w.
 * Output size per axis: H_{out} = (n − 1)s − 2p + d(k − 1) + p_{out} + 1, where p_{out}
 * (output_padding) must be smaller than the stride or the dilation, as in PyTorch.
 */
public record ConvTranspose2d(int inChannels, int outChannels, Pair kernel, Pair stride, Pair padding,
        Pair outputPadding, Pair dilation, int groups, boolean bias) {

    public ConvTranspose2d {
        if (kernel == null || stride == null || padding == null || outputPadding == null || dilation == null) {
            throw EngineException.invalid("conv_transpose2d parameters must not be null");
        }
        LayerChecks.channels(inChannels, outChannels, groups);
        LayerChecks.window(kernel, stride, dilation);
        LayerChecks.nonNegative("padding", padding);
        LayerChecks.nonNegative("output_padding", outputPadding);
        // PyTorch: output padding must be smaller than either stride or dilation (per axis).
        if ((outputPadding.h() >= stride.h() && outputPadding.h() >= dilation.h())
                || (outputPadding.w() >= stride.w() && outputPadding.w() >= dilation.w())) {
            throw EngineException.invalid("output_padding (" + outputPadding + ") must be smaller than either stride ("
                    + stride + ") or dilation (" + dilation + ")");
        }
    }

    public static ConvTranspose2d of(int in, int out, int k) {
        return new ConvTranspose2d(in, out, Pair.of(k), Pair.of(1), Pair.of(0), Pair.of(0), Pair.of(1), 1, true);
    }

    public ConvTranspose2d withStride(Pair s) {
        return new ConvTranspose2d(inChannels, outChannels, kernel, s, padding, outputPadding, dilation, groups, bias);
    }

    public ConvTranspose2d withPadding(Pair p) {
        return new ConvTranspose2d(inChannels, outChannels, kernel, stride, p, outputPadding, dilation, groups, bias);
    }

    public ConvTranspose2d withOutputPadding(Pair op) {
        return new ConvTranspose2d(inChannels, outChannels, kernel, stride, padding, op, dilation, groups, bias);
    }

    public ConvTranspose2d withDilation(Pair d) {
        return new ConvTranspose2d(inChannels, outChannels, kernel, stride, padding, outputPadding, d, groups, bias);
    }

    public ConvTranspose2d withGroups(int g) {
        return new ConvTranspose2d(inChannels, outChannels, kernel, stride, padding, outputPadding, dilation, g, bias);
    }

    public ConvTranspose2d withBias(boolean b) {
        return new ConvTranspose2d(inChannels, outChannels, kernel, stride, padding, outputPadding, dilation, groups, b);
    }

    /** Expected weight shape c_i × (c_o/g) × k_h × k_w (note: input channels first, unlike Conv2d). */
    public int[] weightShape() {
        return new int[] {inChannels, outChannels / groups, kernel.h(), kernel.w()};
    }
}
