package org.convquiz.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.convquiz.engine.Step;

/** A derivation step as pages and the API show it: the engine's texts plus the formulas typeset as MathML. */
public record StepView(
        String en,
        String zh,
        String formula,
        String substituted,
        String value,
        @JsonProperty("formula_mathml") String formulaMathml,
        @JsonProperty("substituted_mathml") String substitutedMathml) {

    public static StepView of(Step step) {
        return new StepView(step.en(), step.zh(), step.formula(), step.substituted(), step.value(),
                blank(step.formula()) ? null : MathMl.render(step.formula()),
                blank(step.substituted()) ? null : MathMl.render(step.substituted()));
    }

    public static List<StepView> of(List<Step> steps) {
        return steps.stream().map(StepView::of).toList();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
