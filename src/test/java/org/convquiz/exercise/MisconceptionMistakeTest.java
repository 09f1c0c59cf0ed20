package org.convquiz.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.convquiz.engine.Conv2d;
import org.convquiz.engine.Layer;
import org.convquiz.engine.Mistake;
import org.convquiz.exercise.ExerciseSpec.PartSpec;
import org.convquiz.exercise.answer.ParsedAnswer;
import org.junit.jupiter.api.Test;

/** A misconception's wrong answer is the engine's formula with the mistake of the same name switched on. */
class MisconceptionMistakeTest {
    static PartSpec part(Quantity q) {
        return new PartSpec("a", "shape", q.fileName(), null, Text.of("a", "a"), null, null, null, null, null);
    }

    static ParsedAnswer shape(int... dims) {
        return Quantities.shape(dims);
    }

    @Test
    void everyEngineMistakeIsACataloguedMisconceptionUnderItsStoredName() {
        for (Mistake m : Mistake.values()) {
            Misconception c = Misconception.parse(m.name().toLowerCase(java.util.Locale.ROOT)).orElseThrow();
            assertSame(m, c.mistake(), c.id());
            assertTrue(c.title().isComplete() && c.advice().isComplete(), c.id() + " has words in both languages");
        }
    }

    @Test
    void theTutorialsStridedExample() {
        // 1×8×8 input, 3×3 kernel, padding 1, stride 2 (by hand): right ⌊(8 + 2 − 3)/2⌋ + 1 = 4; without the + 1: 3;
        // rounded up: ⌈7/2⌉ + 1 = 5; stride ignored: 8 + 2 − 3 + 1 = 8
        Model m = new Model(new int[] {1, 8, 8}, null, null,
                List.of(new Layer.Conv(Conv2d.of(1, 1, 3).withPadding(1).withStride(2))), null);
        PartSpec p = part(Quantity.OUTPUT_SHAPE);
        assertEquals(shape(1, 4, 4), Quantities.compute(m, p, Quantity.OUTPUT_SHAPE).value());
        assertEquals(List.of(shape(1, 3, 3)), Misconception.FORGOT_PLUS_ONE.wrongAnswers(m, p, Quantity.OUTPUT_SHAPE));
        assertEquals(List.of(shape(1, 5, 5)), Misconception.NO_FLOOR.wrongAnswers(m, p, Quantity.OUTPUT_SHAPE));
        assertEquals(List.of(shape(1, 8, 8)), Misconception.STRIDE_IGNORED.wrongAnswers(m, p, Quantity.OUTPUT_SHAPE));
        // padding 1 on one side only: ⌊(8 + 1 − 3)/2⌋ + 1 = 4, the same as the right answer here, so it cannot be named
        assertEquals(List.of(shape(1, 4, 4)), Misconception.PADDING_ONE_SIDE.wrongAnswers(m, p, Quantity.OUTPUT_SHAPE));
        // no ceil_mode anywhere: the mistake does not apply
        assertEquals(List.of(), Misconception.CEIL_MODE_IGNORED.wrongAnswers(m, p, Quantity.OUTPUT_SHAPE));
    }

    @Test
    void parametersOfAConvLayer() {
        // conv 3 → 16, 3×3 on 3×8×8: 16·3·9 = 432 weights + 16 biases = 448; forgotten 432; per input channel 435;
        // times the image 432·64 + 16 = 27,664
        Model m = new Model(new int[] {3, 8, 8}, null, null, List.of(new Layer.Conv(Conv2d.of(3, 16, 3))), null);
        PartSpec p = part(Quantity.PARAMS);
        assertEquals(Quantities.integer(448), Quantities.compute(m, p, Quantity.PARAMS).value());
        assertEquals(List.of(Quantities.integer(432)), Misconception.BIAS_FORGOTTEN.wrongAnswers(m, p, Quantity.PARAMS));
        assertEquals(List.of(Quantities.integer(435)), Misconception.BIAS_PER_INPUT_CHANNEL.wrongAnswers(m, p, Quantity.PARAMS));
        assertEquals(List.of(Quantities.integer(27_664)), Misconception.PARAMS_TIMES_HW.wrongAnswers(m, p, Quantity.PARAMS));
    }
}
