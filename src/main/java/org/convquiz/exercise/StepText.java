package org.convquiz.exercise;

import org.convquiz.engine.ChinesePunctuation;

/** Transitional (issue 14): steps now say their Chinese with full-width punctuation themselves ({@link org.convquiz.engine.Step#zh}). */
final class StepText {
    private StepText() {
    }

    static String chinese(String text) {
        return ChinesePunctuation.apply(text);
    }
}
