package org.convquiz.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.convquiz.exercise.ExerciseDefinition;
import org.convquiz.exercise.ExerciseParser;
import org.convquiz.exercise.ExerciseSpec.PartSpec;
import org.junit.jupiter.api.Test;

/**
 * Every question has a picture (issue 16), and the schematic pictures of size-only questions show the
 * output's size and the parameter count only once the answer may be shown. Expected sizes are worked
 * by hand from the pinned variants (seed 0) of the exercise files.
 */
@QuarkusTest
class PicturesTest {

    /**
     * Questions drawn only once the answer may be shown, each for a reason: a picture of the weights would show the
     * weight shape that is asked; the stack of rf-two-3x3 would show the output shape it also asks.
     */
    private static final Set<String> NOT_DRAWN = Set.of("conv-weight-shape", "rf-two-3x3");

    @Test
    void everyExerciseThatAsksForNumbersHasAPictureWithATextAlternativeInBothLanguages() throws IOException {
        List<String> without = new java.util.ArrayList<>();
        for (ExerciseDefinition ex : all()) {
            if (quantities(ex).equals(Set.of("choice")) || NOT_DRAWN.contains(ex.id()) || ex.id().startsWith("net-")) {
                continue; // statements to judge: nothing to draw; whole networks are shown by their layer table instead
            }
            for (String lang : List.of("en", "zh")) {
                var picture = picture(ex, false, lang);
                if (picture.isEmpty()) {
                    without.add(ex.id() + " (" + lang + ")");
                    continue;
                }
                String svg = picture.get().svg();
                assertTrue(svg.contains("role=\"img\" aria-label=\""), ex.id() + ": no text alternative");
                String label = svg.replaceAll("(?s).*aria-label=\"([^\"]*)\".*", "$1");
                assertTrue(lang.equals("zh") == label.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                        ex.id() + ": label not in " + lang + ": " + label);
                assertFalse(picture.get().caption().isBlank(), ex.id() + ": no caption");
            }
        }
        assertTrue(without.isEmpty(), "no picture: " + without);
    }

    @Test
    void shapePictureHidesTheOutputSizeUntilRevealed() throws IOException {
        // padding-output-shape, pinned: n = 100, k = 3, p = 2 → 100 + 2·2 − 3 + 1 = 102
        ExerciseDefinition ex = byId("padding-output-shape");
        String before = picture(ex, false, "en").orElseThrow().svg();
        String after = picture(ex, true, "en").orElseThrow().svg();
        assertTrue(before.contains("Y ?×?"), before);
        assertFalse(before.contains("102"), "the answer shows before it may: " + before);
        assertTrue(after.contains("Y 102×102"), after);
        assertTrue(before.contains("X 100×100"), before);
    }

    @Test
    void stridedShapePictureMarksTheKernelsLastPositionOnceRevealed() throws IOException {
        // stride-output-shape, pinned: 3×3 input, 2×2 kernel, total padding 2×2, stride 3×2:
        // ⌊(3 + 2 − 2)/3⌋ + 1 = 2 rows, ⌊(3 + 2 − 2)/2⌋ + 1 = 2 columns. Padded 5×5 → 24 px cells, so the last
        // window's corner is at x = (2 − 1)·2·24 = 48, y = 26 + (2 − 1)·3·24 = 98.
        ExerciseDefinition ex = byId("stride-output-shape");
        String after = picture(ex, true, "en").orElseThrow().svg();
        assertTrue(after.contains("Y 2×2"), after);
        assertTrue(after.contains("<rect class=\"window next\" x=\"48\" y=\"98\" width=\"48\" height=\"48\"/>"), after);
        String before = picture(ex, false, "en").orElseThrow().svg();
        // before: the next position, one stride (2 columns) to the right
        assertTrue(before.contains("<rect class=\"window next\" x=\"48\" y=\"26\" width=\"48\" height=\"48\"/>"), before);
    }

