package org.convquiz.exercise;

import java.util.List;
import org.convquiz.engine.Step;
import org.convquiz.exercise.answer.ParsedAnswer;

/**
 * A part's right answer as the engine computed it, in the same form a student's answer is read into, with its derivation.
 * {@code weights} (tensors only, may be null) says how much each cell tests the idea: a max-pool gradient cell that
 * two windows add into weighs 2, a cell that is 0 whatever one thinks weighs 0. {@code window} (receptive fields
 * only, may be null) is the field's height and width.
 */
public record Reference(ParsedAnswer value, List<Step> steps, List<Double> weights, int[] window) {
    public Reference {
        steps = List.copyOf(steps);
        weights = weights == null ? null : List.copyOf(weights);
    }

    public Reference(ParsedAnswer value, List<Step> steps) {
        this(value, steps, null, null);
    }
}
