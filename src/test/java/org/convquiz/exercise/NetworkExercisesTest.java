package org.convquiz.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The whole-network exercises (exercises/net-*.yaml): each passes its self-tests and grades its own reference
 * answers full for 50 seeds, and a wrong layer costs only that layer's points (partial credit per layer).
 */
class NetworkExercisesTest {
    static final int SEEDS = 50;

    static List<ExerciseDefinition> networkExercises() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("exercises"))) {
            return files.filter(f -> f.getFileName().toString().startsWith("net-") && f.toString().endsWith(".yaml")).sorted()
                    .map(f -> {
                        try {
                            return ExerciseParser.parse("exercises/" + f.getFileName(), Files.readString(f));
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }).toList();
        }
    }

    @Test
    void theIssuesFamiliesAreAllThere() throws IOException {
        List<String> ids = networkExercises().stream().map(ExerciseDefinition::id).toList();
        for (String id : List.of("net-lenet5", "net-alexnet", "net-vgg-block", "net-resnet-block", "net-depthwise-separable", "net-dilated",
                "net-transposed", "net-fix-padding")) {
            assertTrue(ids.contains(id), id + " in " + ids);
        }
    }

    @TestFactory
    Stream<DynamicTest> selfTestsAndFiftySeeds() throws IOException {
        return networkExercises().stream().map(ex -> DynamicTest.dynamicTest(ex.id(), () -> {
            assertEquals(List.of(), SelfTests.run(ex));
            for (long seed = 0; seed < SEEDS; seed++) {
                List<Reference> refs = ex.references(seed);
                Map<String, String> answers = new HashMap<>();
                for (int i = 0; i < refs.size(); i++) {
                    answers.put(ex.parts(seed).get(i).id(), refs.get(i).value().display());
                }
                assertTrue(Grader.grade(ex, seed, answers).isFullMarks(), ex.id() + " seed " + seed);
                // one layer wrong: every other part keeps its points
                String first = ex.parts(seed).get(0).id();
                Map<String, String> oneWrong = new HashMap<>(answers);
                oneWrong.put(first, "999999999");
                Grader.Grade partial = Grader.grade(ex, seed, oneWrong);
                double firstPoints = ex.parts(seed).get(0).pointsOrDefault();
                assertEquals(ex.maxScore() - firstPoints, partial.score(), 1e-6, ex.id() + " seed " + seed + ": partial credit");
            }
        }));
    }
}
