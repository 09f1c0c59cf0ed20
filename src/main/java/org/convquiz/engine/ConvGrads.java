package org.convquiz.engine;

import java.util.List;

/**
 * Gradients of a conv2d layer given ∂L/∂Y.
 *
 * @param gradInput  ∂L/∂X, same shape as the input
 * @param gradWeight ∂L/∂K, same shape as the weight
 * @param gradBias   ∂L/∂b of length c_o, or {@code null} when the layer has no bias
 * @param steps      derivation steps
 */
public record ConvGrads(Tensor gradInput, Tensor gradWeight, Tensor gradBias, List<Step> steps) {
    public ConvGrads {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }
}
