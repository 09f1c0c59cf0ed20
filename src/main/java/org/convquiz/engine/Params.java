package org.convquiz.engine;

import java.util.List;

/** Learnable parameter counts. Pooling, ReLU and flatten have none. */
public final class Params {
    private Params() {
    }

    /** Conv layer: c_o × (c_i/g) × k_h × k_w weights, plus c_o biases if bias. */
    public static Result<Long> conv2d(Conv2d c) {
        if (c == null) {
            throw EngineException.invalid("conv2d parameters must not be null");
        }
        long w = mul(mul(mul(c.outChannels(), c.inChannels() / c.groups()), c.kernel().h()), c.kernel().w());
        long total = w + (c.bias() ? c.outChannels() : 0);
        String g = c.groups() == 1 ? "" : "/" + c.groups();
        return new Result<>(total, List.of(new Step(
                // a layer without groups says c_i, as beginners know it; a grouped one c_i/g
                Phrase.of(c.bias() ? "params.conv.bias" : "params.conv", g.isEmpty() ? "c_i" : "c_i/g"),
                "params = c_o × " + (g.isEmpty() ? "c_i" : "(c_i/g)") + " × k_h × k_w" + (c.bias() ? " + c_o" : ""),
                "params = " + c.outChannels() + " × " + (g.isEmpty() ? c.inChannels() : "(" + c.inChannels() + g + ")") + " × "
                        + c.kernel().h() + " × " + c.kernel().w() + (c.bias() ? " + " + c.outChannels() : ""),
                Fmt.num(total))));
    }

    /** Transposed conv layer: c_i × (c_o/g) × k_h × k_w weights, plus c_o biases if bias. */
    public static Result<Long> convTranspose2d(ConvTranspose2d c) {
        if (c == null) {
            throw EngineException.invalid("conv_transpose2d parameters must not be null");
        }
        long w = mul(mul(mul(c.inChannels(), c.outChannels() / c.groups()), c.kernel().h()), c.kernel().w());
        long total = w + (c.bias() ? c.outChannels() : 0);
        return new Result<>(total, List.of(new Step(Phrase.of("params.transpose"),
                "params = c_i × " + (c.groups() == 1 ? "c_o" : "(c_o/g)") + " × k_h × k_w" + (c.bias() ? " + c_o" : ""),
                "params = " + c.inChannels() + " × " + (c.outChannels() / c.groups()) + " × " + c.kernel().h() + " × "
                        + c.kernel().w() + (c.bias() ? " + " + c.outChannels() : ""),
                Fmt.num(total))));
    }

    /** Fully connected layer: in × out weights, plus out biases if bias. */
    public static Result<Long> linear(long in, long out, boolean bias) {
        if (in <= 0 || out <= 0) {
            throw EngineException.invalid("linear features must be positive, got in_features=" + Fmt.num(in)
                    + ", out_features=" + Fmt.num(out));
        }
        long total = mul(in, out) + (bias ? out : 0);
        return new Result<>(total, List.of(new Step(Phrase.of(bias ? "params.linear.bias" : "params.linear"),
                "params = n_{in} × n_{out}" + (bias ? " + n_{out}" : ""),
                "params = " + in + " × " + out + (bias ? " + " + out : ""), Fmt.num(total))));
    }

    /**
     * The tutorial's fully connected layer between a c1×h1×w1 input and a c2×h2×w2 output:
     * c1 × c2 × h1 × w1 × h2 × w2 weights (+ c2·h2·w2 biases).
     */
    public static Result<Long> fullyConnected(int c1, int h1, int w1, int c2, int h2, int w2, boolean bias) {
        if (c1 <= 0 || h1 <= 0 || w1 <= 0 || c2 <= 0 || h2 <= 0 || w2 <= 0) {
            throw EngineException.invalid("shapes must be positive, got input " + Fmt.shape(c1, h1, w1) + " and output "
                    + Fmt.shape(c2, h2, w2));
        }
        long outN = mul(mul(c2, h2), w2);
        long total = mul(mul(mul(mul(mul(c1, c2), h1), w1), h2), w2) + (bias ? outN : 0);
        return new Result<>(total, List.of(new Step(
                Phrase.of("params.dense"),
                "params = c_1 × c_2 × h_1 × w_1 × h_2 × w_2" + (bias ? " + c_2·h_2·w_2" : ""),
                "params = " + c1 + " × " + c2 + " × " + h1 + " × " + w1 + " × " + h2 + " × " + w2
                        + (bias ? " + " + c2 + "·" + h2 + "·" + w2 : ""),
                Fmt.num(total))));
    }

    /** Pooling layers have no learnable parameters. */
    public static Result<Long> pool2d(Pool2d p) {
        return new Result<>(0L, List.of(new Step(Phrase.of("params.pool"), "params = 0", "params = 0", "0")));
    }

    private static long mul(long a, long b) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            throw EngineException.tooLarge("parameter count overflows a 64-bit integer (" + a + " × " + b + ")");
        }
    }
}
