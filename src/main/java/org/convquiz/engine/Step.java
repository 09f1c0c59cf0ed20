package org.convquiz.engine;

/**
 * One derivation step shown to a student.
 *
 * <p>Formula conventions (a MathML tokenizer in the web layer depends on them): subscripts with
 * {@code _x} or {@code _{xyz}}, {@code ⌊ ⌋}/{@code ⌈ ⌉} for floor/ceil, {@code ×} for multiplying
 * numbers, {@code ·} for elementwise products inside sums, {@code −} (U+2212) for minus, {@code /} for
 * division, {@code =} between the sides, plain parentheses.
 *
 * @param en          short English description
 * @param zh          short Chinese description
 * @param formula     symbolic formula, e.g. {@code H_{out} = ⌊(n_h + 2p − d(k − 1) − 1)/s⌋ + 1}
 * @param substituted the formula with numbers substituted
 * @param value       the result, e.g. {@code 102}
 */
public record Step(String en, String zh, String formula, String substituted, String value) {
    public Step {
        en = en == null ? "" : en;
        zh = zh == null ? "" : zh;
        formula = formula == null ? "" : formula;
        substituted = substituted == null ? "" : substituted;
        value = value == null ? "" : value;
    }
}
