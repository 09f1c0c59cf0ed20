package org.convquiz.exercise;

import java.util.List;
import org.convquiz.engine.Step;
import org.convquiz.exercise.answer.ParsedAnswer;

/** A part's right answer as the engine computed it, in the same form a student's answer is read into, with its derivation. */
public record Reference(ParsedAnswer value, List<Step> steps) {
    public Reference {
        steps = List.copyOf(steps);
    }
}
