package org.convquiz.exercise.answer;

import org.convquiz.engine.Phrase;

/**
 * Thrown inside the readers when the text cannot be read; {@link AnswerParser} turns it into
 * {@link ParseOutcome.Unreadable}. The problem is a full sentence in each language; the hint is optional
 * (when absent, the parser uses the kind's general hint).
 */
final class ReadException extends RuntimeException {

    /** The problem, a full sentence; its words are in the phrase files (answers.properties). */
    final Phrase problem;
    /** What to write instead, or null for the kind's general hint. */
    final Phrase hint;

    ReadException(Phrase problem) {
        this(problem, null);
    }

    ReadException(Phrase problem, Phrase hint) {
        super(problem.en(), null, false, false); // no stack trace: this is control flow, not a bug
        this.problem = problem;
        this.hint = hint;
    }

    /** Quotes a fragment of the student's text, shortened so messages stay one line. */
    static String quote(String fragment) {
        String f = fragment.strip().replace('\n', ' ');
        if (f.length() > 24) {
            f = f.substring(0, 21) + "…";
        }
        return "“" + f + "”";
    }

    /** Quotes the end of the text read so far, to say where a problem is. */
    static String quoteTail(String readSoFar) {
        String f = readSoFar.strip().replace('\n', ' ');
        if (f.length() > 16) {
            f = "…" + f.substring(f.length() - 15);
        }
        return "“" + f + "”";
    }
}
