package org.convquiz.exercise;

import java.util.List;
import org.convquiz.engine.Layer;
import org.convquiz.engine.Pair;

/**
 * What kind of windowed layer a variant has, as bits (stored per exercise version and seed for the statistics):
 * a stride above 1, padding above 0, {@code ceil_mode}, and overlapping windows (a stride smaller than the
 * kernel in some direction). A model with several layers has a feature if any layer has it.
 */
public final class VariantFeatures {
    public static final int STRIDE = 1;
    public static final int PADDING = 2;
    public static final int CEIL_MODE = 4;
    public static final int OVERLAP = 8;

    /** The features in bit order, by the names the statistics use. */
    public static final List<String> NAMES = List.of("stride", "padding", "ceil_mode", "overlap");

    private VariantFeatures() {
    }

    public static int of(Model model) {
        int bits = 0;
        for (Layer layer : model.layers()) {
            if (layer instanceof Layer.Conv c) {
                bits |= window(c.conv().kernel(), c.conv().stride());
                for (int p : c.conv().padAmounts()) {
                    bits |= p > 0 ? PADDING : 0;
                }
            } else if (layer instanceof Layer.Pool p) {
                bits |= window(p.pool().kernel(), p.pool().stride());
                bits |= p.pool().padding().h() > 0 || p.pool().padding().w() > 0 ? PADDING : 0;
                bits |= p.pool().ceilMode() ? CEIL_MODE : 0;
            } else if (layer instanceof Layer.Correlate c) {
                // the tutorial's cross-correlation: stride 1, so windows overlap when the kernel is wider than 1
                int rank = c.kernel().rank();
                int kh = rank >= 2 ? c.kernel().dim(rank - 2) : 1;
                int kw = c.kernel().dim(rank - 1);
                bits |= window(Pair.of(kh, kw), Pair.of(1));
            }
        }
        return bits;
    }

    private static int window(Pair kernel, Pair stride) {
        int bits = stride.h() > 1 || stride.w() > 1 ? STRIDE : 0;
        return bits | (stride.h() < kernel.h() || stride.w() < kernel.w() ? OVERLAP : 0);
    }
}
