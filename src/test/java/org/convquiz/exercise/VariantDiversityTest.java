package org.convquiz.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.convquiz.exercise.ExerciseSpec.PartSpec;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Issue 10, "variants that cannot be shared": over 100 seeds every exercise's reference answers (all parts
 * together) take at least 10 distinct values, and a choice question's answer sits at every option position,
 * unless the file says why not ({@code few_values}). Prints the table for the closing note:
 * {@code mvn test -Dtest=VariantDiversityTest}.
 */
class VariantDiversityTest {
    static final int SEEDS = 100;
    static final int MIN_DISTINCT = 10;

    static int distinct(ExerciseDefinition ex) {
        Set<List<String>> seen = new HashSet<>();
        for (long seed = 0; seed < SEEDS; seed++) {
            seen.add(ex.references(seed).stream().map(r -> r.value().display()).toList());
        }
        return seen.size();
    }

    /** For each choice part: the option letters that are the answer in some seed. */
    static Set<String> answerPositions(ExerciseDefinition ex, int partIndex) {
        Set<String> letters = new HashSet<>();
        for (long seed = 0; seed < SEEDS; seed++) {
            letters.add(ex.references(seed).get(partIndex).value().display());
        }
        return letters;
    }

    @TestFactory
    Stream<DynamicTest> everyExerciseHasTenAnswersOrSaysWhyNot() {
        return ExerciseFilesTest.all().stream().map(ex -> DynamicTest.dynamicTest(ex.id(), () -> {
            List<PartSpec> parts = ex.spec().parts();
            for (int i = 0; i < parts.size(); i++) {
                if (parts.get(i).kind().endsWith("choice") && "single_choice".equals(parts.get(i).kind())) {
                    Set<String> expected = new HashSet<>(parts.get(i).options().stream().map(ExerciseSpec.OptionSpec::key).toList());
                    assertEquals(expected, answerPositions(ex, i), ex.id() + ": the answer should sit at every option position");
                }
            }
            int n = distinct(ex);
            boolean choiceOnly = parts.stream().allMatch(p -> p.kind().endsWith("choice"));
            if (!choiceOnly && ex.spec().fewValues() == null) {
                assertTrue(n >= MIN_DISTINCT, ex.id() + ": only " + n + " distinct reference answers over " + SEEDS
                        + " seeds; widen its parameters or say why in few_values");
            }
            if (ex.spec().fewValues() != null) {
                assertTrue(ex.spec().fewValues().isComplete(), ex.id() + ": few_values needs en and zh");
            }
        }));
    }

    private static final java.util.regex.Pattern SIZE = java.util.regex.Pattern.compile("\\d+\\s*[×x]\\s*\\d+|\\d+\\s*和\\s*\\d+");

    /**
     * A title must be true for every variant: a size it names ("2×2", "步幅分别为 3 和 2") must be in every seed's
     * prompt, and "彩色" (colour) only where every variant has 3 channels.
     */
    @TestFactory
    Stream<DynamicTest> titlesAgreeWithEveryVariant() {
        return ExerciseFilesTest.all().stream().map(ex -> DynamicTest.dynamicTest(ex.id(), () -> {
            for (String lang : List.of("en", "zh")) {
                java.util.regex.Matcher m = SIZE.matcher(ex.spec().title().in(lang));
                while (m.find()) {
                    String size = m.group().replace(" ", "").replace('x', '×');
                    for (long seed = 0; seed < SEEDS; seed++) {
                        String prompt = ex.prompt(ex.variant(seed), lang).replace(" ", "");
                        assertTrue(prompt.contains(size), ex.id() + ": title says " + size + " but seed " + seed + " is " + prompt);
                    }
                }
            }
            if (ex.spec().title().zh().contains("彩色")) {
                for (long seed = 0; seed < SEEDS; seed++) {
                    assertEquals(3, ex.model(ex.variant(seed)).inputShape()[0], ex.id() + ": title says colour, seed " + seed);
                }
            }
        }));
    }

    @Test
    void printTheTable() {
        List<String> rows = new ArrayList<>();
        rows.add("| exercise | distinct reference answers over " + SEEDS + " seeds |");
        rows.add("|---|---|");
        for (ExerciseDefinition ex : ExerciseFilesTest.all()) {
            rows.add("| " + ex.id() + " | " + distinct(ex) + (ex.spec().fewValues() != null ? " (few_values: " + ex.spec().fewValues().en() + ")" : "") + " |");
        }
        System.out.println(String.join("\n", rows));
    }
}
