package org.convquiz.engine;

import java.util.List;

/** Result of {@link Network#summarize}: per-layer rows, the total parameter count and its derivation. */
public record Summary(List<LayerSummary> layers, long totalParams, List<Step> steps) {
    public Summary {
        layers = List.copyOf(layers);
        steps = steps == null ? List.of() : List.copyOf(steps);
    }
}
