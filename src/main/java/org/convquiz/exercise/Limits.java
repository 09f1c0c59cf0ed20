package org.convquiz.exercise;

import java.util.Arrays;

/**
 * The sizes an exercise (and the public calculator) may ask for. A quiz is about arithmetic a student
 * does by hand, so these are generous for teaching and small for a server: a stored exercise that asks
 * for a 1000×1000 input, or a request with a dilation of 2³¹−1, is refused with a message instead of
 * costing minutes of CPU, gigabytes of memory or an overflow deep in the engine.
 */
public final class Limits {
    /** A parameter's values (range ends, choices). */
    public static final int MAX_PARAM = 100_000;
    /** Height and width of an input shape; channels and batch. */
    public static final int MAX_SIDE = 512;
    public static final int MAX_CHANNELS = 4096;
    public static final int MAX_BATCH = 64;
    /** Kernel size, stride, padding, dilation, output_padding of one layer. */
    public static final int MAX_HYPER = 1024;
    /** in/out_features of a linear layer (196,608 = 3×256×256 is a tutorial exercise). */
    public static final int MAX_FEATURES = 10_000_000;
    /** Layers in an exercise's model, and in one calculator request. */
    public static final int MAX_LAYERS = 64;
    /** Tensors with values are drawn on the page as matrices: sides and elements stay readable. */
    public static final int MAX_TENSOR_SIDE = 64;
    public static final int MAX_TENSOR_ELEMENTS = 4096;

    private Limits() {
    }

    /** An input shape ([h, w], [c, h, w] or [n, c, h, w], or [features] for a linear layer). */
    public static void inputShape(int[] shape, String name) {
        if (shape.length < 1 || shape.length > 4) {
            throw new IllegalArgumentException(name + " must have 1 to 4 dimensions ([h, w], [c, h, w] or [n, c, h, w]), got " + shape.length);
        }
        for (int i = 0; i < shape.length; i++) {
            int d = shape[i];
            if (d < 1) {
                throw new IllegalArgumentException(name + " dimension " + (i + 1) + " must be at least 1");
            }
            int max = shape.length == 1 ? MAX_FEATURES
                    : i >= shape.length - 2 ? MAX_SIDE
                    : i == shape.length - 3 ? MAX_CHANNELS : MAX_BATCH;
            if (d > max) {
                throw new IllegalArgumentException(name + " dimension " + (i + 1) + " is larger than the limit of " + max
                        + (max == MAX_SIDE ? " for height and width" : ""));
            }
        }
    }

    /** A tensor's shape, before anything is allocated for it. */
    public static void tensorShape(int[] shape, String name) {
        if (shape.length < 1 || shape.length > 4) {
            throw new IllegalArgumentException("tensor " + name + " must have 1 to 4 dimensions, got " + shape.length);
        }
        long elements = 1;
        for (int d : shape) {
            if (d < 1) {
                throw new IllegalArgumentException("tensor " + name + ": every dimension must be at least 1");
            }
            if (d > MAX_TENSOR_SIDE) {
                throw new IllegalArgumentException("tensor " + name + ": a dimension is larger than the limit of " + MAX_TENSOR_SIDE
                        + " (it is drawn on the page)");
            }
            elements *= d;
        }
        if (elements > MAX_TENSOR_ELEMENTS) {
            throw new IllegalArgumentException("tensor " + name + " has " + elements + " elements, more than the limit of "
                    + MAX_TENSOR_ELEMENTS + " (it is drawn on the page)");
        }
    }

    /** One hyperparameter of a layer, by its PyTorch name. */
    static void layerArgument(String key, int value) {
        int max = switch (key) {
            case "in_channels", "out_channels", "groups" -> MAX_CHANNELS;
            case "in_features", "out_features", "divisor_override" -> MAX_FEATURES;
            default -> MAX_HYPER;
        };
        if (Math.abs((long) value) > max) {
            throw new IllegalArgumentException(key + " is larger than the limit of " + max);
        }
    }

    static String describe(int[] shape) {
        return Arrays.toString(shape);
    }
}
