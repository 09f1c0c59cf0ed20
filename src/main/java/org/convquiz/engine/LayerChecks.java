package org.convquiz.engine;

/**
 * PyTorch's preconditions on layer hyper-parameters, written once for Conv2d, ConvTranspose2d and Pool2d; each
 * message names the parameter and the value that broke it.
 */
final class LayerChecks {
    private LayerChecks() {
    }

    /** in_channels, out_channels and groups positive, and groups divides both channel counts. */
    static void channels(int inChannels, int outChannels, int groups) {
        if (inChannels <= 0) {
            throw EngineException.invalid("in_channels must be positive, got " + Fmt.num(inChannels));
        }
        if (outChannels <= 0) {
            throw EngineException.invalid("out_channels must be positive, got " + Fmt.num(outChannels));
        }
        if (groups <= 0) {
            throw EngineException.invalid("groups must be positive, got " + Fmt.num(groups));
        }
        if (inChannels % groups != 0) {
            throw EngineException.invalid("groups=" + groups + " must divide in_channels=" + inChannels);
        }
        if (outChannels % groups != 0) {
            throw EngineException.invalid("groups=" + groups + " must divide out_channels=" + outChannels);
        }
    }

    /** Kernel, stride and dilation positive on both axes. */
    static void window(Pair kernel, Pair stride, Pair dilation) {
        if (!kernel.allPositive()) {
            throw EngineException.invalid("kernel size must be positive, got " + kernel);
        }
        stride(stride);
        if (!dilation.allPositive()) {
            throw EngineException.invalid("dilation must be positive, got " + firstNonPositive(dilation));
        }
    }

    static void stride(Pair stride) {
        if (stride == null || !stride.allPositive()) {
            throw EngineException.invalid("stride must be positive, got " + (stride == null ? "null" : firstNonPositive(stride)));
        }
    }

    /** A padding pair, non-negative on both axes; {@code what} names it ("padding", "pool padding", "output_padding"). */
    static void nonNegative(String what, Pair padding) {
        if (padding.h() < 0 || padding.w() < 0) {
            throw EngineException.invalid(what + " must be non-negative, got " + padding);
        }
    }

    private static String firstNonPositive(Pair p) {
        return Fmt.num(p.h() <= 0 ? p.h() : p.w());
    }
}
