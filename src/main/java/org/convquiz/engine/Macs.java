package org.convquiz.engine;

import java.util.List;

/**
 * Multiply-accumulate (MAC) counts of one forward pass, the figure torchvision's model tables and
 * ptflops/torchstat print (as "GFLOPS"/"MAdd"; one MAC is one multiplication and one addition). Biases,
 * ReLU, pooling, flatten and batch norm count 0, as in those tables:
 * <ul>
 * <li>{@code Conv2d}: every output element is a dot product of one (c_i/g) × k_h × k_w kernel with a window,
 * so MACs = N × c_o × H_out × W_out × (c_i/g) × k_h × k_w;</li>
 * <li>{@code ConvTranspose2d}: every input element is multiplied by one (c_o/g) × k_h × k_w slice of the
 * weight and added into the output, so MACs = N × c_i × H_in × W_in × (c_o/g) × k_h × k_w;</li>
 * <li>{@code Linear}: MACs = rows × in_features × out_features (rows = all leading dimensions, e.g. the batch).</li>
 * </ul>
 */
public final class Macs {
    private Macs() {
    }

    /** N × c_o × H_out × W_out × (c_i/g) × k_h × k_w, for the output shape of {@code c} on its input. */
    public static Result<Long> conv2d(Conv2d c, int[] outputShape) {
        long outs = elements(outputShape);
        long perOut = mul(mul(c.inChannels() / c.groups(), c.kernel().h()), c.kernel().w());
        long total = mul(outs, perOut);
        String ci = c.groups() == 1 ? String.valueOf(c.inChannels()) : "(" + c.inChannels() + "/" + c.groups() + ")";
        return new Result<>(total, List.of(new Step(
                Phrase.of("macs.conv", c.groups() == 1 ? "c_i" : "c_i/g"),
                "MACs = " + (outputShape.length == 4 ? "N × " : "") + "c_o × H_{out} × W_{out} × "
                        + (c.groups() == 1 ? "c_i" : "(c_i/g)") + " × k_h × k_w",
                "MACs = " + product(outputShape) + " × " + ci + " × " + c.kernel().h() + " × " + c.kernel().w(),
                Fmt.grouped(total))));
    }

    /** N × c_i × H_in × W_in × (c_o/g) × k_h × k_w, for the input shape of {@code c}. */
    public static Result<Long> convTranspose2d(ConvTranspose2d c, int[] inputShape) {
        long ins = elements(inputShape);
        long perIn = mul(mul(c.outChannels() / c.groups(), c.kernel().h()), c.kernel().w());
        long total = mul(ins, perIn);
        String co = c.groups() == 1 ? String.valueOf(c.outChannels()) : "(" + c.outChannels() + "/" + c.groups() + ")";
        return new Result<>(total, List.of(new Step(
                Phrase.of("macs.transpose", c.groups() == 1 ? "c_o" : "c_o/g"),
                "MACs = " + (inputShape.length == 4 ? "N × " : "") + "c_i × H_{in} × W_{in} × "
                        + (c.groups() == 1 ? "c_o" : "(c_o/g)") + " × k_h × k_w",
                "MACs = " + product(inputShape) + " × " + co + " × " + c.kernel().h() + " × " + c.kernel().w(),
                Fmt.grouped(total))));
    }

    /** rows × in_features × out_features, where rows are all dimensions of the input but the last. */
    public static Result<Long> linear(int[] inputShape, int in, int out) {
        long rows = 1;
        for (int i = 0; i < inputShape.length - 1; i++) {
            rows = mul(rows, inputShape[i]);
        }
        long total = mul(mul(rows, in), out);
        return new Result<>(total, List.of(new Step(
                Phrase.of(rows > 1 ? "macs.linear.rows" : "macs.linear", rows),
                "MACs = " + (rows > 1 ? "rows × " : "") + "n_{in} × n_{out}",
                "MACs = " + (rows > 1 ? rows + " × " : "") + in + " × " + out, Fmt.grouped(total))));
    }

    /** Layers that only compare, copy or rescale (pooling, ReLU, flatten, batch norm) count 0; {@code what} names the layer. */
    public static Result<Long> none(Phrase what) {
        return new Result<>(0L, List.of(new Step(Phrase.of("macs.none", what), "MACs = 0", "MACs = 0", "0")));
    }

    static long elements(int[] shape) {
        long n = 1;
        for (int d : shape) {
            n = mul(n, d);
        }
        return n;
    }

    private static String product(int[] shape) {
        StringBuilder b = new StringBuilder();
        for (int d : shape) {
            b.append(b.length() > 0 ? " × " : "").append(d);
        }
        return b.toString();
    }

    static long add(long a, long b) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException e) {
            throw EngineException.tooLarge("multiply-accumulate count overflows a 64-bit integer (" + a + " + " + b + ")");
        }
    }

    static long mul(long a, long b) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            throw EngineException.tooLarge("multiply-accumulate count overflows a 64-bit integer (" + a + " × " + b + ")");
        }
    }
}
