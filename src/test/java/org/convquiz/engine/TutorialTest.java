package org.convquiz.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every worked number of the tutorial (cnn-basics.zh.txt, figures described in README.md). */
class TutorialTest {
    static final Tensor X = Tensor.matrix(new double[][] {{0, 1, 2}, {3, 4, 5}, {6, 7, 8}});
    static final Tensor K = Tensor.matrix(new double[][] {{0, 1}, {2, 3}});

    static Tensor m(double[]... rows) {
        return Tensor.matrix(rows);
    }

    @Test
    void fig1Correlation() {
        Result<Tensor> r = Ops.correlate2d(X, K);
        assertEquals(m(new double[] {19, 25}, new double[] {37, 43}), r.value());
        Step first = r.steps().stream().filter(s -> s.formula().startsWith("Y[0,0]")).findFirst().orElseThrow();
        assertEquals("Y[0,0] = Σ X[i,j]·K[i,j]", first.formula());
        assertEquals("0·0 + 1·1 + 3·2 + 4·3", first.substituted());
        assertEquals("19", first.value());
    }

    @Test
    void fig2Padding() {
        Tensor padded = Ops.pad2d(X, Padding.perSide(1, 1), PaddingMode.ZEROS).value();
        assertEquals("5×5", padded.shapeString());
        Tensor y = Ops.correlate2d(padded, K).value();
        assertEquals(m(new double[] {0, 3, 8, 4}, new double[] {9, 19, 25, 10}, new double[] {21, 37, 43, 16},
                new double[] {6, 7, 8, 0}), y);
        // the same through conv2d, with the tutorial's total padding p_h = 2 stated explicitly
        Conv2d c = Conv2d.of(1, 1, 2).withBias(false).withPadding(Padding.total(2, 2));
        Tensor y2 = Ops.conv2d(X.reshape(1, 3, 3), K.reshape(1, 1, 2, 2), null, c).value();
        assertEquals(y.reshape(1, 4, 4), y2);
    }

    @Test
    void fig3Stride() {
        Conv2d c = Conv2d.of(1, 1, 2).withBias(false).withPadding(1).withStride(Pair.of(3, 2));
        Tensor y = Ops.conv2d(X.reshape(1, 3, 3), K.reshape(1, 1, 2, 2), null, c).value();
        assertEquals(m(new double[] {0, 8}, new double[] {6, 8}).reshape(1, 2, 2), y);
    }

