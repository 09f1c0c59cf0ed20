package org.convquiz.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.convquiz.exercise.ExerciseSpec.PartSpec;
import org.convquiz.exercise.answer.AnswerParser;
import org.convquiz.exercise.answer.ParseOutcome;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every file in exercises/: it loads, its self-tests pass, and 50 seeds grade their own reference answers right. */
class ExerciseFilesTest {
    static final int SEEDS = 50;

    static List<ExerciseDefinition> all() {
        try (Stream<Path> files = Files.list(Path.of("exercises"))) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().map(f -> {
                try {
                    return ExerciseParser.parse("exercises/" + f.getFileName(), Files.readString(f));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @TestFactory
    Stream<DynamicTest> selfTestsPass() {
        return all().stream().map(ex -> DynamicTest.dynamicTest(ex.id(), () -> {
            assertTrue(!ex.spec().selftests().isEmpty(), ex.id() + " has no self-tests");
            assertEquals(List.of(), SelfTests.run(ex));
        }));
    }

    @TestFactory
    Stream<DynamicTest> referenceAnswersRoundTripAndMisconceptionsScoreLess() {
        return all().stream().map(ex -> DynamicTest.dynamicTest(ex.id(), () -> {
            for (long seed = 0; seed < SEEDS; seed++) {
                List<Reference> refs = ex.references(seed);
                Map<String, String> answers = new HashMap<>();
                for (int i = 0; i < refs.size(); i++) {
                    PartSpec part = ex.parts(seed).get(i);
                    String shown = refs.get(i).value().display();
                    ParseOutcome back = AnswerParser.parse(ExerciseDefinition.kind(part), shown,
                            part.options().stream().map(ExerciseSpec.OptionSpec::key).toList());
                    assertTrue(back instanceof ParseOutcome.Ok, ex.id() + " seed " + seed + ": reference '" + shown + "' does not parse: " + back);
                    assertTrue(!refs.get(i).steps().isEmpty(), ex.id() + " seed " + seed + " part " + part.id() + " has no derivation");
                    answers.put(part.id(), shown);
                }
                Grader.Grade grade = Grader.grade(ex, seed, answers);
                assertTrue(grade.isFullMarks(), ex.id() + " seed " + seed + ": its own reference scored " + grade.score());

                Model model = ex.model(ex.variant(seed));
                for (int i = 0; i < refs.size(); i++) {
                    PartSpec part = ex.parts(seed).get(i);
                    for (Misconception m : Misconception.values()) {
                        var wrong = m.wrongAnswer(model, part, ExerciseDefinition.quantity(part));
                        if (wrong.isEmpty() || wrong.get().equals(refs.get(i).value())) {
                            continue;
                        }
                        Grader.PartResult r = Grader.gradePart(model, part, wrong.get().display());
                        assertTrue(r.score() < r.maxScore(), ex.id() + " seed " + seed + ": " + m.id() + " answer scored full");
                        assertTrue(r.misconception() != null, ex.id() + " seed " + seed + ": " + m.id() + " answer " + wrong.get().display() + " not named");
                    }
                }
            }
        }));
    }
}
