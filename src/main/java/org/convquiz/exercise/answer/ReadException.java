package org.convquiz.exercise.answer;

/**
 * Thrown inside the readers when the text cannot be read; {@link AnswerParser} turns it into
 * {@link ParseOutcome.Unreadable}. The problem is a full sentence in each language; the hint is optional
 * (when absent, the parser uses the kind's general hint).
 */
final class ReadException extends RuntimeException {

    final String problemEn;
    final String problemZh;
    final String hintEn;
    final String hintZh;

    ReadException(String problemEn, String problemZh) {
        this(problemEn, problemZh, null, null);
    }

    ReadException(String problemEn, String problemZh, String hintEn, String hintZh) {
        super(problemEn, null, false, false); // no stack trace: this is control flow, not a bug
        this.problemEn = problemEn;
        this.problemZh = problemZh;
        this.hintEn = hintEn;
        this.hintZh = hintZh;
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
