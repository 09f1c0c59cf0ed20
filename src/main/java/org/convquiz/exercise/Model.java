package org.convquiz.exercise;

import java.util.List;
import java.util.Map;
import org.convquiz.engine.Layer;
import org.convquiz.engine.Tensor;

/**
 * An exercise's model with a variant's numbers filled in: the input (values or only a shape), the
 * output gradient if any, the layers as the engine's {@link Layer}s, and the parameter values they came from.
 */
public record Model(int[] inputShape, Tensor input, Tensor gradOutput, List<Layer> layers, Map<String, Integer> params) {

    public Model {
        layers = List.copyOf(layers);
        params = params == null ? Map.of() : Map.copyOf(params);
    }

    public Model withLayers(List<Layer> newLayers) {
        return new Model(inputShape, input, gradOutput, newLayers, params);
    }

    /** The same layers on another input shape (no values). */
    public Model withInputShape(int[] shape) {
        return new Model(shape, null, null, layers, params);
    }
}
