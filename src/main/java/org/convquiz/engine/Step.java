package org.convquiz.engine;

/**
 * One derivation step shown to a student.
 *
 * <p>Formula conventions (a MathML tokenizer in the web layer depends on them): subscripts with
 * {@code _x} or {@code _{xyz}}, {@code ⌊ ⌋}/{@code ⌈ ⌉} for floor/ceil, {@code ×} for multiplying
 * numbers, {@code ·} for elementwise products inside sums, {@code −} (U+2212) for minus, {@code /} for
 * division, {@code =} between the sides, plain parentheses.
 *
 * @param what        what the step does, as a phrase (key and numbers; the words are in the phrase files)
 * @param formula     symbolic formula, e.g. {@code H_{out} = ⌊(n_h + 2p − d(k − 1) − 1)/s⌋ + 1}
 * @param substituted the formula with numbers substituted
 * @param value       the result, e.g. {@code 102}
 */
public record Step(Phrase what, String formula, String substituted, String value) {
    public Step {
        if (what == null) {
            throw new IllegalArgumentException("a step needs a phrase");
        }
        formula = formula == null ? "" : formula;
        substituted = substituted == null ? "" : substituted;
        value = value == null ? "" : value;
    }

    /** A step whose words are the phrase of a key filled with arguments. */
    public static Step of(Phrase what, String formula, String substituted, String value) {
        return new Step(what, formula, substituted, value);
    }

    /** The step's words in English. */
    public String en() {
        return what.en();
    }

    /**
     * The step's words in Chinese, with full-width punctuation next to Chinese (the phrase files may write ":" or "(…)"
     * as the formulas beside them do; a student reads full-width marks between Chinese words).
     */
    public String zh() {
        return ChinesePunctuation.apply(what.zh());
    }
}
