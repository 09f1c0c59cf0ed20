package org.convquiz.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Broken exercise files get errors that name file, line and column, say what is wrong and how to fix it. */
class ExerciseParserTest {
    private static String example() throws IOException {
        return Files.readString(Path.of("exercises/padding-output-shape.yaml"));
    }

    private static String error(String yaml) {
        ExerciseFileException e = assertThrows(ExerciseFileException.class, () -> ExerciseParser.parse("exercises/x.yaml", yaml));
        return e.getMessage();
    }

    private static int lineOf(String yaml, String text) {
        String[] lines = yaml.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text);
    }

    @Test
    void unknownQuantityNamesItsLineAndSuggestsTheRightName() throws IOException {
        String yaml = example().replace("quantity: output_shape", "quantity: outptu_shape");
        String message = error(yaml);
        int line = lineOf(yaml, "outptu_shape");
        assertTrue(message.startsWith("exercises/x.yaml:" + line + ":"), message);
        assertTrue(message.contains("unknown quantity 'outptu_shape' — did you mean 'output_shape'?"), message);
    }

    @Test
    void unknownFieldIsReportedWithTheAllowedOnes() throws IOException {
        String yaml = example().replace("tags:", "tgas:");
        String message = error(yaml);
        assertTrue(message.startsWith("exercises/x.yaml:" + lineOf(yaml, "tgas:") + ":"), message);
        assertTrue(message.contains("unknown field 'tgas' — did you mean 'tags'?"), message);
    }

    @Test
    void anEmptyDomainIsFoundWhenTheFileIsLoaded() throws IOException {
        String yaml = example().replace("  - c_in != c_out", "  - c_in != c_out\n  - k > n + 2 * p + 100");
        String message = error(yaml);
        assertTrue(message.contains("no value satisfies the constraints"), message);
        assertTrue(message.contains("k"), message);
    }

    @Test
    void pinnedValuesMustSatisfyTheConstraints() throws IOException {
        String yaml = example().replace("pinned: {c_in: 3, c_out: 4,", "pinned: {c_in: 4, c_out: 4,");
        assertTrue(error(yaml).contains("the pinned values break the constraints [c_in != c_out]"));
    }

    @Test
    void missingChineseTextUnknownLayerArgumentAndUnknownMisconception() throws IOException {
        assertTrue(error(example().replace("  zh: 含填充的输出形状（练习 3）\n", "")).contains("title needs both languages"));
        String arg = example().replace("kernel_size: k, padding: p}", "kernel_size: k, paddin: p}");
        assertTrue(error(arg).contains("conv2d has no argument 'paddin' — did you mean 'padding'?"), error(arg));
        String mis = example().replace("misconception: forgot_plus_one", "misconception: forgot_plus_two");
        assertTrue(error(mis).contains("unknown misconception 'forgot_plus_two' — did you mean 'forgot_plus_one'?"), error(mis));
    }

    @Test
    void aLayerTheEngineRefusesIsAnAuthoringError() throws IOException {
        String yaml = example().replace("n: {range: [8, 128], step: 4}", "n: {range: [1, 2]}").replace("  - n + 2 * p >= k\n", "")
                .replace("k: {choices: [2, 3, 4, 5, 7]}", "k: {choices: [7]}").replace("p: {range: [1, 3]}", "p: {range: [0, 1]}");
        String message = error(yaml);
        assertTrue(message.contains("the engine cannot compute output_shape for seed 1"), message);
        assertTrue(message.contains("Kernel size"), message);
    }

    @Test
    void yamlSyntaxErrorsHaveAPosition() {
        String message = error("id: x\ntitle: {en: a, zh: b\nparts: [");
        assertTrue(message.matches("(?s)exercises/x\\.yaml:\\d+:\\d+: .*"), message);
    }

    @Test
    void variantsAreDeterministicFromTheSeed() throws IOException {
        ExerciseDefinition d = ExerciseParser.parse("exercises/p.yaml", example());
        for (long seed = 1; seed < 30; seed++) {
            assertEquals(d.variant(seed), d.variant(seed));
        }
        assertEquals(java.util.Map.of("c_in", 3, "c_out", 4, "k", 3, "p", 2, "n", 100), d.variant(0).params());
        // Different seeds give different students different numbers (not all the same variant).
        Set<Object> distinct = new HashSet<>();
        for (long seed = 1; seed < 30; seed++) {
            distinct.add(d.variant(seed).params());
        }
        assertTrue(distinct.size() > 20, "variety: " + distinct.size());
    }

    @Test
    void everyCataloguedMisconceptionIsExercisedBySomeSelfTest() {
        Set<String> named = new HashSet<>();
        ExerciseFilesTest.all().forEach(ex -> ex.spec().selftests().forEach(t -> {
            if (t.misconception() != null) {
                named.add(t.misconception());
            }
        }));
        Set<String> all = new HashSet<>(Arrays.stream(Misconception.values()).map(Misconception::id).toList());
        all.removeAll(named);
        assertEquals(Set.of(), all, "misconceptions with no self-test");
        assertTrue(Misconception.values().length >= 10);
    }

    /**
     * Every figure the tutorial draws (图1…图8) and every numbered exercise under its 练习 heading has an
     * exercise file tagged {@code figure-N} / {@code exercise-N}. The list is read from the tutorial's own
     * text, (a copy of ../shared/tutorial kept with the tests), so a figure or exercise without a quiz exercise fails here.
     */
    @Test
    void everyTutorialFigureAndExerciseHasAnExercise() throws IOException {
        String tutorial = Files.readString(Path.of("src/test/resources/tutorial/cnn-basics.zh.txt"));
        Set<String> wanted = new TreeSet<>();
        Matcher figures = Pattern.compile("图\\s*(\\d+)").matcher(tutorial);
        while (figures.find()) {
            wanted.add("figure-" + figures.group(1));
        }
        String exercises = tutorial.substring(tutorial.lastIndexOf("\n练习\n"));
        Matcher numbered = Pattern.compile("(?m)^(\\d+)、").matcher(exercises);
        while (numbered.find()) {
            wanted.add("exercise-" + numbered.group(1));
        }
        assertEquals(13, wanted.size(), "8 figures and 5 exercises in the tutorial: " + wanted);
        Set<String> tagged = new HashSet<>();
        ExerciseFilesTest.all().forEach(ex -> tagged.addAll(ex.spec().tags()));
        wanted.removeAll(tagged);
        assertEquals(Set.of(), wanted, "tutorial figures and exercises without an exercise file");
    }
}
