package org.convquiz.engine;

/** A layer of a sequential network for {@link Network#summarize}. */
public sealed interface Layer permits Layer.Conv, Layer.ConvTranspose, Layer.Pool, Layer.Linear, Layer.Flatten, Layer.ReLU {

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
}
