package org.convquiz.engine;

import java.util.List;

/** A layer of a sequential network for {@link Network#summarize}. */
public sealed interface Layer permits Layer.Conv, Layer.ConvTranspose, Layer.Pool, Layer.Linear, Layer.Flatten, Layer.ReLU,
        Layer.BatchNorm, Layer.Residual {

    record Conv(Conv2d conv) implements Layer {
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
    }
}
