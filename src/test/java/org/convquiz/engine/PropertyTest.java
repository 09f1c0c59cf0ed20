package org.convquiz.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Algebraic properties and finite-difference gradient checks on random small shapes. */
class PropertyTest {
    static final double EPS = 1e-6;

    static Tensor rand(Random r, int... shape) {
        Tensor z = Tensor.zeros(shape);
        double[] d = new double[z.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = r.nextDouble() * 2 - 1;
        }
        return Tensor.of(shape, d);
    }

    static double dot(Tensor a, Tensor b) {
        double s = 0;
        double[] x = a.data();
        double[] y = b.data();
        for (int i = 0; i < x.length; i++) {
            s += x[i] * y[i];
        }
        return s;
    }

    static Tensor bump(Tensor t, int i, double h) {
        double[] d = t.data();
        d[i] += h;
        return Tensor.of(t.shape(), d);
    }

    /** Checks analytic ∂(g·f(t))/∂t against central differences at every element. */
    static void checkGrad(Tensor t, Tensor analytic, java.util.function.Function<Tensor, Tensor> f, Tensor g) {
        for (int i = 0; i < t.size(); i++) {
            double num = (dot(g, f.apply(bump(t, i, EPS))) - dot(g, f.apply(bump(t, i, -EPS)))) / (2 * EPS);
            assertEquals(num, analytic.data()[i], 1e-6 * Math.max(1, Math.abs(num)), "element " + i);
        }
    }

    static Conv2d conv(int ci, int co, int k, int s, int p, int d, int g, int mode) {
        int gg = (ci % g == 0 && co % g == 0) ? g : 1;
        Conv2d c = Conv2d.of(ci, co, Pair.of(k, Math.max(1, k - 1))).withDilation(Pair.of(d, 1)).withGroups(gg);
        PaddingMode m = PaddingMode.values()[mode];
        c = c.withPaddingMode(m).withPadding(Padding.perSide(p, Math.min(p, 1)));
        return c.withStride(Pair.of(s, 1));
    }

    @Property(tries = 40)
    void conv2dGradientsMatchFiniteDifferences(@ForAll @IntRange(min = 1, max = 2) int n, @ForAll @IntRange(min = 1, max = 4) int ci,
            @ForAll @IntRange(min = 1, max = 4) int co, @ForAll @IntRange(min = 1, max = 3) int k,
            @ForAll @IntRange(min = 1, max = 2) int s, @ForAll @IntRange(min = 0, max = 2) int p,
            @ForAll @IntRange(min = 1, max = 2) int d, @ForAll @IntRange(min = 1, max = 2) int g,
            @ForAll @IntRange(min = 0, max = 3) int mode, @ForAll long seed) {
        Random r = new Random(seed);
        Conv2d c = conv(ci, co, k, s, p, d, g, mode);
        int h = 5;
        int w = 4;
        Tensor x = rand(r, n, ci, h, w);
        Tensor wt = rand(r, c.weightShape());
        Tensor b = rand(r, co);
        Result<Tensor> y;
        try {
            y = Ops.conv2d(x, wt, b, c);
        } catch (EngineException e) {
            Assume.that(false); // e.g. reflect padding ≥ input size
            return;
        }
        Tensor gy = rand(r, y.value().shape());
        ConvGrads grads = Backward.conv2d(x, wt, gy, c);
        checkGrad(x, grads.gradInput(), t -> Ops.conv2d(t, wt, b, c).value(), gy);
        checkGrad(wt, grads.gradWeight(), t -> Ops.conv2d(x, t, b, c).value(), gy);
        checkGrad(b, grads.gradBias(), t -> Ops.conv2d(x, wt, t, c).value(), gy);
    }

    @Property(tries = 40)
    void avgPoolGradientMatchesFiniteDifferences(@ForAll @IntRange(min = 1, max = 3) int k, @ForAll @IntRange(min = 1, max = 3) int s,
            @ForAll @IntRange(min = 0, max = 1) int p, @ForAll boolean ceil, @ForAll boolean includePad, @ForAll long seed) {
        Assume.that(p <= k / 2);
        Random r = new Random(seed);
        Pool2d pool = Pool2d.avg(k).withStride(s).withPadding(p).withCeilMode(ceil).withCountIncludePad(includePad);
        Tensor x = rand(r, 2, 5, 6);
        Tensor gy = rand(r, Ops.avgPool2d(x, pool).output().shape());
        checkGrad(x, Backward.avgPool2d(x, gy, pool).value(), t -> Ops.avgPool2d(t, pool).output(), gy);
    }

