package org.convquiz.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** PyTorch edge cases that students (and naive implementations) get wrong. */
class EdgeCaseTest {

    @ParameterizedTest(name = "ceil_mode i={0} k={1} s={2} p={3} → {4}")
    @CsvSource({"6,1,2,0,3", "5,2,2,1,3", "6,3,2,1,4", "32,8,4,0,7", "9,4,4,2,3"})
    void ceilModeOutputSizes(int i, int k, int s, int p, int expected) {
        Result<Integer> r = Shapes.poolOutputSize(i, k, s, p, 1, true);
        assertEquals(expected, r.value());
        assertEquals(String.valueOf(expected), r.steps().get(r.steps().size() - 1).value());
    }

    @Test
    void ceilModeDropStepExplainsWhy() {
        Result<Integer> r = Shapes.poolOutputSize(5, 2, 2, 1, 1, true);
        Step drop = r.steps().get(1);
        assertEquals("(4 − 1)×2 ≥ 5 + 1", drop.substituted());
        assertEquals("3", drop.value());
        assertEquals(3, Shapes.poolOutputSize(6, 3, 2, 1, 1, false).value());
    }

    @Test
    void maxPoolTiesKeepFirstMaximum() {
        Tensor x = Tensor.matrix(new double[][] {{1, 3, 3}, {3, 0, 3}});
        PoolResult r = Ops.maxPool2d(x, Pool2d.max(2).withStride(1));
        // both windows' first maximum is the 3 at (0,1); the later 3s never win
        assertEquals(Tensor.matrix(new double[][] {{1, 1}}), r.indices());
        Tensor gx = Backward.maxPool2d(x, Tensor.matrix(new double[][] {{1, 10}}), Pool2d.max(2).withStride(1)).value();
        assertEquals(Tensor.matrix(new double[][] {{0, 11, 0}, {0, 0, 0}}), gx);
    }

    @Test
    void maxPoolNaNWins() {
        Tensor x = Tensor.matrix(new double[][] {{1, Double.NaN, 5}, {Double.NaN, 9, 2}});
        PoolResult r = Ops.maxPool2d(x, Pool2d.max(2).withStride(1));
        assertTrue(Double.isNaN(r.output().get(0, 0)));
        assertTrue(Double.isNaN(r.output().get(0, 1)));
        assertEquals(3.0, r.indices().get(0, 0), "PyTorch keeps the last NaN's index");
        assertEquals(1.0, r.indices().get(0, 1));
    }

    @Test
    void maxPoolPaddingNeverWins() {
        Tensor x = Tensor.matrix(new double[][] {{-5, -6}, {-7, -8}});
        PoolResult r = Ops.maxPool2d(x, Pool2d.max(3).withStride(1).withPadding(1));
        assertEquals(Tensor.matrix(new double[][] {{-5, -5}, {-5, -5}}), r.output());
    }

