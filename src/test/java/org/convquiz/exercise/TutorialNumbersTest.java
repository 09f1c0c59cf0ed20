package org.convquiz.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The pinned (seed 0) variant of each tutorial exercise, computed by the engine, against the numbers
 * printed in the tutorial (shared/tutorial/README.md): hand-worked fixtures the engine must reproduce.
 */
class TutorialNumbersTest {
    /** exercise id → the tutorial's answers of its parts, in order, as displayed. */
    static final Map<String, List<String>> TUTORIAL = new TreeMap<>(Map.ofEntries(
            Map.entry("ex1-fc-params", List.of("196609000")),
            Map.entry("ex2-conv-params", List.of("280")),
            Map.entry("padding-output-shape", List.of("4×102×102")),
            Map.entry("ex4-conv-statements", List.of("B")),
            Map.entry("ex5-pooling-statements", List.of("A")),
            Map.entry("fig1-cross-correlation", List.of("[[19, 25], [37, 43]]")),
            Map.entry("fig1-first-element", List.of("19")),
            Map.entry("fig2-padding", List.of("[[[0, 3, 8, 4], [9, 19, 25, 10], [21, 37, 43, 16], [6, 7, 8, 0]]]")),
            Map.entry("fig3-stride", List.of("[[[0, 8], [6, 8]]]")),
            Map.entry("fig4-multi-input-channels", List.of("[[[56, 72], [104, 120]]]")),
            Map.entry("fig6-max-pool", List.of("[[4, 5], [7, 8]]")),
            Map.entry("fig6-avg-pool", List.of("[[2, 3], [5, 6]]")),
            Map.entry("conv2d-pytorch-example", List.of("4×3×3×5", "3×2×3×5", "3")),
            Map.entry("maxpool2d-pytorch-example",
                    List.of("1×2×2×4", "[[[[5, 6, 7, 7], [13, 14, 15, 15]], [[21, 22, 23, 23], [29, 30, 31, 31]]]]")),
            Map.entry("rf-two-3x3", List.of("1×1×1", "5"))));

    @Test
    void pinnedVariantsReproduceTheTutorial() {
        Map<String, ExerciseDefinition> byId = new TreeMap<>();
        ExerciseFilesTest.all().forEach(d -> byId.put(d.id(), d));
        Map<String, List<String>> computed = new TreeMap<>();
        TUTORIAL.keySet().forEach(id -> {
            ExerciseDefinition d = byId.get(id);
            List<String> answers = d == null ? List.of("missing file") : d.references(Variant.PINNED).stream()
                    .map(r -> r.value().display()).limit(TUTORIAL.get(id).size()).toList();
            computed.put(id, answers);
        });
        assertEquals(TUTORIAL, computed);
    }
}
