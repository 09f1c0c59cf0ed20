package org.convquiz.engine;

import java.util.List;

/**
 * A layer of a sequential network: what {@link Network} walks for shapes, parameters and receptive fields, and what
 * exercises' models are made of (with values where an exercise asks for output values).
 */
public sealed interface Layer permits Layer.Correlate, Layer.Conv, Layer.ConvTranspose, Layer.Pool, Layer.Linear, Layer.Flatten,
        Layer.ReLU, Layer.BatchNorm, Layer.Residual {

    /**
     * The tutorial's 2-D cross-correlation of an H×W input with an H×W kernel (flipped = true convolution): a
     * one-channel conv2d without bias, stride 1 and no padding.
     */
    record Correlate(Tensor kernel, boolean flipped) implements Layer {
        public Correlate {
            if (kernel == null || kernel.rank() != 2) {
                throw EngineException.invalid("correlate2d needs an H×W kernel");
            }
        }

        /** The same arithmetic as a conv2d layer. */
        public Conv2d asConv() {
            return Conv2d.of(1, 1, Pair.of(kernel.dim(0), kernel.dim(1))).withBias(false);
        }
    }

    /** nn.Conv2d, with weight and bias values (null when only shapes and counts are asked). */
    record Conv(Conv2d conv, Tensor weight, Tensor bias) implements Layer {
        public Conv(Conv2d conv) {
            this(conv, null, null);
        }

        /** The same values with other hyper-parameters. */
        public Conv with(Conv2d changed) {
            return new Conv(changed, weight, bias);
        }
    }

    record ConvTranspose(ConvTranspose2d conv) implements Layer {
    }

    record Pool(Pool2d pool) implements Layer {
    }

    record Linear(int in, int out, boolean bias) implements Layer {
    }

    record Flatten() implements Layer {
    }

    record ReLU() implements Layer {
    }

    /**
     * {@code nn.BatchNorm2d(features)}: shape unchanged, 2 × features learnable parameters (γ and β; the
     * running mean and variance are buffers, not parameters), 0 multiply-accumulates (at inference it folds
     * into the convolution before it).
     */
    record BatchNorm(int features) implements Layer {
        public BatchNorm {
            if (features <= 0) {
                throw EngineException.invalid("num_features must be positive, got " + Fmt.num(features));
            }
        }
    }

    /**
     * A residual block: the input goes through {@code main} and through {@code shortcut} (empty = the
     * identity), and the two outputs are added, so they must have the same shape. ResNet's basic block is
     * main = conv3×3(stride s)–BN–ReLU–conv3×3–BN and, when the shape changes, shortcut = conv1×1(stride s)–BN
     * (the "projection"). The ReLU after the addition is a separate layer.
     */
    record Residual(String name, List<Layer> main, List<Layer> shortcut) implements Layer {
        public Residual {
            if (main == null || main.isEmpty()) {
                throw EngineException.invalid("a residual block needs at least one layer on its main path");
            }
            name = name == null || name.isBlank() ? "Residual" : name;
            main = List.copyOf(main);
            shortcut = shortcut == null ? List.of() : List.copyOf(shortcut);
        }

        /** The main path's layers, then the shortcut's. */
        public List<Layer> layers() {
            List<Layer> all = new java.util.ArrayList<>(main);
            all.addAll(shortcut);
            return all;
        }
    }
}