    @Test
    void avgPoolDivisors() {
        Tensor x = Tensor.matrix(new double[][] {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}});
        Pool2d p = Pool2d.avg(2).withStride(2).withPadding(1);
        // window (0,0) covers one input value and three padded zeros
        assertEquals(0.25, Ops.avgPool2d(x, p).output().get(0, 0), 1e-15);
        assertEquals(1.0, Ops.avgPool2d(x, p.withCountIncludePad(false)).output().get(0, 0), 1e-15);
        assertEquals(0.5, Ops.avgPool2d(x, p.withDivisorOverride(2)).output().get(0, 0), 1e-15);
        // ceil overhang: 3×3 input, k2 s2 no padding, ceil → 2×2; the last window has one row/col beyond
        // the input and that overhang is never counted, even with count_include_pad
        Pool2d c = Pool2d.avg(2).withCeilMode(true);
        Tensor y = Ops.avgPool2d(x, c).output();
        assertEquals(Tensor.matrix(new double[][] {{3, 4.5}, {7.5, 9}}), y);
        assertEquals(y, Ops.avgPool2d(x, c.withCountIncludePad(false)).output());
        // with padding 1 and ceil, count_include_pad counts the padding but not the overhang
        Pool2d cp = Pool2d.avg(2).withPadding(1).withCeilMode(true);
        assertArrayEquals(new int[] {2, 2}, Ops.avgPool2d(x, cp).output().shape());
        assertEquals((5 + 6 + 8 + 9) / 4.0, Ops.avgPool2d(x, cp).output().get(1, 1), 1e-15);
    }

    @Test
    void sameWithEvenKernelPadsBottomRight() {
        Conv2d c = Conv2d.of(1, 1, Pair.of(4, 2)).withPadding(Padding.same()).withBias(false);
        assertArrayEquals(new int[] {1, 2, 0, 1}, c.padAmounts(), "{top, bottom, left, right}");
        assertArrayEquals(new int[] {1, 5, 6}, Shapes.conv2d(new int[] {1, 5, 6}, c).value());
        // kernel picking the top-left tap: with top padding 1, output (r,c) reads input (r − 1, c)
        double[] w = new double[8];
        w[0] = 1;
        Tensor y = Ops.conv2d(Tensor.arange(1, 5, 6), Tensor.of(new int[] {1, 1, 4, 2}, w), null, c).value();
        assertEquals(0.0, y.get(0, 0, 3));
        assertEquals(3.0, y.get(0, 1, 3));
        assertArrayEquals(new int[] {0, 0, 0, 0}, Padding.valid().resolve(Pair.of(3), Pair.of(1)));
        assertArrayEquals(new int[] {2, 2, 2, 2}, Padding.same().resolve(Pair.of(3), Pair.of(2)));
    }

    @Test
    void totalPaddingSplitsFloorCeil() {
        Padding.Explicit p = Padding.total(3, 4);
        assertEquals(List.of(1, 2, 2, 2), List.of(p.top(), p.bottom(), p.left(), p.right()));
        assertEquals(p.convention(), Padding.Convention.TOTAL);
        assertArrayEquals(new int[] {1, 6, 7}, Shapes.conv2d(new int[] {1, 5, 5}, Conv2d.of(1, 1, 3).withPadding(p)).value());
    }

    @Test
    void groupsAndDepthwise() {
        // depthwise: each channel has its own kernel, channels do not mix
        Tensor x = Tensor.arange(3, 3, 3);
        Tensor w = Tensor.of(new int[] {3, 1, 1, 1}, 1, 10, 100);
        Tensor y = Ops.conv2d(x, w, null, Conv2d.of(3, 3, 1).withGroups(3).withBias(false)).value();
        assertEquals(x.get(1, 2, 2) * 10, y.get(1, 2, 2));
        assertEquals(x.get(2, 0, 1) * 100, y.get(2, 0, 1));
        assertEquals(3L * 1 * 3 * 3 + 3, Params.conv2d(Conv2d.of(3, 3, 3).withGroups(3)).value());
        // groups=2 with 4→2: output 0 sees only input channels 0–1
        Tensor w2 = Tensor.of(new int[] {2, 2, 1, 1}, 1, 1, 1, 1);
        Tensor y2 = Ops.conv2d(Tensor.arange(4, 1, 1), w2, null, Conv2d.of(4, 2, 1).withGroups(2).withBias(false)).value();
        assertEquals(Tensor.of(new int[] {2, 1, 1}, 0 + 1, 2 + 3), y2);
    }

    @Test
    void stepsAreLimitedForLargeOutputs() {
        Result<Tensor> r = Ops.conv2d(Tensor.zeros(1, 20, 20), Tensor.zeros(1, 1, 3, 3), null, Conv2d.of(1, 1, 3).withBias(false));
        assertTrue(r.steps().size() < 10, "big outputs get a summary step, not one per element");
        assertTrue(r.steps().get(r.steps().size() - 1).value().contains("324"));
    }

    @Test
    void stride1FastPathAndStridedPathAgreeWithTheDefinition() {
        // The stride-1 kernel is a separate fast path; both it and the strided path are checked against
        // the definition y[n,o,i,j] = Σ_c Σ_a Σ_b x_pad[n, c, i·s_h + a·d_h, j·s_w + b·d_w] · w[o, c, a, b],
        // written out here with plain loops (zero padding 1, dilation (2, 1), kernel 3×2).
        Tensor x = Tensor.arange(2, 3, 7, 6);
        Tensor w = Tensor.arange(4, 3, 3, 2);
        Conv2d c = Conv2d.of(3, 4, Pair.of(3, 2)).withPadding(1).withDilation(Pair.of(2, 1)).withBias(false);
        for (int s : new int[] {1, 2}) {
            Tensor y = Ops.conv2d(x, w, null, c.withStride(s)).value();
            int oh = (7 + 2 - 2 * (3 - 1) - 1) / s + 1;
            int ow = (6 + 2 - 1 * (2 - 1) - 1) / s + 1;
            assertArrayEquals(new int[] {2, 4, oh, ow}, y.shape(), "stride " + s);
            for (int n = 0; n < 2; n++) {
                for (int o = 0; o < 4; o++) {
                    for (int i = 0; i < oh; i++) {
                        for (int j = 0; j < ow; j++) {
                            double sum = 0;
                            for (int ch = 0; ch < 3; ch++) {
                                for (int a = 0; a < 3; a++) {
                                    for (int b = 0; b < 2; b++) {
                                        int r = i * s + a * 2 - 1;
                                        int q = j * s + b - 1;
                                        if (r >= 0 && r < 7 && q >= 0 && q < 6) {
                                            sum += x.get(n, ch, r, q) * w.get(o, ch, a, b);
                                        }
                                    }
                                }
                            }
                            assertEquals(sum, y.get(n, o, i, j), 1e-9, "stride " + s + " at " + n + "," + o + "," + i + "," + j);
                        }
                    }
                }
            }
        }
    }

    @Test
    void tensorBasics() {
        Tensor t = Tensor.arange(2, 3);
        assertEquals(List.of(List.of(0.0, 1.0, 2.0), List.of(3.0, 4.0, 5.0)), t.toNested());
        assertEquals(t, Tensor.fromNested(t.toNested()));
        assertEquals(t, Tensor.fromNested(new int[][] {{0, 1, 2}, {3, 4, 5}}));
        assertEquals(t.hashCode(), Tensor.fromNested(t.toNested()).hashCode());
        assertEquals(5.0, t.get(1, 2));
        assertEquals("3×2", t.reshape(3, 2).shapeString());
        double[] d = t.data();
        d[0] = 99;
        assertEquals(0.0, t.get(0, 0), "data() is a copy");
        assertEquals(2, t.rank());
        assertEquals(6, t.size());
        assertEquals("Tensor[2×3] [[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]]", t.toString());
        assertArrayEquals(new int[] {2, 12}, Shapes.flatten(new int[] {2, 3, 2, 2}).value());
        assertArrayEquals(new int[] {12}, Ops.flatten(Tensor.zeros(3, 2, 2)).value().shape());
    }

    /**
     * A layer without groups is written as beginners know it (c_i), a grouped one with c_i/g: Conv2d(4, 6, 3) has
     * 6 × 4 × 3 × 3 + 6 = 222 parameters; with groups=2, 6 × (4/2) × 3 × 3 + 6 = 114 (worked by hand).
     */
    @Test
    void stepsSayGroupsOnlyForGroupedLayers() {
        Result<Long> plain = Params.conv2d(Conv2d.of(4, 6, 3));
        assertEquals(222L, plain.value());
        Step p = plain.steps().get(0);
        assertEquals("params = c_o × c_i × k_h × k_w + c_o", p.formula());
        assertTrue(p.en().contains(" c_i × k_h") && !p.en().contains("/g") && !p.zh().contains("/g"), p.en() + " / " + p.zh());
        Result<Long> grouped = Params.conv2d(Conv2d.of(4, 6, 3).withGroups(2));
        assertEquals(114L, grouped.value());
        Step g = grouped.steps().get(0);
        assertEquals("params = c_o × (c_i/g) × k_h × k_w + c_o", g.formula());
        assertTrue(g.en().contains("c_i/g") && g.zh().contains("c_i/g"), g.en() + " / " + g.zh());
        String channels = Shapes.conv2d(new int[] {4, 8, 8}, Conv2d.of(4, 6, 3)).steps().stream()
                .filter(st -> st.formula().startsWith("c_{out}")).findFirst().orElseThrow().en();
        assertTrue(channels.contains("one c_i × k_h × k_w kernel"), channels);
    }
}
