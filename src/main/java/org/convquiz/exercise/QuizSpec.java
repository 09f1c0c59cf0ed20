package org.convquiz.exercise;

import java.util.List;

/** A quiz file (exercises/quizzes/*.yaml): a titled, ordered list of exercise ids for one tutorial section. */
public record QuizSpec(String id, String section, Text title, List<String> exercises) {
    public QuizSpec {
        exercises = exercises == null ? List.of() : List.copyOf(exercises);
    }
}
