package org.convquiz.engine;

import java.util.List;

/** A computed value together with the derivation steps that explain it. */
public record Result<T>(T value, List<Step> steps) {
    public Result {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }
}
