package org.convquiz.mastery;

/**
 * The concepts of the tutorial (cnn-basics), one per idea a student can master: cross-correlation (section 1),
 * padding and stride (section 4, which also carries the output-size formula), channels and the 1×1 convolution
 * (section 5), convolution versus fully connected layers (section 6), pooling and its backward pass (section 7),
 * and receptive fields (section 3). Listed in the tutorial's order; {@link #id()} is what the database stores.
 */
public enum Concept {
    CROSS_CORRELATION,
    RECEPTIVE_FIELD,
    PADDING,
    STRIDE,
    CHANNELS,
    ONE_BY_ONE,
    CONV_VS_FC,
    POOLING,
    POOLING_BACKWARD;

    /** The stored name: {@code cross-correlation}, {@code one-by-one}… (also the message key suffix). */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public static java.util.Optional<Concept> parse(String id) {
        for (Concept c : values()) {
            if (c.id().equals(id)) {
                return java.util.Optional.of(c);
            }
        }
        return java.util.Optional.empty();
    }
}