    @Test
    void fig4TwoInputChannels() {
        Tensor x = Tensor.of(new int[] {2, 3, 3}, 0, 1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        Tensor k = Tensor.of(new int[] {1, 2, 2, 2}, 0, 1, 2, 3, 1, 2, 3, 4);
        Result<Tensor> r = Ops.conv2d(x, k, null, Conv2d.of(2, 1, 2).withBias(false));
        assertEquals(Tensor.of(new int[] {1, 2, 2}, 56, 72, 104, 120), r.value());
        Step s = r.steps().stream().filter(st -> st.formula().startsWith("Y[0,0,0]")).findFirst().orElseThrow();
        assertEquals("0·0 + 1·1 + 3·2 + 4·3 + 1·1 + 2·2 + 4·3 + 5·4", s.substituted());
        assertEquals("56", s.value());
    }

    @Test
    void fig5OneByOneConvIsLinearOverChannels() {
        Tensor x = Tensor.arange(3, 2, 4);
        Tensor w = Tensor.of(new int[] {2, 3, 1, 1}, 1, -2, 3, 0.5, 0, -1);
        Tensor y = Ops.conv2d(x, w, null, Conv2d.of(3, 2, 1).withBias(false)).value();
        assertArrayEquals(new int[] {2, 2, 4}, y.shape(), "1×1 conv keeps height and width");
        Tensor wl = w.reshape(2, 3);
        for (int r = 0; r < 2; r++) {
            for (int c = 0; c < 4; c++) {
                Tensor pixel = Tensor.of(new int[] {3}, x.get(0, r, c), x.get(1, r, c), x.get(2, r, c));
                Tensor lin = Ops.linear(pixel, wl, null).value();
                assertEquals(lin.get(0), y.get(0, r, c), 1e-12);
                assertEquals(lin.get(1), y.get(1, r, c), 1e-12);
            }
        }
    }

    @Test
    void fig6Pooling() {
        Pool2d max = Pool2d.max(2).withStride(1);
        assertEquals(m(new double[] {4, 5}, new double[] {7, 8}), Ops.maxPool2d(X, max).output());
        assertEquals(m(new double[] {2, 3}, new double[] {5, 6}), Ops.avgPool2d(X, Pool2d.avg(2).withStride(1)).output());
        Step s = Ops.maxPool2d(X, max).steps().stream().filter(st -> st.formula().startsWith("Y[0,0]")).findFirst().orElseThrow();
        assertEquals("max(0, 1, 3, 4)", s.substituted());
        assertEquals("4", s.value());
    }

    @Test
    void fig7MeanPoolBackwardSplitsEvenly() {
        // 4×4 input, 2×2 mean pooling: 4 gradients become 16, each a quarter, total unchanged
        Tensor x = Tensor.arange(4, 4);
        Tensor g = m(new double[] {1, 2}, new double[] {3, 4});
        Tensor gx = Backward.avgPool2d(x, g, Pool2d.avg(2)).value();
        assertEquals(m(new double[] {0.25, 0.25, 0.5, 0.5}, new double[] {0.25, 0.25, 0.5, 0.5},
                new double[] {0.75, 0.75, 1, 1}, new double[] {0.75, 0.75, 1, 1}), gx);
        assertEquals(10.0, sum(gx), 1e-12);
    }

    @Test
    void fig8MaxPoolBackwardRoutesToMaxId() {
        Tensor x = m(new double[] {1, 5, 2, 0}, new double[] {3, 4, 8, 1}, new double[] {0, 9, 1, 2}, new double[] {6, 2, 7, 3});
        Tensor g = m(new double[] {0.1, 0.2}, new double[] {0.3, 0.4});
        PoolResult fwd = Ops.maxPool2d(x, Pool2d.max(2));
        assertEquals(m(new double[] {1, 6}, new double[] {9, 14}), fwd.indices());
        Tensor gx = Backward.maxPool2d(x, g, Pool2d.max(2)).value();
        assertEquals(m(new double[] {0, 0.1, 0, 0}, new double[] {0, 0, 0.2, 0}, new double[] {0, 0.3, 0, 0},
                new double[] {0, 0, 0.4, 0}), gx);
        // overlapping windows (stride 1): the centre 9 is the max of all four windows, gradients add
        Tensor x2 = m(new double[] {1, 2, 3}, new double[] {4, 9, 5}, new double[] {6, 7, 8});
        Tensor gx2 = Backward.maxPool2d(x2, m(new double[] {1, 2}, new double[] {3, 4}), Pool2d.max(2).withStride(1)).value();
        assertEquals(10.0, gx2.get(1, 1));
        assertEquals(10.0, sum(gx2));
    }

    @Test
    void nnConv2dExample() {
        Conv2d c = Conv2d.of(2, 3, Pair.of(3, 5)).withPadding(Padding.perSide(1, 2));
        assertArrayEquals(new int[] {4, 3, 3, 5}, Shapes.conv2d(new int[] {4, 2, 3, 5}, c).value());
        assertArrayEquals(new int[] {3, 2, 3, 5}, c.weightShape());
        assertEquals(93L, Params.conv2d(c).value());
        assertEquals(90L, Params.conv2d(c.withBias(false)).value());
        Tensor y = Ops.conv2d(Tensor.zeros(4, 2, 3, 5), Tensor.zeros(3, 2, 3, 5), Tensor.zeros(3), c).value();
        assertEquals("4×3×3×5", y.shapeString());
    }

    @Test
    void maxPoolExample() {
        Pool2d p = Pool2d.max(3).withPadding(1).withStride(Pair.of(2, 1));
        PoolResult r = Ops.maxPool2d(Tensor.arange(1, 2, 4, 4), p);
        assertEquals(Tensor.of(new int[] {1, 2, 2, 4}, 5, 6, 7, 7, 13, 14, 15, 15, 21, 22, 23, 23, 29, 30, 31, 31), r.output());
        assertEquals(Tensor.fromNested(List.of(List.of(List.of(List.of(5, 6, 7, 7), List.of(13, 14, 15, 15)),
                List.of(List.of(21, 22, 23, 23), List.of(29, 30, 31, 31))))), r.output());
    }

    @Test
    void exercise1FullyConnectedParams() {
        assertEquals(196_609_000L, Params.linear(3L * 256 * 256, 1000, true).value());
        Result<Long> fc = Params.fullyConnected(3, 256, 256, 1000, 1, 1, true);
        assertEquals(196_609_000L, fc.value());
        assertEquals("196609000", fc.steps().get(0).value());
    }

    @Test
    void exercise2ConvParams() {
        Result<Long> r = Params.conv2d(Conv2d.of(3, 10, 3));
        assertEquals(280L, r.value());
        assertEquals("params = 10 × 3 × 3 × 3 + 10", r.steps().get(0).substituted());
    }

    @Test
    void exercise3OutputShape() {
        Result<int[]> r = Shapes.conv2d(new int[] {3, 100, 100}, Conv2d.of(3, 4, 3).withPadding(2));
        assertArrayEquals(new int[] {4, 102, 102}, r.value());
        Step h = r.steps().stream().filter(s -> s.formula().startsWith("H_{out}")).findFirst().orElseThrow();
        assertEquals("H_{out} = ⌊(n_h + 2p − d(k − 1) − 1)/s⌋ + 1", h.formula());
        assertEquals("H_{out} = ⌊(100 + 2×2 − 1×(3 − 1) − 1)/1⌋ + 1", h.substituted());
        assertEquals("102", h.value());
        assertTrue(h.en().contains("EACH side"), h.en());
        // the same layer stated in the tutorial's total-padding convention (4 rows in total)
        Result<int[]> t = Shapes.conv2d(new int[] {3, 100, 100}, Conv2d.of(3, 4, 3).withPadding(Padding.total(4, 4)));
        assertArrayEquals(new int[] {4, 102, 102}, t.value());
        Step th = t.steps().stream().filter(s -> s.formula().startsWith("H_{out}")).findFirst().orElseThrow();
        assertEquals("H_{out} = ⌊(n_h + p_h − k_h + s_h)/s_h⌋", th.formula());
        assertEquals("H_{out} = ⌊(100 + 4 − 3 + 1)/1⌋", th.substituted());
        assertTrue(th.en().contains("TOTAL"), th.en());
    }

    @Test
    void twoStacked3x3ConvsSeeA5x5Field() {
        Summary s = Network.summarize(new int[] {1, 5, 5},
                List.of(new Layer.Conv(Conv2d.of(1, 1, 3)), new Layer.Conv(Conv2d.of(1, 1, 3))));
        LayerSummary last = s.layers().get(1);
        assertEquals(5, last.rfH().size());
        assertEquals(5, last.rfW().size());
        assertArrayEquals(new int[] {1, 1, 1}, last.outputShape());
        assertEquals(3, s.layers().get(0).rfH().size());
        assertEquals(20L, s.totalParams());
        // a single 5×5 conv: same field, same 1×1 output (exercise 4 D)
        Summary one = Network.summarize(new int[] {1, 5, 5}, List.of(new Layer.Conv(Conv2d.of(1, 1, 5))));
        assertEquals(5, one.layers().get(0).rfH().size());
    }

    @Test
    void poolingHasNoParamsAndKeepsChannels() {
        Summary s = Network.summarize(new int[] {1, 3, 8, 8}, List.of(new Layer.Pool(Pool2d.max(2)), new Layer.ReLU()));
        assertEquals(0L, s.totalParams());
        assertArrayEquals(new int[] {1, 3, 4, 4}, s.layers().get(0).outputShape());
        assertEquals(0L, Params.pool2d(Pool2d.avg(2)).value());
    }

    @Test
    void convolutionFlipsTheKernel() {
        Result<Tensor> r = Ops.convolve2d(X, K);
        assertEquals(m(new double[] {5, 11}, new double[] {23, 29}), r.value());
        assertEquals("[[3, 2], [1, 0]]", r.steps().get(0).value());
    }

    static double sum(Tensor t) {
        double s = 0;
        for (double v : t.data()) {
            s += v;
        }
        return s;
    }
}
