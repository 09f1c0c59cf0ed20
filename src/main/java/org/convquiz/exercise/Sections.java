package org.convquiz.exercise;

import java.util.List;

/**
 * The tutorial's sections in its own order (cnn-basics: 1 cross-correlation, 3 feature maps and receptive
 * fields, 4 padding and stride, 5 channels and 1×1 convolution, 6 conv vs fully connected, 7 pooling with its
 * backward pass, then the exercises at the end). Quizzes are listed in this order unless an instructor
 * reorders them.
 */
public final class Sections {
    public static final List<String> ORDER = List.of("cross-correlation", "receptive-field", "padding-stride", "channels",
            "conv-vs-fc", "pooling", "pooling-backward", "exercises");

    private Sections() {
    }

    /** The section's place in the tutorial; sections it does not know come after all of them. */
    public static int rank(String section) {
        int i = section == null ? -1 : ORDER.indexOf(section);
        return i < 0 ? ORDER.size() : i;
    }
}
