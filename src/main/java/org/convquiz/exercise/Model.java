package org.convquiz.exercise;

import java.util.List;
import java.util.Map;
import org.convquiz.engine.Conv2d;
import org.convquiz.engine.ConvTranspose2d;
import org.convquiz.engine.Pool2d;
import org.convquiz.engine.Tensor;

/**
 * An exercise's model with a variant's numbers filled in: the input (values or only a shape), the
 * output gradient if any, the layers as engine objects, and the parameter values they came from.
 */
public record Model(int[] inputShape, Tensor input, Tensor gradOutput, List<Layer> layers, Map<String, Integer> params) {

    /** A layer of the model in the engine's terms. */
    public sealed interface Layer {
        /** The tutorial's 2-D cross-correlation of an HW input with an HW kernel; flipped = true convolution. */
        record Correlate(Tensor kernel, boolean flipped) implements Layer {
        }

        /** nn.Conv2d, with weight and bias values when the exercise asks about output values. */
        record Conv(Conv2d conv, Tensor weight, Tensor bias) implements Layer {
        }

        record Pool(Pool2d pool) implements Layer {
        }

        /** nn.ConvTranspose2d (shapes, parameters and multiply-accumulates only). */
        record ConvTranspose(ConvTranspose2d conv) implements Layer {
        }

        /** A residual block: main path and shortcut (empty = identity) applied to the same input and added. */
        record Residual(List<Layer> main, List<Layer> shortcut) implements Layer {
            public Residual {
                main = List.copyOf(main);
                shortcut = List.copyOf(shortcut);
            }
        }

        record Linear(int inFeatures, int outFeatures, boolean bias) implements Layer {
        }

        record Flatten() implements Layer {
        }

        record Relu() implements Layer {
        }
    }

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
