package org.convquiz.security;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.convquiz.exercise.answer.AnswerKind;
import org.convquiz.exercise.answer.AnswerParser;
import org.convquiz.exercise.answer.ParseOutcome;

/**
 * Fuzz of the answer parser with a fixed seed: whatever a student types — the parser's own notation
 * shuffled, long repetitions, NUL, lone surrogates, RTL marks — it answers Ok, Empty or Unreadable
 * (never an exception, never a StackOverflowError) within a bounded time.
 */
class AnswerParserFuzzTest {
    private static final long MAX_MILLIS = 2_000;
    /** Pieces of what the parser reads, and of what breaks parsers. */
    private static final List<String> TOKENS = List.of(
            "0", "1", "7", "9", "12", "256", "-", "+", "*", "×", "x", "/", "÷", "^", "**", "=", ".", ",", "，", "、", ";",
            "(", ")", "[", "]", "{", "}", "（", "）", "［", "］", " ", "\n", "\t", "e", "E", "A", "B", "c", "AND", "和", "以及",
            "选", "答：", "answer:", "torch.Size(", "tensor(", "½", "²", "⁸", "%", "≈", "\u0000", "\uD800", "\uDC00",
            "\u200F", "\u202E", "\uFEFF", "１", "Ｂ", "1e999999", "99999999999999999999", "∞", "NaN", "\\", "\"", "'");

    @Provide
    Arbitrary<String> typed() {
        Arbitrary<String> mixed = Arbitraries.of(TOKENS).list().ofMaxSize(200).map(l -> String.join("", l));
        Arbitrary<String> repeated = Combinators.combine(Arbitraries.of(TOKENS).list().ofMinSize(1).ofMaxSize(4),
                Arbitraries.integers().between(100, 12_000)).as((unit, n) -> String.join("", unit).repeat(n));
        Arbitrary<String> anyChars = Arbitraries.strings().all().ofMaxLength(300);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, mixed), net.jqwik.api.Tuple.of(2, repeated), net.jqwik.api.Tuple.of(2, anyChars));
    }

    @Property(tries = 600, seed = "20261128")
    void neverThrowsAndStaysQuick(@ForAll("typed") String raw, @ForAll AnswerKind kind) {
        long start = System.nanoTime();
        ParseOutcome outcome = AnswerParser.parse(kind, raw, List.of("A", "B", "C", "D"));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertNotNull(outcome);
        assertTrue(millis < MAX_MILLIS, kind + " took " + millis + " ms on " + raw.length() + " characters");
    }

    /**
     * Issue 9: this choice answer threw StackOverflowError, which blocked a whole exam. Choice answers are
     * bounded: a long run of separators within the bound is read, a longer one is refused with its length.
     */
    @Example
    void aLongListOfSeparatorsIsReadOrRefusedNotABlownStack() {
        for (AnswerKind kind : Set.of(AnswerKind.MULTIPLE_CHOICE, AnswerKind.SINGLE_CHOICE)) {
            ParseOutcome withinBound = AnswerParser.parse(kind, "A" + ", ".repeat(90), List.of("A", "B"));
            ParseOutcome.Ok ok = assertInstanceOf(ParseOutcome.Ok.class, withinBound, kind + ": " + withinBound);
            assertTrue(ok.answer().toString().contains("A"), ok.toString());

            ParseOutcome tooLong = AnswerParser.parse(kind, "A" + ", ".repeat(2000), List.of("A", "B"));
            ParseOutcome.Unreadable refused = assertInstanceOf(ParseOutcome.Unreadable.class, tooLong, kind + ": " + tooLong);
            assertTrue(refused.toString().contains("too long"), refused.toString());
        }
        ParseOutcome many = AnswerParser.parse(AnswerKind.MULTIPLE_CHOICE, "A 和 B、".repeat(3000), List.of("A", "B"));
        assertInstanceOf(ParseOutcome.Unreadable.class, many, many.toString());
    }

    @Example
    void veryLongAndDeeplyNestedTextIsUnreadableNotACrash() {
        for (AnswerKind kind : AnswerKind.values()) {
            for (String raw : List.of("(".repeat(19_000) + "1", "[".repeat(19_000), "1+".repeat(9_999) + "1", "A".repeat(50_000),
                    "-".repeat(19_999) + "1", "[[1,2],[3,4]]".repeat(1_500))) {
                ParseOutcome outcome = AnswerParser.parse(kind, raw, List.of());
                assertNotNull(outcome, kind + " " + raw.length());
            }
        }
    }
}