    @Test
    void ceilModePoolPictureShowsTheLastWindowHangingOverTheEdge() throws IOException {
        // pool-output-shape-ceil, pinned: 5×5 input, 2×2 window, stride 2, ceil_mode: ⌈(5 − 2)/2⌉ + 1 = 3 per side.
        // The third window starts at column (3 − 1)·2 = 4 and covers columns 4–5 of a 5-wide input (24 px cells).
        String after = picture(byId("pool-output-shape-ceil"), true, "en").orElseThrow().svg();
        assertTrue(after.contains("Y 3×3"), after);
        assertTrue(after.contains("<rect class=\"window next\" x=\"96\" y=\"122\" width=\"48\" height=\"48\"/>"), after);
        // conv2d-pytorch-example, pinned: a batch of 4 of 2×3×5, 3×5 kernel, padding 1×2: output 3×5 per plane
        String conv = picture(byId("conv2d-pytorch-example"), true, "en").orElseThrow().svg();
        assertTrue(conv.contains("X 3×5") && conv.contains("Y 3×5"), conv);
    }

    @Test
    void weightsPictureDrawsOneBlockPerOutputChannelAndHidesTheCount() throws IOException {
        // conv-vs-fc-params, pinned: 2 → 3 channels, 3×5 kernel, padding 1×2 on a 2×3×5 input:
        // output 3×(3 + 2 − 3 + 1)×(5 + 4 − 5 + 1) = 3×3×5 = 45 values; conv params 3·(2·3·5) + 3.
        ExerciseDefinition ex = byId("conv-vs-fc-params");
        String before = picture(ex, false, "en").orElseThrow().svg();
        String after = picture(ex, true, "en").orElseThrow().svg();
        for (String w : List.of(">W1<", ">W2<", ">W3<", ">b3<")) {
            assertTrue(before.contains(w), w + " missing: " + before);
        }
        assertFalse(before.contains(">W4<"), before);
        assertTrue(before.contains("x 2×3×5 = 30"), before);
        assertTrue(before.contains("y ?"), before);
        assertFalse(before.contains("45") || before.contains("3 × (2×3×5)"), "the answer shows before it may: " + before);
        assertTrue(after.contains("y 3×3×5 = 45"), after);
        assertTrue(after.contains("3 × (2×3×5) + 3"), after);

        // conv-vs-fc-no-bias, pinned: 10 output channels, no bias: W1, W2, W3, …, W10 and no bias cells
        String noBias = picture(byId("conv-vs-fc-no-bias"), true, "zh").orElseThrow().svg();
        assertTrue(noBias.contains(">W10<") && noBias.contains(">…<") && !noBias.contains(">W4<"), noBias);
        assertFalse(noBias.contains(">b1<"), noBias);
        assertTrue(noBias.contains("10 × (3×3×3)<"), noBias);
    }

    @Test
    void flattenAndDensePicturesKeepTheirCountsUntilRevealed() throws IOException {
        // ex1-fc-params, pinned: 3×256×256 flattened = 196,608 inputs, 1,000 outputs:
        // 196,608 · 1,000 + 1,000 = 196,609,000 parameters
        ExerciseDefinition fc = byId("ex1-fc-params");
        String before = picture(fc, false, "en").orElseThrow().svg();
        assertTrue(before.contains("x 3×256×256 = 196608") && before.contains("y 1000") && before.contains("W ? + b ?"), before);
        assertFalse(before.contains("196609000"), "the answer shows before it may: " + before);
        String after = picture(fc, true, "zh").orElseThrow().svg();
        assertTrue(after.contains("W 1000×196608 + b 1000 = 196609000"), after);

        // flatten-locality, pinned: 3×4×5 → a vector of 60; a pixel and the one below it are 5 (one row) apart
        ExerciseDefinition flat = byId("flatten-locality");
        String grid = picture(flat, false, "en").orElseThrow().svg();
        assertTrue(grid.contains("X 3×4×5"), grid);
        assertEquals(4 * 5, count(grid, "cell") + count(grid, "cell row-b"), "channel 0 drawn whole: " + grid);
        assertFalse(grid.contains(">x 60<") || grid.contains(">+5<"), "neither answer before it may show: " + grid);
        String vector = picture(flat, true, "en").orElseThrow().svg();
        assertTrue(vector.contains(">x 60<") && vector.contains(">+5<") && vector.contains("class=\"bracket\""), vector);
    }

