package org.convquiz.engine;

import java.util.List;

/** One row of a torchsummary-like table. */
public record LayerSummary(String name, int[] outputShape, long params, ReceptiveField rfH, ReceptiveField rfW,
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