    @Property(tries = 40)
    void maxPoolGradientMatchesFiniteDifferencesAwayFromTies(@ForAll @IntRange(min = 1, max = 3) int k,
            @ForAll @IntRange(min = 1, max = 3) int s, @ForAll @IntRange(min = 0, max = 1) int p,
            @ForAll @IntRange(min = 1, max = 2) int d, @ForAll boolean ceil, @ForAll long seed) {
        Assume.that(p <= k / 2);
        Random r = new Random(seed);
        Pool2d pool = Pool2d.max(k).withStride(s).withPadding(p).withDilation(Pair.of(d, d)).withCeilMode(ceil);
        // distinct values spaced far beyond EPS: no ties, so max pooling is differentiable here
        int h = 6;
        int w = 5;
        double[] v = new double[h * w];
        for (int i = 0; i < v.length; i++) {
            v[i] = i * 0.01;
        }
        for (int i = v.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            double tmp = v[i];
            v[i] = v[j];
            v[j] = tmp;
        }
        Tensor x = Tensor.of(new int[] {1, h, w}, v);
        Tensor gy;
        try {
            gy = rand(r, Ops.maxPool2d(x, pool).output().shape());
        } catch (EngineException e) {
            Assume.that(false);
            return;
        }
        checkGrad(x, Backward.maxPool2d(x, gy, pool).value(), t -> Ops.maxPool2d(t, pool).output(), gy);
    }

    @Property(tries = 50)
    void identityKernelIsANoOp(@ForAll @IntRange(min = 1, max = 3) int c, @ForAll @IntRange(min = 1, max = 7) int h,
            @ForAll @IntRange(min = 1, max = 7) int w, @ForAll @IntRange(min = 0, max = 2) int half, @ForAll long seed) {
        int k = 2 * half + 1;
        Random r = new Random(seed);
        Tensor x = rand(r, 1, c, h, w);
        double[] wt = new double[c * c * k * k];
        for (int o = 0; o < c; o++) {
            wt[((o * c + o) * k + half) * k + half] = 1; // centre tap of the diagonal
        }
        Conv2d conv = Conv2d.of(c, c, k).withPadding(half).withBias(false);
        assertEquals(x, Ops.conv2d(x, Tensor.of(conv.weightShape(), wt), null, conv).value());
    }

    @Property(tries = 50)
    void onePoolWithStrideOneIsANoOp(@ForAll @IntRange(min = 1, max = 6) int h, @ForAll @IntRange(min = 1, max = 6) int w,
            @ForAll long seed) {
        Tensor x = rand(new Random(seed), 2, h, w);
        assertEquals(x, Ops.maxPool2d(x, Pool2d.max(1).withStride(1)).output());
        assertEquals(x, Ops.avgPool2d(x, Pool2d.avg(1).withStride(1)).output());
    }

    @Property(tries = 50)
    void convolutionIsCorrelationWithFlippedKernel(@ForAll @IntRange(min = 1, max = 4) int kh,
            @ForAll @IntRange(min = 1, max = 4) int kw, @ForAll long seed) {
        Random r = new Random(seed);
        Tensor x = rand(r, 5, 6);
        Tensor k = rand(r, kh, kw);
        double[] kd = k.data();
        double[] f = new double[kd.length];
        for (int i = 0; i < kh; i++) {
            for (int j = 0; j < kw; j++) {
                f[i * kw + j] = kd[(kh - 1 - i) * kw + (kw - 1 - j)];
            }
        }
        assertEquals(Ops.correlate2d(x, Tensor.of(new int[] {kh, kw}, f)).value(), Ops.convolve2d(x, k).value());
    }

    @Property(tries = 40)
    void convIsLinearInItsInput(@ForAll @IntRange(min = 1, max = 3) int ci, @ForAll @IntRange(min = 1, max = 3) int co,
            @ForAll @IntRange(min = 1, max = 3) int k, @ForAll @IntRange(min = 1, max = 2) int s,
            @ForAll @IntRange(min = 0, max = 3) int mode, @ForAll long seed) {
        Random r = new Random(seed);
        Conv2d c = conv(ci, co, k, s, 1, 1, 1, mode).withBias(false);
        Tensor a = rand(r, 1, ci, 5, 5);
        Tensor b = rand(r, 1, ci, 5, 5);
        Tensor wt = rand(r, c.weightShape());
        double alpha = r.nextDouble() * 4 - 2;
        double beta = r.nextDouble() * 4 - 2;
        double[] comb = new double[a.size()];
        for (int i = 0; i < comb.length; i++) {
            comb[i] = alpha * a.data()[i] + beta * b.data()[i];
        }
        double[] lhs = Ops.conv2d(Tensor.of(a.shape(), comb), wt, null, c).value().data();
        double[] ya = Ops.conv2d(a, wt, null, c).value().data();
        double[] yb = Ops.conv2d(b, wt, null, c).value().data();
        for (int i = 0; i < lhs.length; i++) {
            assertEquals(alpha * ya[i] + beta * yb[i], lhs[i], 1e-10);
        }
    }

    @Property(tries = 50)
    void avgPoolGradientSumIsPreservedWhenWindowsTile(@ForAll @IntRange(min = 1, max = 3) int kh,
            @ForAll @IntRange(min = 1, max = 3) int kw, @ForAll @IntRange(min = 1, max = 3) int rows,
            @ForAll @IntRange(min = 1, max = 3) int cols, @ForAll long seed) {
        Random r = new Random(seed);
        Tensor x = rand(r, 2, kh * rows, kw * cols);
        Pool2d p = Pool2d.avg(Pair.of(kh, kw));
        Tensor gy = rand(r, 2, rows, cols);
        double in = 0;
        for (double v : gy.data()) {
            in += v;
        }
        double out = 0;
        for (double v : Backward.avgPool2d(x, gy, p).value().data()) {
            out += v;
        }
        assertEquals(in, out, 1e-10);
    }
}
