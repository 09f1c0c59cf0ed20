package org.convquiz.engine;

/**
 * Spatial padding of a convolution.
 *
 * <p>Two conventions exist and students confuse them: PyTorch's {@code padding=p} adds p rows on
 * EACH side (2p in total), while the tutorial's p_h (sections 4.1–4.2) is the TOTAL number of rows
 * over both sides. {@link #perSide} and {@link #total} build the same {@link Explicit} record but
 * remember the convention so that derivation steps use the formula the student was taught.
 */
public sealed interface Padding permits Padding.Explicit, Padding.Same, Padding.Valid {

    /** Which convention a padding was stated in; only affects how steps are written. */
    enum Convention { PER_SIDE, TOTAL }

    /**
     * Explicit per-side padding amounts.
     *
     * @param convention how the student stated it (PER_SIDE = PyTorch p, TOTAL = tutorial p_h)
     */
    record Explicit(int top, int bottom, int left, int right, Convention convention) implements Padding {
        public Explicit {
            if (top < 0 || bottom < 0 || left < 0 || right < 0) {
                throw EngineException.invalid("padding must be non-negative, got top " + Fmt.num(top) + ", bottom "
                        + Fmt.num(bottom) + ", left " + Fmt.num(left) + ", right " + Fmt.num(right));
            }
            if (convention == null) {
                convention = Convention.PER_SIDE;
            }
        }

        public Explicit(int top, int bottom, int left, int right) {
            this(top, bottom, left, right, Convention.PER_SIDE);
        }

        /** Tutorial's total padding over both sides of the height, p_h = top + bottom. */
        public int totalH() {
            return top + bottom;
        }

        public int totalW() {
            return left + right;
        }
    }

    /** PyTorch {@code padding='same'}: total d(k − 1), the odd extra row/column goes bottom/right. */
    record Same() implements Padding {
    }

    /** PyTorch {@code padding='valid'}: no padding. */
    record Valid() implements Padding {
    }

    /** PyTorch convention: {@code ph} rows on each of top and bottom, {@code pw} columns on each of left and right. */
    static Explicit perSide(int ph, int pw) {
        checkNonNegative(ph, pw);
        return new Explicit(ph, ph, pw, pw, Convention.PER_SIDE);
    }

    static Explicit perSide(int p) {
        return perSide(p, p);
    }

    /**
     * Tutorial convention: {@code ph} rows in total, split top = ⌊p_h/2⌋, bottom = ⌈p_h/2⌉ (and the
     * same for the width), which matches PyTorch's 'same' split of an odd total.
     */
    static Explicit total(int ph, int pw) {
        checkNonNegative(ph, pw);
        return new Explicit(ph / 2, ph - ph / 2, pw / 2, pw - pw / 2, Convention.TOTAL);
    }

    static Same same() {
        return new Same();
    }

    static Valid valid() {
        return new Valid();
    }

    private static void checkNonNegative(int ph, int pw) {
        if (ph < 0 || pw < 0) {
            throw EngineException.invalid("padding must be non-negative, got " + Fmt.pair(ph, pw));
        }
    }

    /**
     * Resolves to {top, bottom, left, right} for a kernel; 'same' pads d(k − 1) in total with
     * ⌊total/2⌋ before and the rest after, exactly like PyTorch's {@code _conv_forward}.
     */
    default int[] resolve(Pair kernel, Pair dilation) {
        if (this instanceof Explicit e) {
            return new int[] {e.top(), e.bottom(), e.left(), e.right()};
        }
        if (this instanceof Same) {
            int th = dilation.h() * (kernel.h() - 1);
            int tw = dilation.w() * (kernel.w() - 1);
            return new int[] {th / 2, th - th / 2, tw / 2, tw - tw / 2};
        }
        return new int[] {0, 0, 0, 0};
    }

    /** Human-readable description used in steps. */
    default String describe() {
        if (this instanceof Explicit e) {
            if (e.convention() == Convention.TOTAL) {
                return "tutorial total padding p_h=" + e.totalH() + ", p_w=" + e.totalW();
            }
            if (e.top() == e.bottom() && e.left() == e.right()) {
                return "PyTorch padding=" + (e.top() == e.left() ? "" + e.top() : "(" + e.top() + ", " + e.left() + ")")
                        + " on each side";
            }
            return "padding top " + e.top() + ", bottom " + e.bottom() + ", left " + e.left() + ", right " + e.right();
        }
        return this instanceof Same ? "padding='same'" : "padding='valid'";
    }
}
