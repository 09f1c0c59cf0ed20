package org.convquiz.exercise.answer;

import java.util.Objects;

/**
 * The result of reading a student's text: a value, a bilingual "could not read" message, or nothing typed.
 * An unreadable answer is never graded as wrong; the student is asked to write it again.
 */
public sealed interface ParseOutcome {

    /** The text was read; {@link ParsedAnswer#display()} tells the student how. */
    record Ok(ParsedAnswer answer) implements ParseOutcome {
        public Ok {
            Objects.requireNonNull(answer, "answer");
        }
    }

    /**
     * The text could not be read. {@code en} reads "Could not read your answer: … Hint: …", {@code zh} the same in
     * Chinese (phrase {@code answers.unreadable}).
     */
    record Unreadable(String en, String zh) implements ParseOutcome {
        public Unreadable {
            Objects.requireNonNull(en, "en");
            Objects.requireNonNull(zh, "zh");
        }
    }

    /** Nothing but blanks or a bare prefix such as "answer:" (or its Chinese) was typed. */
    record Empty() implements ParseOutcome {
    }
}
