package org.convquiz.engine;

import java.util.ArrayList;
import java.util.List;

/** Pooling loops shared by the forward ops and the backward passes, mirroring PyTorch's CPU kernels. */
final class PoolKernels {
    private PoolKernels() {
    }

    /**
     * First in-input index of a window starting at {@code start} (may be negative) with dilation d:
     * PyTorch skips padded positions in steps of d.
     */
    private static int firstInside(int start, int d) {
        int s = start;
        while (s < 0) {
            s += d;
        }
        return s;
    }

    static void maxForward(double[] x, int planes, int h, int w, Pool2d p, int oh, int ow, double[] out, double[] idx) {
        int kh = p.kernel().h();
        int kw = p.kernel().w();
        int sh = p.stride().h();
        int sw = p.stride().w();
        int ph = p.padding().h();
        int pw = p.padding().w();
        int dh = p.dilation().h();
        int dw = p.dilation().w();
        for (int pl = 0; pl < planes; pl++) {
            int xb = pl * h * w;
            int ob = pl * oh * ow;
            for (int r = 0; r < oh; r++) {
                int hs = r * sh - ph;
                int h0 = firstInside(hs, dh);
                int h1 = Math.min(hs + (kh - 1) * dh + 1, h);
                for (int c = 0; c < ow; c++) {
                    int ws = c * sw - pw;
                    int w0 = firstInside(ws, dw);
                    int w1 = Math.min(ws + (kw - 1) * dw + 1, w);
                    double m = Double.NEGATIVE_INFINITY;
                    int mi = h0 * w + w0;
                    for (int y = h0; y < h1; y += dh) {
                        for (int xx = w0; xx < w1; xx += dw) {
                            double v = x[xb + y * w + xx];
                            // strict > keeps the first maximum on ties; NaN always wins, as in PyTorch
                            if (v > m || Double.isNaN(v)) {
                                m = v;
                                mi = y * w + xx;
                            }
                        }
                    }
                    out[ob + r * ow + c] = m;
                    idx[ob + r * ow + c] = mi;
                }
            }
        }
    }

    /**
     * Avg-pool window of output (r, c) as {h0, h1, w0, w1, divisor} with [h0, h1) × [w0, w1) clipped to
     * the input. Divisor as in PyTorch: override; else count_include_pad → the window clipped to the
     * padded input (ceil-mode overhang excluded); else the clipped window's size.
     */
    static int[] avgWindow(int r, int c, int h, int w, Pool2d p) {
        int h0 = r * p.stride().h() - p.padding().h();
        int w0 = c * p.stride().w() - p.padding().w();
        int h1 = Math.min(h0 + p.kernel().h(), h + p.padding().h());
        int w1 = Math.min(w0 + p.kernel().w(), w + p.padding().w());
        int poolSize = (h1 - h0) * (w1 - w0);
        h0 = Math.max(h0, 0);
        w0 = Math.max(w0, 0);
        h1 = Math.min(h1, h);
        w1 = Math.min(w1, w);
        int div;
        if (p.divisorOverride() != null) {
            div = p.divisorOverride();
        } else if (p.countIncludePad()) {
            div = poolSize;
        } else {
            div = Math.max(0, h1 - h0) * Math.max(0, w1 - w0);
        }
        return new int[] {h0, h1, w0, w1, div};
    }

    static void avgForward(double[] x, int planes, int h, int w, Pool2d p, int oh, int ow, double[] out) {
        for (int r = 0; r < oh; r++) {
            for (int c = 0; c < ow; c++) {
                int[] win = avgWindow(r, c, h, w, p);
                boolean empty = win[0] >= win[1] || win[2] >= win[3];
                for (int pl = 0; pl < planes; pl++) {
                    if (empty) {
                        continue; // PyTorch writes 0 for a window with no input positions
                    }
                    int xb = pl * h * w;
                    double s = 0;
                    for (int y = win[0]; y < win[1]; y++) {
                        for (int xx = win[2]; xx < win[3]; xx++) {
                            s += x[xb + y * w + xx];
                        }
                    }
                    out[pl * oh * ow + r * ow + c] = s / win[4];
                }
            }
        }
    }

    /** Per-element steps for small pooling outputs; {@code idx} non-null means max pooling. */
    static List<Step> steps(double[] x, int planes, int h, int w, Pool2d p, int oh, int ow, double[] out, double[] idx, int rank) {
        List<Step> steps = new ArrayList<>();
        boolean max = idx != null;
        for (int pl = 0; pl < planes; pl++) {
            for (int r = 0; r < oh; r++) {
                for (int c = 0; c < ow; c++) {
                    String lhs = "Y[" + (rank > 2 ? pl + "," : "") + r + "," + c + "]";
                    double v = out[pl * oh * ow + r * ow + c];
                    List<String> vals = new ArrayList<>();
                    if (max) {
                        int hs = r * p.stride().h() - p.padding().h();
                        int ws = c * p.stride().w() - p.padding().w();
                        int h1 = Math.min(hs + (p.kernel().h() - 1) * p.dilation().h() + 1, h);
                        int w1 = Math.min(ws + (p.kernel().w() - 1) * p.dilation().w() + 1, w);
                        for (int y = firstInside(hs, p.dilation().h()); y < h1; y += p.dilation().h()) {
                            for (int xx = firstInside(ws, p.dilation().w()); xx < w1; xx += p.dilation().w()) {
                                vals.add(Fmt.num(x[pl * h * w + y * w + xx]));
                            }
                        }
                        int mi = (int) idx[pl * oh * ow + r * ow + c];
                        steps.add(new Step(Phrase.of(rank > 2 ? "pool.max.element.plane" : "pool.max.element", r, c, mi, mi / w, mi % w, pl),
                                lhs + " = max X[" + Ops.offset(r * p.stride().h(), p.dilation().h(), "i") + (hs - r * p.stride().h() == 0 ? "" : " − " + p.padding().h())
                                        + "," + Ops.offset(c * p.stride().w(), p.dilation().w(), "j") + (p.padding().w() == 0 ? "" : " − " + p.padding().w()) + "]",
                                "max(" + String.join(", ", vals) + ")", Fmt.num(v)));
                    } else {
                        int[] win = avgWindow(r, c, h, w, p);
                        for (int y = win[0]; y < win[1]; y++) {
                            for (int xx = win[2]; xx < win[3]; xx++) {
                                vals.add(Fmt.factor(x[pl * h * w + y * w + xx]));
                            }
                        }
                        Phrase why = Phrase.of(p.divisorOverride() != null ? "pool.avg.divisor.override"
                                : p.countIncludePad() ? "pool.avg.divisor.padded" : "pool.avg.divisor.inside");
                        steps.add(new Step(Phrase.of(rank > 2 ? "pool.avg.element.plane" : "pool.avg.element", r, c, win[4], why, pl),
                                lhs + " = (Σ X[i,j])/D",
                                vals.isEmpty() ? "0" : "(" + String.join(" + ", vals) + ")/" + win[4], Fmt.num(v)));
                    }
                }
            }
        }
        return steps;
    }
}
