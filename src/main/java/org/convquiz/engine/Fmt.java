package org.convquiz.engine;

import java.math.BigDecimal;
import java.util.Locale;

/** Number and shape formatting shared by messages and steps (U+2212 minus, × between dimensions). */
final class Fmt {
    private Fmt() {
    }

    static final char MINUS = '\u2212';

    static String num(long v) {
        return v < 0 ? MINUS + Long.toString(-v) : Long.toString(v);
    }

    /** Integral doubles print without ".0" so "19" matches the tutorial; others print exactly. */
    static String num(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : MINUS + "∞";
        }
        if (v == 0) {
            return "0"; // also for −0.0: a student should not see a signed zero
        }
        String s;
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            s = Long.toString((long) Math.abs(v));
        } else {
            s = BigDecimal.valueOf(Math.abs(v)).stripTrailingZeros().toPlainString();
            if (s.length() > 24) {
                s = Double.toString(Math.abs(v));
            }
        }
        return v < 0 ? MINUS + s : s;
    }

    /** A factor inside a product: negative numbers get parentheses so "2·(−1)" stays readable. */
    static String factor(double v) {
        String s = num(v);
        return s.charAt(0) == MINUS ? "(" + s + ")" : s;
    }

    static String grouped(long v) {
        return String.format(Locale.US, "%,d", v);
    }

    static String shape(int... dims) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < dims.length; i++) {
            if (i > 0) {
                sb.append('×');
            }
            sb.append(num(dims[i]));
        }
        return sb.toString();
    }

    static String pair(int h, int w) {
        return num(h) + "×" + num(w);
    }

    /** "a + b" or "a − b" with a proper minus sign for a negative second operand. */
    static String plus(String a, long b) {
        return b < 0 ? a + " − " + (-b) : a + " + " + b;
    }

    static String matrix(double[] data, int offset, int rows, int cols) {
        StringBuilder sb = new StringBuilder("[");
        for (int r = 0; r < rows; r++) {
            if (r > 0) {
                sb.append(", ");
            }
            sb.append('[');
            for (int c = 0; c < cols; c++) {
                if (c > 0) {
                    sb.append(", ");
                }
                sb.append(num(data[offset + r * cols + c]));
            }
            sb.append(']');
        }
        return sb.append(']').toString();
    }
}
