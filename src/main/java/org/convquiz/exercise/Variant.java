package org.convquiz.exercise;

import java.util.Map;
import org.convquiz.engine.Tensor;

/** One student's numbers for an exercise: the parameter values and concrete tensors drawn for a seed. */
public record Variant(long seed, Map<String, Integer> params, Map<String, Tensor> tensors) {
    public Variant {
        params = Map.copyOf(params);
        tensors = Map.copyOf(tensors);
    }

    /** Seed 0 is the variant "as in the tutorial" (the file's pinned values). */
    public static final long PINNED = 0L;

    public boolean isPinned() {
        return seed == PINNED;
    }
}
