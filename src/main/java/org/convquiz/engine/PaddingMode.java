package org.convquiz.engine;

/** How padded positions are filled, as {@code padding_mode} of {@code nn.Conv2d}. */
public enum PaddingMode {
    /** Padded positions are 0. */
    ZEROS,
    /** Mirror without repeating the edge: x[−i] = x[i]; needs padding &lt; input size. */
    REFLECT,
    /** Repeat the edge value: x[−i] = x[0]. */
    REPLICATE,
    /** Wrap around: x[−i] = x[n − i]; needs padding ≤ input size. */
    CIRCULAR
}
