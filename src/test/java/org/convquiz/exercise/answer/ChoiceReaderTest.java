package org.convquiz.exercise.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The choice reader is one bounded scan: hostile separators cannot overflow the stack. */
class ChoiceReaderTest {
    private static final List<String> ABCD = List.of("A", "B", "C", "D");

    @Test
    void emptySeparatorsAreSkipped() {
        ParseOutcome o = AnswerParser.parse(AnswerKind.MULTIPLE_CHOICE, "A, , , , C", ABCD);
        assertEquals("A, C", assertInstanceOf(ParseOutcome.Ok.class, o).answer().display());
    }

    @Test
    void longSeparatorRunsAreRefusedNotRecursedInto() {
        for (AnswerKind kind : List.of(AnswerKind.SINGLE_CHOICE, AnswerKind.MULTIPLE_CHOICE)) {
            ParseOutcome o = AnswerParser.parse(kind, "A" + ", ".repeat(9_000), ABCD);
            ParseOutcome.Unreadable u = assertInstanceOf(ParseOutcome.Unreadable.class, o);
            assertTrue(u.en().contains("too long for a choice"), u.en());
            assertTrue(u.zh().contains("太长"), u.zh());
        }
    }

    @Test
    void optionNumbersFollowTheOptionsGiven() {
        // the tutorial's key for exercise 5: "选项1：错误" is option A
        ParseOutcome o = AnswerParser.parse(AnswerKind.SINGLE_CHOICE, "选项1", ABCD);
        assertEquals("A", assertInstanceOf(ParseOutcome.Ok.class, o).answer().display());
        ParseOutcome many = AnswerParser.parse(AnswerKind.MULTIPLE_CHOICE, "1、3", ABCD);
        assertEquals("A, C", assertInstanceOf(ParseOutcome.Ok.class, many).answer().display());
        ParseOutcome.Unreadable u = assertInstanceOf(ParseOutcome.Unreadable.class, AnswerParser.parse(AnswerKind.MULTIPLE_CHOICE, "13", ABCD));
        assertTrue(u.en().contains("“13” is not an option number (1 to 4)"), u.en());
    }
}
