package org.convquiz.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The engine's formulas with a named mistake switched on give the wrong answers a student making it writes. Every
 * expected number is worked by hand below (the tutorial's formulas: out = ⌊(n + 2p − k)/s⌋ + 1 in PyTorch's per-side
 * convention, ⌊(n_h + p_h − k_h + s_h)/s_h⌋ with the tutorial's total padding), not computed by the code under test.
 */
class MistakeTest {
    /** 8×8 input, 3×3 kernel, padding 1, stride 2: ⌊(8 + 2 − 3)/2⌋ + 1 = ⌊7/2⌋ + 1 = 4. */
    static final List<Layer> STRIDED = List.of(new Layer.Conv(Conv2d.of(1, 1, 3).withPadding(1).withStride(2)));
    static final int[] IMAGE = {1, 8, 8};

    static int[] shape(List<Layer> layers, Mistake mistake) {
        return Network.outputShape(IMAGE, layers, mistake).value();
    }

    static List<Layer> misread(List<Layer> layers, Mistake mistake) {
        return layers.stream().map(l -> mistake.misreadings(l).isEmpty() ? l : mistake.misreadings(l).get(0)).toList();
    }

    @Test
    void theRightShapeIsTheReference() {
        assertArrayEquals(new int[] {1, 4, 4}, shape(STRIDED, null));
        assertArrayEquals(new int[] {1, 4, 4}, Network.summarize(IMAGE, STRIDED).outputShape());
    }

    @Test
    void forgettingThePlusOneDropsTheFirstWindow() {
        // ⌊7/2⌋ = 3
        assertArrayEquals(new int[] {1, 3, 3}, shape(STRIDED, Mistake.FORGOT_PLUS_ONE));
    }

    @Test
    void roundingUpKeepsAWindowThatSticksOut() {
        // ⌈7/2⌉ + 1 = 5
        assertArrayEquals(new int[] {1, 5, 5}, shape(STRIDED, Mistake.NO_FLOOR));
    }

    @Test
    void ignoringTheStrideSlidesOnePixelAtATime() {
        // stride read as 1: 8 + 2 − 3 + 1 = 8
        assertArrayEquals(new int[] {1, 8, 8}, shape(misread(STRIDED, Mistake.STRIDE_IGNORED), null));
    }

    @Test
    void paddingCountedOnOneSide() {
        // padding 2, stride 2: right ⌊(8 + 4 − 3)/2⌋ + 1 = 5; one side ⌊(8 + 2 − 3)/2⌋ + 1 = 4
        List<Layer> padded = List.of(new Layer.Conv(Conv2d.of(1, 1, 3).withPadding(2).withStride(2)));
        assertArrayEquals(new int[] {1, 5, 5}, shape(padded, null));
        assertArrayEquals(new int[] {1, 4, 4}, shape(padded, Mistake.PADDING_ONE_SIDE));
        // max pool 3, stride 1, padding 1 on 8×8: right 8 + 2 − 3 + 1 = 8; one side 8 + 1 − 3 + 1 = 7
        List<Layer> pool = List.of(new Layer.Pool(Pool2d.max(3).withStride(1).withPadding(1)));
        assertArrayEquals(new int[] {1, 7, 7}, shape(pool, Mistake.PADDING_ONE_SIDE));
        // without padding there is nothing to count once: the layer is computed rightly (8 − 3 + 1 = 6)
        List<Layer> none = List.of(new Layer.Conv(Conv2d.of(1, 1, 3)));
        assertArrayEquals(new int[] {1, 6, 6}, shape(none, Mistake.PADDING_ONE_SIDE));
        // on values: two readings, zeros only before or only after
        assertEquals(2, Mistake.PADDING_ONE_SIDE.misreadings(padded.get(0)).size());
    }

    @Test
    void tutorialTotalPaddingPutOnEachSide() {
        // the tutorial's p_h = 2 in total on 8×8, 3×3, stride 1: (8 + 2 − 3 + 1) = 8; read per side: 8 + 4 − 3 + 1 = 10
        List<Layer> total = List.of(new Layer.Conv(Conv2d.of(1, 1, 3).withPadding(Padding.total(2, 2))));
        assertArrayEquals(new int[] {1, 8, 8}, shape(total, null));
        assertArrayEquals(new int[] {1, 10, 10}, shape(misread(total, Mistake.TOTAL_PADDING_DOUBLED), null));
    }

    @Test
    void ceilModeIgnored() {
        // max pool 2, stride 2, ceil_mode on 5×5: ⌈3/2⌉ + 1 = 3 (the last window starts at 4 < 5, kept); floor: ⌊3/2⌋ + 1 = 2
        List<Layer> ceil = List.of(new Layer.Pool(Pool2d.max(2).withStride(2).withCeilMode(true)));
        int[] five = {1, 5, 5};
        assertArrayEquals(new int[] {1, 3, 3}, Network.outputShape(five, ceil).value());
        assertArrayEquals(new int[] {1, 2, 2}, Network.outputShape(five, misread(ceil, Mistake.CEIL_MODE_IGNORED)).value());
    }

    @Test
    void channelMistakes() {
        int[] rgb = {3, 8, 8};
        // max pool 2 keeps the 3 channels (3×4×4); merged: 1×4×4
        List<Layer> pool = List.of(new Layer.Pool(Pool2d.max(2)));
        assertArrayEquals(new int[] {3, 4, 4}, Network.outputShape(rgb, pool).value());
        assertArrayEquals(new int[] {1, 4, 4}, Network.outputShape(rgb, pool, Mistake.POOL_CHANGES_CHANNELS).value());
        // LeNet's middle on 6×28×28: pool 2 → 6×14×14, conv 6 → 16, 5×5 → 16×10×10, pool 2 → 16×5×5; a student who merges
        // channels in pooling writes 1×14×14, still gives the conv its 16 channels, and ends with 1×5×5
        List<Layer> lenet = List.of(new Layer.Pool(Pool2d.max(2)), new Layer.Conv(Conv2d.of(6, 16, 5)), new Layer.Pool(Pool2d.max(2)));
        assertArrayEquals(new int[] {16, 5, 5}, Network.outputShape(new int[] {6, 28, 28}, lenet).value());
        assertArrayEquals(new int[] {1, 5, 5}, Network.outputShape(new int[] {6, 28, 28}, lenet, Mistake.POOL_CHANGES_CHANNELS).value());
        // conv 3 → 16, 3×3: 16×6×6; channels swapped: 3×6×6
        List<Layer> conv = List.of(new Layer.Conv(Conv2d.of(3, 16, 3)));
        assertArrayEquals(new int[] {16, 6, 6}, Network.outputShape(rgb, conv).value());
        assertArrayEquals(new int[] {3, 6, 6}, Network.outputShape(rgb, conv, Mistake.CHANNELS_SWAPPED).value());
    }

    @Test
    void parameterMistakes() {
        // conv 3 → 16, 3×3 with bias: 16·3·3·3 = 432 weights + 16 biases = 448
        Layer conv = new Layer.Conv(Conv2d.of(3, 16, 3));
        int[] rgb = {3, 8, 8};
        assertEquals(448L, Network.params(conv, null, rgb).value());
        assertEquals(432L, Network.params(conv, Mistake.BIAS_FORGOTTEN, rgb).value());
        assertEquals(435L, Network.params(conv, Mistake.BIAS_PER_INPUT_CHANNEL, rgb).value()); // 432 + 3
        assertEquals(27_664L, Network.params(conv, Mistake.PARAMS_TIMES_HW, rgb).value()); // 432 · 64 + 16
        // linear 10 → 5: 50 + 5 = 55; bias forgotten 50
        Layer linear = new Layer.Linear(10, 5, true);
        assertEquals(55L, Network.params(linear, null, rgb).value());
        assertEquals(50L, Network.params(linear, Mistake.BIAS_FORGOTTEN, rgb).value());
    }

    @Test
    void receptiveFieldsAddedInsteadOfOverlapped() {
        // two 3×3 stride-1 layers: right 1 + 2 + 2 = 5; added 3 + 3 = 6 (tutorial, section 3)
        List<Layer> two = List.of(new Layer.Conv(Conv2d.of(1, 1, 3)), new Layer.Conv(Conv2d.of(1, 1, 3)));
        assertEquals(5, Network.summarize(IMAGE, two).layers().get(1).rfH().size());
        assertEquals(6, Network.summarize(IMAGE, two, Mistake.RECEPTIVE_FIELDS_ADDED).layers().get(1).rfH().size());
    }

    @Test
    void kernelFlippedIsTrueConvolution() {
        // fig. 1: X = [[0,1,2],[3,4,5],[6,7,8]], K = [[0,1],[2,3]]: cross-correlation 19 25 / 37 43; the kernel
        // flipped both ways [[3,2],[1,0]]: 0·3+1·2+3·1+4·0 = 5, 1·3+2·2+4·1+5·0 = 11, 3·3+4·2+6·1 = 23, 4·3+5·2+7·1 = 29
        Tensor x = Tensor.matrix(new double[][] {{0, 1, 2}, {3, 4, 5}, {6, 7, 8}});
        List<Layer> correlate = List.of(new Layer.Correlate(Tensor.matrix(new double[][] {{0, 1}, {2, 3}}), false));
        assertArrayEquals(new double[] {19, 25, 37, 43}, Network.forward(x, correlate).value().data());
        assertArrayEquals(new double[] {5, 11, 23, 29}, Network.forward(x, misread(correlate, Mistake.KERNEL_FLIPPED)).value().data());
        Layer conv = new Layer.Conv(Conv2d.of(1, 1, 2).withBias(false), Tensor.matrix(new double[][] {{0, 1}, {2, 3}}).reshape(1, 1, 2, 2), null);
        assertArrayEquals(new double[] {5, 11, 23, 29},
                Network.forward(x.reshape(1, 3, 3), misread(List.of(conv), Mistake.KERNEL_FLIPPED)).value().data());
    }

    @Test
    void poolGradientsMisrouted() {
        // one 2×2 window of 1, 2, 3, 4 with output gradient 4: mean pool splits it (1 each), copied: 4 each;
        // max pool sends it all to the 4; spread: 4 to every cell; split like a mean: 1 each
        Tensor x = Tensor.of(new int[] {1, 2, 2}, 1, 2, 3, 4);
        Tensor g = Tensor.of(new int[] {1, 1, 1}, 4);
        Layer.Pool avg = new Layer.Pool(Pool2d.avg(2));
        Layer.Pool max = new Layer.Pool(Pool2d.max(2));
        assertArrayEquals(new double[] {1, 1, 1, 1}, Backward.avgPool2d(x, g, avg.pool()).value().data());
        assertArrayEquals(new double[] {4, 4, 4, 4}, backward(x, g, Mistake.MEAN_GRAD_COPIED.misreadings(avg).get(0)));
        assertArrayEquals(new double[] {0, 0, 0, 4}, Backward.maxPool2d(x, g, max.pool()).value().data());
        assertArrayEquals(new double[] {4, 4, 4, 4}, backward(x, g, Mistake.MAX_GRAD_SPREAD.misreadings(max).get(0)));
        assertArrayEquals(new double[] {1, 1, 1, 1}, backward(x, g, Mistake.MAX_GRAD_SPLIT.misreadings(max).get(0)));
    }

    static double[] backward(Tensor x, Tensor g, Layer layer) {
        Pool2d p = ((Layer.Pool) layer).pool();
        return (p.kind() == PoolKind.MAX ? Backward.maxPool2d(x, g, p) : Backward.avgPool2d(x, g, p)).value().data();
    }

    @Test
    void aMistakeThatDoesNotApplyLeavesTheLayer() {
        assertTrue(Mistake.STRIDE_IGNORED.misreadings(new Layer.Conv(Conv2d.of(1, 1, 3))).isEmpty());
        assertTrue(Mistake.CEIL_MODE_IGNORED.misreadings(new Layer.Pool(Pool2d.max(2))).isEmpty());
        assertTrue(Mistake.BIAS_FORGOTTEN.misreadings(new Layer.Linear(3, 2, false)).isEmpty());
    }

    @Test
    void aMistakenFormulaWithNoWindowIsAnImpossibleAnswer() {
        // 2×2 input, 3×3 kernel, padding 1, stride 2: forgetting the + 1 gives ⌊(2 + 2 − 3)/2⌋ = 0 windows
        assertThrows(EngineException.class, () -> Network.outputShape(new int[] {1, 2, 2}, STRIDED, Mistake.FORGOT_PLUS_ONE));
    }
}
