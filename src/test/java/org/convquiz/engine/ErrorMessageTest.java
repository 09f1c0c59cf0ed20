package org.convquiz.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every error the brief lists, with its exact message and kind. */
class ErrorMessageTest {

    static EngineException invalid(Executable e) {
        EngineException ex = assertThrows(EngineException.class, e);
        assertEquals(EngineException.Kind.INVALID, ex.kind(), ex.getMessage());
        return ex;
    }

    static void message(String expected, Executable e) {
        assertEquals(expected, invalid(e).getMessage());
    }

    @Test
    void kernelLargerThanPaddedInput() {
        message("Kernel size (4×4) can't be greater than the padded input size (3×3)",
                () -> Shapes.conv2d(new int[] {1, 3, 3}, Conv2d.of(1, 1, 4)));
        message("Kernel size (4×4) can't be greater than the padded input size (3×3)",
                () -> Ops.correlate2d(Tensor.zeros(3, 3), Tensor.zeros(4, 4)));
        message("Dilated kernel size (5×5) can't be greater than the padded input size (4×4)",
                () -> Shapes.conv2d(new int[] {1, 4, 4}, Conv2d.of(1, 1, 3).withDilation(2)));
    }

    @Test
    void poolPaddingAtMostHalfKernel() {
        message("pool padding 2 must be at most half of kernel size 3", () -> Pool2d.max(3).withPadding(2));
        message("pool padding 2 must be at most half of kernel size 3", () -> Shapes.poolOutputSize(10, 3, 1, 2, 1, false));
    }

    @Test
    void channelsAndGroups() {
        message("input has 3 channels but conv2d expects in_channels=2 (input shape 1×3×5×5)",
                () -> Shapes.conv2d(new int[] {1, 3, 5, 5}, Conv2d.of(2, 4, 3)));
        assertTrue(invalid(() -> Ops.conv2d(Tensor.zeros(3, 5, 5), Tensor.zeros(4, 2, 3, 3), null, Conv2d.of(2, 4, 3)))
                .getMessage().startsWith("input has 3 channels but conv2d expects in_channels=2"));
        message("groups=3 must divide in_channels=4", () -> Conv2d.of(4, 6, 3).withGroups(3));
        message("groups=2 must divide out_channels=3", () -> Conv2d.of(4, 3, 3).withGroups(2));
        message("weight of shape 4×4×3×3 doesn't match conv2d(4→4, kernel 3×3, groups=2): expected 4×2×3×3",
                () -> Ops.conv2d(Tensor.zeros(4, 5, 5), Tensor.zeros(4, 4, 3, 3), null, Conv2d.of(4, 4, 3).withGroups(2)));
    }

    @Test
    void strideAndSizes() {
        message("stride must be positive, got 0", () -> Conv2d.of(1, 1, 3).withStride(0));
        message("stride must be positive, got 0", () -> Pool2d.max(2).withStride(Pair.of(1, 0)));
        message("stride must be positive, got 0", () -> Shapes.convOutputSize(5, 3, 0, 0, 0, 1));
        message("output size is too small: computed (0×−1) for input 1×2×2 and MaxPool2d kernel 3×4",
                () -> Shapes.pool2d(new int[] {1, 2, 2}, Pool2d.max(Pair.of(3, 4)).withStride(1)));
        assertTrue(invalid(() -> Shapes.convTranspose2d(new int[] {1, 1, 1},
                ConvTranspose2d.of(1, 1, 1).withPadding(Pair.of(1, 1)))).getMessage()
                .startsWith("output size is too small: computed (−1×−1)"));
        message("padding='same' is not supported for strided convolutions (stride 2×2)",
                () -> Conv2d.of(1, 1, 3).withStride(2).withPadding(Padding.same()));
        message("output_padding (2×0) must be smaller than either stride (2×1) or dilation (1×1)",
                () -> ConvTranspose2d.of(1, 1, 3).withStride(Pair.of(2, 1)).withOutputPadding(Pair.of(2, 0)));
        message("reflect padding 3 must be smaller than the input height 3",
                () -> Shapes.conv2d(new int[] {1, 3, 5}, Conv2d.of(1, 1, 3).withPadding(3).withPaddingMode(PaddingMode.REFLECT)));
    }

    @Test
    void tooLarge() {
        EngineException e = assertThrows(EngineException.class, () -> Tensor.zeros(1, 3, 4096, 4096));
        assertEquals(EngineException.Kind.TOO_LARGE, e.kind());
        assertEquals("tensor of 1×3×4096×4096 = 50,331,648 elements exceeds the limit of 1,000,000 (Tensor.MAX_ELEMENTS)",
                e.getMessage());
        assertTrue(e instanceof IllegalArgumentException);
        // an output that would exceed the cap is refused before allocating it
        EngineException up = assertThrows(EngineException.class, () -> Ops.convTranspose2d(Tensor.zeros(1, 1, 501, 501),
                Tensor.zeros(1, 1, 2, 2), null, ConvTranspose2d.of(1, 1, 2).withStride(Pair.of(2, 2)).withBias(false)));
        assertEquals(EngineException.Kind.TOO_LARGE, up.kind());
        assertEquals(EngineException.Kind.TOO_LARGE, assertThrows(EngineException.class,
                () -> Tensor.of(new int[] {2_000_000}, new double[0])).kind());
        // overflowing int arithmetic must still report TOO_LARGE, not a negative size
        assertEquals(EngineException.Kind.TOO_LARGE, assertThrows(EngineException.class,
                () -> Tensor.zeros(65536, 65536, 65536, 65536)).kind());
    }

    @Test
    void nestedInput() {
        message("ragged nested list at [1]: expected length 3 but got 2", () -> Tensor.fromNested(List.of(List.of(1, 2, 3), List.of(4, 5))));
        assertTrue(invalid(() -> Tensor.fromNested(List.of(List.of(1, "x")))).getMessage().contains("[0][1]"));
        message("ragged matrix: row [1] has 1 values but row [0] has 2", () -> Tensor.matrix(new double[][] {{1, 2}, {3}}));
        invalid(() -> Tensor.fromNested(List.of()));
        invalid(() -> Tensor.fromNested(7));
        invalid(() -> Tensor.zeros(2, 0));
        invalid(() -> Tensor.arange(2, 3).reshape(4, 2));
        invalid(() -> Tensor.zeros(1, 1, 1, 1, 1));
    }

    @Test
    void otherPreconditions() {
        invalid(() -> Ops.maxPool2d(Tensor.zeros(3), Pool2d.max(2)));
        invalid(() -> Ops.maxPool2d(Tensor.zeros(4, 4), Pool2d.avg(2)));
        invalid(() -> Backward.maxPool2d(Tensor.zeros(4, 4), Tensor.zeros(3, 3), Pool2d.max(2)));
        invalid(() -> Ops.linear(Tensor.zeros(5), Tensor.zeros(3, 4), null));
        invalid(() -> Pool2d.avg(2).withDilation(Pair.of(2, 2)));
        invalid(() -> Pool2d.avg(2).withDivisorOverride(0));
        invalid(() -> Ops.pad2d(Tensor.zeros(3, 3), Padding.same(), PaddingMode.ZEROS));
        invalid(() -> Ops.conv2d(Tensor.zeros(1, 3, 3), Tensor.zeros(1, 1, 2, 2), Tensor.zeros(1), Conv2d.of(1, 1, 2).withBias(false)));
        invalid(() -> Network.summarize(new int[] {1, 3, 3}, List.of(new Layer.Conv(Conv2d.of(2, 1, 3)))));
    }
}
