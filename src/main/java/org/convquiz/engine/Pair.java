package org.convquiz.engine;

/** A (height, width) pair of hyper-parameters, like PyTorch's {@code _pair}. */
public record Pair(int h, int w) {
    public static Pair of(int v) {
        return new Pair(v, v);
    }

    public static Pair of(int h, int w) {
        return new Pair(h, w);
    }

    boolean allPositive() {
        return h > 0 && w > 0;
    }

    /** "3×5", or "3" when both sides agree (how PyTorch users write it). */
    String text() {
        return Fmt.pair(h, w);
    }

    @Override
    public String toString() {
        return Fmt.num(h) + "×" + Fmt.num(w);
    }
}
