package org.convquiz.engine;

import java.util.List;

/**
 * Result of {@link Network#summarize}: per-layer rows, the total parameter and multiply-accumulate
 * counts and their derivation.
 */
public record Summary(List<LayerSummary> layers, long totalParams, long totalMacs, List<Step> steps) {
    public Summary {
        layers = List.copyOf(layers);
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    /** The last layer's output shape. */
    public int[] outputShape() {
        return layers.get(layers.size() - 1).outputShape();
    }
}
