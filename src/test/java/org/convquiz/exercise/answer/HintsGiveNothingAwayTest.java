package org.convquiz.exercise.answer;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Hints show on every variant, exams included, so their examples must not be the tutorial's own answers
 * (exercise 1: 196609000, exercise 2: 280 = 10×3×3×3+10, exercise 3: 4×102×102, figure 1: [[19, 25], [37, 43]]):
 * a student given the tutorial's numbers would otherwise read the answer off the hint.
 */
class HintsGiveNothingAwayTest {
    private static final List<String> TUTORIAL_ANSWERS = List.of("196609000", "196,609,000", "3×256×256×1000", "280",
            "10×3×3×3", "102", "19, 25", "37, 43");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"INTEGER|abc", "INTEGER|1,23,4", "NUMBER|abc", "SHAPE|abc", "TENSOR|[[1, 2), (3, 4]]",
            "TENSOR|[[1, 2], [3, 4]", "TENSOR|abc", "SINGLE_CHOICE|Z", "MULTIPLE_CHOICE|Z"})
    void unreadableAnswersGetHintsWithoutTutorialAnswers(AnswerKind kind, String raw) {
        ParseOutcome outcome = AnswerParser.parse(kind, raw, List.of("A", "B", "C", "D"));
        if (outcome instanceof ParseOutcome.Unreadable u) {
            for (String answer : TUTORIAL_ANSWERS) {
                assertFalse(u.en().contains(answer), () -> kind + " hint gives away " + answer + ": " + u.en());
                assertFalse(u.zh().contains(answer), () -> kind + " hint gives away " + answer + ": " + u.zh());
            }
        } else {
            throw new AssertionError(raw + " should be unreadable as " + kind + ": " + outcome);
        }
    }

    @Test
    void inputHintsOnTheAttemptPageHaveNoTutorialAnswers() throws IOException {
        for (String bundle : List.of("src/main/resources/messages/msg_zh.properties", "src/main/java/org/convquiz/web/AppMessages.java")) {
            for (String line : Files.readAllLines(Path.of(bundle), StandardCharsets.UTF_8)) {
                if (line.contains("attempt_hint") || line.contains("@Message(\"A whole number") || line.contains("@Message(\"A shape")
                        || line.contains("@Message(\"Values row by row")) {
                    for (String answer : TUTORIAL_ANSWERS) {
                        assertFalse(line.contains(answer), () -> bundle + ": " + line);
                    }
                }
            }
        }
    }
}
