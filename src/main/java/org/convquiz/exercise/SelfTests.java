package org.convquiz.exercise;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.convquiz.exercise.ExerciseSpec.SelfTest;

/** Runs the self-tests written inside an exercise file through the one grading function. */
public final class SelfTests {
    private SelfTests() {
    }

    /** The failures, each saying which self-test and what differed; empty when all pass. */
    public static List<String> run(ExerciseDefinition exercise) {
        List<String> failures = new ArrayList<>();
        List<SelfTest> tests = exercise.spec().selftests();
        for (int i = 0; i < tests.size(); i++) {
            SelfTest t = tests.get(i);
            Grader.Grade grade = Grader.grade(exercise, t.seed(), t.answers());
            String where = exercise.sourcePath() + " selftests[" + i + "] " + t.answers() + ": ";
            if (t.score() != null && Math.abs(grade.score() - t.score()) > 0.005) {
                failures.add(where + "expected score " + t.score() + " but got " + grade.score() + " " + feedback(grade));
            }
            if (t.misconception() != null) {
                boolean named = grade.parts().stream().flatMap(p -> p.misconceptions().stream())
                        .anyMatch(m -> Objects.equals(m.id(), t.misconception()));
                if (!named) {
                    failures.add(where + "expected misconception " + t.misconception() + " but got " + grade.parts().stream()
                            .map(p -> p.misconceptions().stream().map(Misconception::id).toList()).toList() + " " + feedback(grade));
                }
            }
        }
        return failures;
    }

    private static String feedback(Grader.Grade grade) {
        return grade.parts().stream().map(p -> p.partId() + ": read " + p.readAs() + ", reference " + p.reference()).toList().toString();
    }
}
