package org.convquiz.exercise;

import java.util.List;

/** A broken exercise file: every problem found, each as "path:line:column: what is wrong — how to fix it". */
public class ExerciseFileException extends RuntimeException {
    private final transient List<String> problems;

    public ExerciseFileException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
