package org.convquiz.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 10, "right answers marked wrong": every expected value here is the tutorial's (its answer key and
 * section 3) or worked by hand in the comments, never taken from the engine.
 */
class FairGradingTest {

    static ExerciseDefinition load(String id) {
        try {
            return ExerciseParser.parse("exercises/" + id + ".yaml", Files.readString(Path.of("exercises", id + ".yaml")));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Grader.PartResult part(String id, long seed, String partId, String answer) {
        Grader.Grade g = Grader.grade(load(id), seed, Map.of(partId, answer));
        return g.parts().stream().filter(p -> p.partId().equals(partId)).findFirst().orElseThrow();
    }

    static void full(String id, long seed, String partId, String answer) {
        Grader.PartResult r = part(id, seed, partId, answer);
        assertEquals(Grader.Status.CORRECT, r.status(), () -> id + " " + partId + " '" + answer + "': " + r.feedback() + " read as " + r.readAs());
    }

    // Tutorial section 3: z's receptive field on the input "包括其中全部9个元素" (a 3×3 window).
    @ParameterizedTest
    @ValueSource(strings = {"9", "全部9个元素", "9个元素", "3×3", "3x3", "3*3", "3"})
    void figureOneReceptiveFieldInEveryForm(String answer) {
        full("rf-fig1-feature-map", 0, "rf", answer);
    }

    // Tutorial, exercise 4 option D and its worked example: two 3×3 convolutions see a 5×5 window.
    @ParameterizedTest
    @ValueSource(strings = {"5", "5×5", "5x5", "(5, 5)"})
    void twoThreeByThreeSeeFiveByFive(String answer) {
        full("rf-two-3x3", 0, "rf", answer);
    }

    @Test
    void elementCountWhereTheHeightIsAskedSaysSo() {
        Grader.PartResult r = part("rf-two-3x3", 0, "rf", "25");
        assertEquals(0, r.score());
        assertTrue(r.feedback().en().contains("number of elements (5×5)"), r.feedback().en());
        assertTrue(r.feedback().zh().contains("元素的个数"), r.feedback().zh());
    }

    /**
     * conv1 (k1, s1) then conv2 (k2): one conv2 output reads k2 conv1 outputs, s1 apart, each reading k1 input rows.
     * By hand: the windows start at 0, s1, …, (k2 − 1)·s1; when k1 ≥ s1 they touch or overlap and cover
     * (k2 − 1)·s1 + k1 rows; when k1 < s1 they leave gaps and cover k2·k1 rows.
     */
    @Test
    void stackedFamilyCountsTheRowsItSees() {
        ExerciseDefinition ex = load("rf-stacked-family");
        int gapped = 0;
        for (long seed = 0; seed < 100; seed++) {
            Map<String, Integer> p = ex.variant(seed).params();
            int k1 = p.get("k1");
            int s1 = p.get("s1");
            int k2 = p.get("k2");
            int expected = k1 >= s1 ? (k2 - 1) * s1 + k1 : k2 * k1;
            gapped += k1 < s1 ? 1 : 0;
            assertEquals(String.valueOf(expected), ex.references(seed).get(0).value().display(), "seed " + seed + " " + p);
            full("rf-stacked-family", seed, "rf", String.valueOf(expected));
        }
        assertTrue(gapped >= 5, "the family should include kernels smaller than the stride before them: " + gapped);
    }

    // Tutorial, exercise 4: "答：选B".
    @ParameterizedTest
    @ValueSource(strings = {"B：", "B:", "'B'", "\"B\"", "“B”", "选项2", "2", "【B】", "选 B。"})
    void exerciseFourAnswerSpellings(String answer) {
        full("ex4-conv-statements", 0, "false_statement", answer);
    }

    // Tutorial, exercise 5: "答：A", and its key numbers the options: "选项1：错误".
    @ParameterizedTest
    @ValueSource(strings = {"A", "选项1", "1", "A：", "'A'"})
    void exerciseFiveAnswerSpellings(String answer) {
        full("ex5-pooling-statements", 0, "false_statement", answer);
    }

    // Tutorial, exercise 3: 4×102×102.
    @ParameterizedTest
    @ValueSource(strings = {"4、102、102", "【4，102，102】", "4;102;102", "4；102；102", "4✕102✕102", "4✖102✖102", "torch.Size([4, 102, 102])"})
    void exerciseThreeShapeSpellings(String answer) {
        full("padding-output-shape", 0, "shape", answer);
    }

    // Tutorial, figure 1: [[19, 25], [37, 43]].
    @ParameterizedTest
    @ValueSource(strings = {"((19,25),(37,43))", "{{19,25},{37,43}}", "Y = [[19,25],[37,43]]", "Y=[[19, 25], [37, 43]]",
        "tensor([[19., 25.], [37., 43.]])", "【【19，25】，【37，43】】"})
    void figureOneTensorSpellings(String answer) {
        full("fig1-cross-correlation", 0, "y", answer);
    }

    @ParameterizedTest
    @ValueSource(strings = {"19", "tensor(19.)", "tensor(19.0)", "19.", "Y[0,0] = 19"})
    void figureOneFirstElementSpellings(String answer) {
        full("fig1-first-element", 0, "y00", answer);
    }

    // Tutorial, exercise 1: 3×256×256×1000 + 1000 = 196609000.
    @ParameterizedTest
    @ValueSource(strings = {"196609000", "196609000个", "196609000 个参数", "196.609M", "1.96609亿", "19660.9万", "196609k", "196,609,000"})
    void exerciseOneCountSpellings(String answer) {
        full("ex1-fc-params", 0, "params", answer);
    }

    @Test
    void anUnclosedTupleIsReportedAsSuch() {
        Grader.PartResult r = part("fig1-cross-correlation", 0, "y", "((19,25),(37,43)");
        assertEquals(Grader.Status.UNREADABLE, r.status());
        assertTrue(r.feedback().en().contains("brackets do not pair up"), r.feedback().en());
    }

    // 4×102×102 asked; PyTorch prints torch.Size([1, 4, 102, 102]) for a batch of one.
    @Test
    void anExtraBatchDimensionIsNamedAndTheRightDimensionsCount() {
        Grader.PartResult r = part("padding-output-shape", 0, "shape", "torch.Size([1, 4, 102, 102])");
        assertEquals(Grader.Status.PARTIAL, r.status());
        assertEquals(2.25, r.score(), 1e-9); // 3 right of 4 written, out of 3 points
        assertTrue(r.feedback().en().contains("3 of 3 dimensions are right"), r.feedback().en());
        assertTrue(r.feedback().en().contains("batch dimension"), r.feedback().en());
        assertTrue(r.feedback().zh().contains("批量维"), r.feedback().zh());
    }

    @Test
    void aMissingDimensionIsNamed() {
        Grader.PartResult r = part("padding-output-shape", 0, "shape", "102×102");
        assertEquals(2.0, r.score(), 1e-9); // 2 of 3, out of 3 points
        assertTrue(r.feedback().en().contains("2 of 3 dimensions are right"), r.feedback().en());
        assertTrue(r.feedback().en().contains("lacks the first dimension"), r.feedback().en());
        // The tutorial's nn.Conv2d example: input 4×2×3×5 gives 4×3×3×5; 3×3×5 drops the batch of 4.
        Grader.PartResult b = part("conv2d-pytorch-example", 0, "y", "3×3×5");
        assertTrue(b.feedback().en().contains("batch dimension N = 4"), b.feedback().en());
    }

    @Test
    void dimensionCountsReadAsEnglish() {
        assertTrue(part("padding-output-shape", 0, "shape", "4×101×100").feedback().en().contains("1 of 3 dimensions is right"));
        assertTrue(part("padding-output-shape", 0, "shape", "4×102×100").feedback().en().contains("2 of 3 dimensions are right"));
    }
}
