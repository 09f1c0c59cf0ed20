package org.convquiz.engine;

import java.util.List;

/**
 * One row of a torchsummary-like table: the layer's name, its output shape, learnable parameters,
 * multiply-accumulates of one forward pass ({@link Macs}), the receptive field after it and the derivation.
 */
public record LayerSummary(String name, int[] outputShape, long params, long macs, ReceptiveField rfH, ReceptiveField rfW,
        List<Step> steps) {
    public LayerSummary {
        outputShape = outputShape.clone();
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    @Override
    public int[] outputShape() {
        return outputShape.clone();
    }

    public String outputShapeString() {
        return Fmt.shape(outputShape);
    }
}
