package org.convquiz.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.convquiz.engine.Step;
import org.junit.jupiter.api.Test;

/** Issue 10, "feedback that teaches": expected values are worked by hand in the comments. */
class TeachingFeedbackTest {

    static Grader.PartResult part(String id, long seed, Map<String, String> answers, String partId) {
        return Grader.grade(FairGradingTest.load(id), seed, answers).parts().stream()
                .filter(p -> p.partId().equals(partId)).findFirst().orElseThrow();
    }

    static Grader.Mistake mistake(Grader.PartResult r, Misconception id) {
        return r.mistakes().stream().filter(m -> m.id() == id).findFirst()
                .orElseThrow(() -> new AssertionError(id + " not named: " + r.misconceptions()));
    }

    // Tutorial convention (4.1): 3×3 input, 2×2 kernel, p_h = 2 in total → 3 + 2 − 2 + 1 = 4; without + 1: 3.
    @Test
    void tutorialConventionAdviceUsesTotalPadding() {
        Grader.PartResult r = part("padding-total-output-shape", 0, Map.of("h", "3", "w", "4"), "h");
        String en = mistake(r, Misconception.FORGOT_PLUS_ONE).advice().en();
        assertTrue(en.contains("n_h + p_h − k_h + 1"), en);
        assertFalse(en.contains("2p"), en);
        assertTrue(mistake(r, Misconception.FORGOT_PLUS_ONE).advice().zh().contains("n_h + p_h − k_h + 1"));
        // PyTorch's padding (exercise 3): 100 + 2×2 − 3 = 101 without + 1, and the advice says n + 2p
        Grader.PartResult py = part("padding-output-shape", 0, Map.of("shape", "4×101×101"), "shape");
        assertTrue(mistake(py, Misconception.FORGOT_PLUS_ONE).advice().en().contains("n + 2p"));
    }

    // Tutorial convention with stride: n_w = 3, p_w = 2, k_w = 2, s_w = 2: ⌊(3 + 2 − 2 + 2)/2⌋ = 2.
    // Rounding up, ⌈(3 + 2 − 2)/2⌉ + 1 = 3; doubling the padding, ⌊(3 + 4 − 2 + 2)/2⌋ = 3: both mistakes give 3.
    @Test
    void twoMistakesWithOneNumberAreBothNamed() {
        Grader.PartResult r = part("stride-output-shape", 0, Map.of("h", "2", "w", "3"), "w");
        assertTrue(r.misconceptions().containsAll(List.of(Misconception.NO_FLOOR, Misconception.TOTAL_PADDING_DOUBLED)), r.misconceptions().toString());
        String en = mistake(r, Misconception.NO_FLOOR).advice().en();
        assertTrue(en.contains("⌊(n_h + p_h − k_h + s_h)/s_h⌋"), en);
        assertFalse(en.contains("2p"), en);
    }

    // Tutorial, section 5.2 / PyTorch example: bias.shape is torch.Size([3]) = c_o, not c_i = 2.
    @Test
    void biasShapeGivenAsInputChannels() {
        Grader.PartResult r = part("conv2d-pytorch-example", 0, Map.of("bias", "torch.Size([2])"), "bias");
        assertEquals(0, r.score());
        mistake(r, Misconception.BIAS_PER_INPUT_CHANNEL);
    }

    // Tutorial, exercise 5: choosing B ("pooling layers have no parameters") is choosing a true statement.
    @Test
    void aWrongOptionIsExplained() {
        Grader.PartResult r = part("ex5-pooling-statements", 0, Map.of("false_statement", "B"), "false_statement");
        Grader.Mistake m = mistake(r, Misconception.WRONG_OPTION);
        assertTrue(m.title().en().contains("Statement B is true"), m.title().en());
        assertTrue(m.advice().en().startsWith("True"), m.advice().en());
        assertTrue(m.advice().zh().startsWith("正确"), m.advice().zh());
    }

    /** Mean pooling keeps the total gradient (tutorial 7.2), so the sum is ΣG, exactly: 8, never 7.999999999999999. */
    @Test
    void meanPoolSumIsExact() {
        ExerciseDefinition ex = FairGradingTest.load("mean-pool-grad-sum");
        for (long seed = 0; seed < 100; seed++) {
            double sum = 0;
            for (double g : ex.variant(seed).tensors().get("G").data()) {
                sum += g; // integers: exact
            }
            Reference ref = ex.references(seed).get(0);
            assertEquals(String.valueOf((long) sum), ref.value().display(), "seed " + seed);
            for (Step st : ref.steps()) {
                String all = st.substituted() + " " + st.value();
                assertFalse(all.contains("9999999") || all.contains("0000001"), "seed " + seed + ": " + all);
            }
        }
    }

    private static final Pattern ASCII_NEXT_TO_CHINESE = Pattern.compile("[\\u4e00-\\u9fff][:;,(]|[:;,)][\\u4e00-\\u9fff]");

    /** Chinese steps use full-width punctuation, and a model without groups never shows "c_i/g" (a depthwise one does). */
    @Test
    void chineseStepsReadAsChinese() {
        for (ExerciseDefinition ex : ExerciseFilesTest.all()) {
            for (long seed = 0; seed < 3; seed++) {
                boolean grouped = ex.model(ex.variant(seed)).layers().stream()
                        .anyMatch(l -> l instanceof org.convquiz.engine.Layer.Conv c && c.conv().groups() > 1);
                for (Reference ref : ex.references(seed)) {
                    for (Step st : ref.steps()) {
                        assertFalse(ASCII_NEXT_TO_CHINESE.matcher(st.zh()).find(), ex.id() + ": " + st.zh());
                        assertFalse(!grouped && (st.en() + st.zh() + st.formula()).contains("c_i/g"), ex.id() + ": " + st.formula());
                    }
                }
            }
        }
    }

    @Test
    void stepsTextExample() {
        assertEquals("PyTorch 约定：每一侧都填充；上 1 下 1（共 2）", org.convquiz.engine.ChinesePunctuation.apply("PyTorch 约定: 每一侧都填充;上 1 下 1(共 2)"));
        assertEquals("输出 (4, 102)", org.convquiz.engine.ChinesePunctuation.apply("输出 (4, 102)"));
    }
}
