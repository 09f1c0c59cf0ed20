package org.convquiz.engine;

import java.util.Arrays;

/**
 * Hot loops of conv2d. No steps, no allocation per element. The stride-1 path computes outputs on the
 * padded-width grid so that, for a fixed (channel, i, j), the input window of a block of outputs is
 * one contiguous slice: the inner loop is a plain a[q] += w·x[q + off] which C2 auto-vectorises, and
 * a block of OB output channels × QB positions stays in L1 while each input slice is reused OB times.
 */
final class ConvKernels {
    private ConvKernels() {
    }

    private static final int OB = 8;
    private static final int QB = 512;

    static double[] forward(ConvPlan p, double[] x, double[] w, double[] b) {
        double[] out = new double[p.n * p.co * p.oh * p.ow];
        if (p.sh == 1 && p.sw == 1) {
            // slack: the flat trick reads up to (k_w − 1)·d_w past the last padded plane
            stride1(p, p.padded(x, (p.kw - 1) * p.dw), w, out);
        } else {
            generic(p, p.padded(x, 0), w, out);
        }
        if (b != null) {
            int plane = p.oh * p.ow;
            for (int n = 0; n < p.n; n++) {
                for (int oc = 0; oc < p.co; oc++) {
                    int base = (n * p.co + oc) * plane;
                    double bv = b[oc];
                    for (int q = 0; q < plane; q++) {
                        out[base + q] += bv;
                    }
                }
            }
        }
        return out;
    }

    private static void stride1(ConvPlan p, double[] xp, double[] w, double[] out) {
        int hpwp = p.hp * p.wp;
        int len = p.oh * p.wp; // outputs on the padded-width grid; columns ≥ ow are discarded
        int kk = p.kh * p.kw;
        double[] acc = new double[OB * QB];
        for (int n = 0; n < p.n; n++) {
            for (int g = 0; g < p.groups; g++) {
                for (int o0 = 0; o0 < p.cog; o0 += OB) {
                    int ob = Math.min(OB, p.cog - o0);
                    for (int q0 = 0; q0 < len; q0 += QB) {
                        int ql = Math.min(QB, len - q0);
                        Arrays.fill(acc, 0.0);
                        for (int k = 0; k < p.cig; k++) {
                            int base = (n * p.c + g * p.cig + k) * hpwp + q0;
                            for (int i = 0; i < p.kh; i++) {
                                for (int j = 0; j < p.kw; j++) {
                                    int off = base + i * p.dh * p.wp + j * p.dw;
                                    int wi = ((g * p.cog + o0) * p.cig + k) * kk + i * p.kw + j;
                                    for (int o = 0; o < ob; o++) {
                                        axpy(acc, o * QB, w[wi + o * p.cig * kk], xp, off, ql);
                                    }
                                }
                            }
                        }
                        for (int o = 0; o < ob; o++) {
                            int outBase = (n * p.co + g * p.cog + o0 + o) * p.oh * p.ow;
                            int a0 = o * QB;
                            int q = q0;
                            int end = q0 + ql;
                            int r = q / p.wp;
                            int cc = q - r * p.wp;
                            while (q < end) {
                                int run = Math.min(end - q, p.wp - cc);
                                int keep = Math.min(run, Math.max(0, p.ow - cc));
                                if (keep > 0) {
                                    System.arraycopy(acc, a0 + q - q0, out, outBase + r * p.ow + cc, keep);
                                }
                                q += run;
                                r++;
                                cc = 0;
                            }
                        }
                    }
                }
            }
        }
    }

    /** a[ao + q] += s·x[xo + q]: kept tiny and separate so C2 vectorises it. */
    private static void axpy(double[] a, int ao, double s, double[] x, int xo, int len) {
        for (int q = 0; q < len; q++) {
            a[ao + q] += s * x[xo + q];
        }
    }

    private static void generic(ConvPlan p, double[] xp, double[] w, double[] out) {
        for (int n = 0; n < p.n; n++) {
            for (int oc = 0; oc < p.co; oc++) {
                int g = oc / p.cog;
                int outBase = (n * p.co + oc) * p.oh * p.ow;
                for (int k = 0; k < p.cig; k++) {
                    int xBase = (n * p.c + g * p.cig + k) * p.hp * p.wp;
                    for (int i = 0; i < p.kh; i++) {
                        for (int j = 0; j < p.kw; j++) {
                            double wv = w[((oc * p.cig + k) * p.kh + i) * p.kw + j];
                            for (int r = 0; r < p.oh; r++) {
                                int row = xBase + (r * p.sh + i * p.dh) * p.wp + j * p.dw;
                                int o = outBase + r * p.ow;
                                for (int cc = 0; cc < p.ow; cc++) {
                                    out[o + cc] += wv * xp[row + cc * p.sw];
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * Backward pass. With G = ∂L/∂Y:
     * ∂L/∂b[o] = Σ_{n,r,c} G[n,o,r,c];
     * ∂L/∂K[o,k,i,j] = Σ_{n,r,c} G[n,o,r,c]·X_p[n,k,r·s_h + i·d_h,c·s_w + j·d_w];
     * ∂L/∂X_p[n,k,r·s_h + i·d_h,c·s_w + j·d_w] += G[n,o,r,c]·K[o,k,i,j], then each padded position's
     * gradient is added to the input position it was copied from (none for zero padding).
     * Returns {gradInput, gradWeight, gradBias}.
     */
    static double[][] backward(ConvPlan p, double[] x, double[] w, double[] gy) {
        double[] xp = p.padded(x, 0);
        double[] gxp = new double[xp.length];
        double[] gw = new double[w.length];
        double[] gb = new double[p.co];
        int plane = p.oh * p.ow;
        for (int n = 0; n < p.n; n++) {
            for (int oc = 0; oc < p.co; oc++) {
                int gBase = (n * p.co + oc) * plane;
                double s = 0;
                for (int q = 0; q < plane; q++) {
                    s += gy[gBase + q];
                }
                gb[oc] += s;
                int g = oc / p.cog;
                for (int k = 0; k < p.cig; k++) {
                    int xBase = (n * p.c + g * p.cig + k) * p.hp * p.wp;
                    for (int i = 0; i < p.kh; i++) {
                        for (int j = 0; j < p.kw; j++) {
                            int wi = ((oc * p.cig + k) * p.kh + i) * p.kw + j;
                            double wv = w[wi];
                            double acc = 0;
                            for (int r = 0; r < p.oh; r++) {
                                int row = xBase + (r * p.sh + i * p.dh) * p.wp + j * p.dw;
                                int go = gBase + r * p.ow;
                                for (int cc = 0; cc < p.ow; cc++) {
                                    double gv = gy[go + cc];
                                    int xi = row + cc * p.sw;
                                    acc += gv * xp[xi];
                                    gxp[xi] += gv * wv;
                                }
                            }
                            gw[wi] += acc;
                        }
                    }
                }
            }
        }
        double[] gx = new double[p.n * p.c * p.h * p.w];
        for (int pl = 0; pl < p.n * p.c; pl++) {
            for (int i = 0; i < p.hp; i++) {
                int sr = p.rowMap[i];
                if (sr < 0) {
                    continue;
                }
                for (int j = 0; j < p.wp; j++) {
                    int sc = p.colMap[j];
                    if (sc >= 0) {
                        gx[(pl * p.h + sr) * p.w + sc] += gxp[(pl * p.hp + i) * p.wp + j];
                    }
                }
            }
        }
        return new double[][] {gx, gw, gb};
    }
}