    @Test
    void weightShapeIsDrawnOnlyOnceRevealed() throws IOException {
        // conv-weight-shape, pinned: Conv2d(3, 10, kernel_size=(3, 3)): weight 10×3×3×3, one block of 3×3×3 per
        // output channel (W1, W2, W3, …, W10) and a bias of 10
        ExerciseDefinition ex = byId("conv-weight-shape");
        assertTrue(picture(ex, false, "en").isEmpty(), "the blocks would give the asked shape away");
        String after = picture(ex, true, "en").orElseThrow().svg();
        assertTrue(after.contains(">W1<") && after.contains(">W10<") && after.contains(">b10<"), after);
        assertTrue(after.contains("10 × (3×3×3) + 10"), after);
    }

    private static long count(String svg, String cls) {
        return java.util.regex.Pattern.compile("<rect class=\"" + cls + "\"").matcher(svg).results().count();
    }

    @Test
    void receptiveFieldPictureMarksWhatTheMiddleElementSeesOnceRevealed() throws IOException {
        // rf-two-3x3, pinned: 5 high, two 3×3 convolutions: rows of 5, 3 and 1 cells; the one top cell reads all 3
        // below it, which read all 5 of the input: r = 3 + 3 − 1 = 5. Before reveal nothing is drawn (the rows
        // would give the asked output shape, 1×1×1).
        ExerciseDefinition two = byId("rf-two-3x3");
        assertTrue(picture(two, false, "en").isEmpty());
        String after = picture(two, true, "en").orElseThrow().svg();
        assertEquals(1 + 3 + 5, count(after, "target"), after);
        assertEquals(0, count(after, "cell"), "every cell is seen: " + after);
        assertTrue(after.contains(">r 5<") && after.contains("class=\"bracket\""), after);

        // rf-larger-than-input, pinned: a 3-high input, 3×3 with padding 1, 3×3 with padding 1, then 1×1: every row
        // 3 cells; the middle top cell → the middle of row 2 (k 1) → all 3 of row 1 (k 3, p 1: 1 − 1 + 0…2) → input
        // rows −1…3, one padding row on each side: r = 5, larger than the 3-high input.
        ExerciseDefinition larger = byId("rf-larger-than-input");
        String shown = picture(larger, true, "en").orElseThrow().svg();
        assertEquals(1 + 1 + 3 + 3, count(shown, "target"), shown);
        assertEquals(2, count(shown, "pad target"), "the field reaches into the padding on both sides: " + shown);
        assertEquals(2, count(shown, "pad"), "row 1 keeps its two padding cells unmarked: " + shown);
        assertTrue(shown.contains(">r 5<"), shown);
        String before = picture(larger, false, "en").orElseThrow().svg();
        assertEquals(1, count(before, "target"), "only the element asked about: " + before);
        assertTrue(before.contains(">r ?<") && !before.contains("bracket"), before);
        assertTrue(picture(larger, false, "zh").orElseThrow().svg().contains("感受野") || picture(larger, false, "zh").orElseThrow().caption()
                .contains("感受野"));

        // rf-stacked-family, pinned: 16 high, 3×3 then 3×3, strides 1: r = 5 again, rows of 16, 14 and 12
        String family = picture(byId("rf-stacked-family"), true, "en").orElseThrow().svg();
        assertEquals(1 + 3 + 5, count(family, "target"), family);
        assertEquals((16 - 5) + (14 - 3) + (12 - 1), count(family, "cell"), family);
    }

    private static java.util.Optional<Pictures.Picture> picture(ExerciseDefinition ex, boolean revealed, String lang) {
        return Pictures.forQuestion(ex.model(ex.variant(0)), quantities(ex), revealed, lang);
    }

    private static Set<String> quantities(ExerciseDefinition ex) {
        return ex.spec().parts().stream().map(PartSpec::quantity).collect(Collectors.toSet());
    }

    private static ExerciseDefinition byId(String id) throws IOException {
        return all().stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
    }

    private static List<ExerciseDefinition> all() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("exercises"))) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().map(f -> {
                try {
                    return ExerciseParser.parse("exercises/" + f.getFileName(), Files.readString(f));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }
}
