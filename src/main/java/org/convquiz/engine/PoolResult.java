package org.convquiz.engine;

import java.util.List;

/**
 * Output of a pooling forward pass.
 *
 * @param output  pooled tensor (same leading dimensions as the input)
 * @param indices for max pooling, the argmax of each window flattened per plane as h·W + w (PyTorch's
 *                {@code return_indices}); {@code null} for average pooling
 * @param steps   derivation steps
 */
public record PoolResult(Tensor output, Tensor indices, List<Step> steps) {
    public PoolResult {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }
}
