package org.convquiz.exercise;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.convquiz.engine.Step;
import org.convquiz.exercise.ExerciseSpec.OptionSpec;
import org.convquiz.exercise.ExerciseSpec.PartSpec;
import org.convquiz.exercise.answer.AnswerKind;
import org.convquiz.exercise.answer.AnswerParser;
import org.convquiz.exercise.answer.ParseOutcome;
import org.convquiz.exercise.answer.ParsedAnswer;

/**
 * The one grading function: (exercise version, seed, answers) → per-part score, feedback and
 * misconception. Students' submissions, instructors' previews, self-tests and re-grading all call it.
 */
public final class Grader {
    private Grader() {
    }

    /** How a part's answer was taken. */
    public enum Status { CORRECT, PARTIAL, WRONG, UNREADABLE, EMPTY }

    /** One part's result; {@code reference} and {@code steps} are for whoever may see them. */
    public record PartResult(
            String partId,
            Text label,
            AnswerKind kind,
            String raw,
            String readAs,
            Status status,
            double score,
            double maxScore,
            Text feedback,
            List<Misconception> misconceptions,
            String reference,
            List<Step> steps,
            Map<String, Text> optionExplanations) {

        public PartResult {
            misconceptions = misconceptions == null ? List.of() : List.copyOf(misconceptions);
        }

        /** The first named mistake (the one stored with a submission), or null. */
        public Misconception misconception() {
            return misconceptions.isEmpty() ? null : misconceptions.get(0);
        }
    }

    public record Grade(String exerciseId, long seed, List<PartResult> parts, double score, double maxScore) {
        public boolean isFullMarks() {
            return score >= maxScore - 1e-9;
        }
    }

    public static Grade grade(ExerciseDefinition exercise, long seed, Map<String, String> answers) {
        Variant variant = exercise.variant(seed);
        Model model = exercise.model(variant);
        List<PartResult> results = new ArrayList<>();
        double total = 0;
        for (PartSpec part : exercise.spec().parts()) {
            PartResult r = gradePart(model, part, answers.getOrDefault(part.id(), ""));
            results.add(r);
            total += r.score();
        }
        return new Grade(exercise.id(), seed, results, round(total), exercise.maxScore());
    }

    static PartResult gradePart(Model model, PartSpec part, String raw) {
        Quantity quantity = ExerciseDefinition.quantity(part);
        AnswerKind kind = ExerciseDefinition.kind(part);
        Reference reference = Quantities.compute(model, part, quantity);
        double max = part.pointsOrDefault();
        Map<String, Text> explanations = optionExplanations(part);
        ParseOutcome outcome = AnswerParser.parse(kind, raw == null ? "" : raw, optionKeys(part));
        String ref = reference.value().display();
        if (outcome instanceof ParseOutcome.Ok ok) {
            double fraction = fraction(ok.answer(), reference.value(), part);
            double score = round(max * fraction);
            Status status = fraction >= 1 ? Status.CORRECT : fraction > 0 ? Status.PARTIAL : Status.WRONG;
            List<Misconception> named = status == Status.CORRECT ? List.of() : misconceptions(model, part, quantity, ok.answer(), reference.value());
            return new PartResult(part.id(), part.label(), kind, raw, ok.answer().display(), status, score, max,
                    feedback(status, ok.answer(), reference.value()), named, ref, reference.steps(), explanations);
        }
        if (outcome instanceof ParseOutcome.Unreadable u) {
            return new PartResult(part.id(), part.label(), kind, raw, null, Status.UNREADABLE, 0, max,
                    Text.of(u.en(), u.zh()), List.of(), ref, reference.steps(), explanations);
        }
        return new PartResult(part.id(), part.label(), kind, raw, null, Status.EMPTY, 0, max,
                Text.of("No answer given.", "未作答。"), List.of(), ref, reference.steps(), explanations);
    }

    /**
     * Every catalogued mistake whose result equals the answer but not the right one. Two mistakes can
     * give the same number (rounding up can equal doubled padding); then both are named.
     */
    static List<Misconception> misconceptions(Model model, PartSpec part, Quantity quantity, ParsedAnswer answer, ParsedAnswer right) {
        List<Misconception> found = new java.util.ArrayList<>();
        for (Misconception m : Misconception.values()) {
            var wrong = m.wrongAnswer(model, part, quantity);
            if (wrong.isPresent() && fraction(wrong.get(), right, part) < 1 && fraction(answer, wrong.get(), part) >= 1) {
                found.add(m);
            }
        }
        return List.copyOf(found);
    }

    /** The share of the points an answer earns against a reference, in [0, 1]. */
    static double fraction(ParsedAnswer answer, ParsedAnswer reference, PartSpec part) {
        double tolerance = part.toleranceOrDefault();
        if (reference instanceof ParsedAnswer.IntegerAnswer r) {
            if (answer instanceof ParsedAnswer.IntegerAnswer a) {
                return a.value().equals(r.value()) ? 1 : 0;
            }
            return answer instanceof ParsedAnswer.NumberAnswer a && close(a.asDouble(), r.value().doubleValue(), tolerance) ? 1 : 0;
        }
        if (reference instanceof ParsedAnswer.NumberAnswer r) {
            double value = answer instanceof ParsedAnswer.NumberAnswer a ? a.asDouble()
                    : answer instanceof ParsedAnswer.IntegerAnswer a ? a.value().doubleValue() : Double.NaN;
            return close(value, r.asDouble(), tolerance) ? 1 : 0;
        }
        if (reference instanceof ParsedAnswer.ShapeAnswer r) {
            return answer instanceof ParsedAnswer.ShapeAnswer a && a.dims().size() == r.dims().size()
                    ? matching(a.dims(), r.dims()) / (double) r.dims().size() : 0;
        }
        if (reference instanceof ParsedAnswer.TensorAnswer r) {
            // "1 2 3" (1×3) and "[1, 2, 3]" (3) hold the same values: leading 1s do not count.
            if (!(answer instanceof ParsedAnswer.TensorAnswer a) || !squeezed(a.shape()).equals(squeezed(r.shape()))) {
                return 0;
            }
            return goodCells(a, r, tolerance) / (double) r.values().size();
        }
        ParsedAnswer.ChoiceAnswer r = (ParsedAnswer.ChoiceAnswer) reference;
        if (!(answer instanceof ParsedAnswer.ChoiceAnswer a)) {
            return 0;
        }
        if (r.letters().isEmpty()) {
            return a.letters().isEmpty() ? 1 : 0;
        }
        // Net-correct: each right choice earns a share, each wrong choice takes one away.
        Set<String> right = new HashSet<>(a.letters());
        right.retainAll(r.letters());
        int wrong = a.letters().size() - right.size();
        return Math.max(0, (right.size() - wrong) / (double) r.letters().size());
    }

    private static List<Integer> squeezed(List<Integer> shape) {
        int start = 0;
        while (start < shape.size() - 1 && shape.get(start) == 1) {
            start++;
        }
        return shape.subList(start, shape.size());
    }

    private static int goodCells(ParsedAnswer.TensorAnswer a, ParsedAnswer.TensorAnswer r, double tolerance) {
        int good = 0;
        for (int i = 0; i < r.values().size(); i++) {
            good += close(a.values().get(i), r.values().get(i), tolerance) ? 1 : 0;
        }
        return good;
    }

    private static int matching(List<Integer> a, List<Integer> b) {
        int n = 0;
        for (int i = 0; i < a.size(); i++) {
            n += a.get(i).equals(b.get(i)) ? 1 : 0;
        }
        return n;
    }

    private static boolean close(double a, double b, double tolerance) {
        return Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(b));
    }

    private static Text feedback(Status status, ParsedAnswer answer, ParsedAnswer right) {
        Text base = switch (status) {
            case CORRECT -> Text.of("Correct.", "正确。");
            case PARTIAL -> partial(answer, right);
            default -> Text.of("Not right.", "不正确。");
        };
        return base; // a named misconception travels separately, with its own title and advice
    }

    private static Text partial(ParsedAnswer answer, ParsedAnswer right) {
        if (answer instanceof ParsedAnswer.ShapeAnswer a && right instanceof ParsedAnswer.ShapeAnswer r) {
            int ok = matching(a.dims(), r.dims());
            return Text.of("Partly right: " + ok + " of " + r.dims().size() + " dimensions are right.",
                    "部分正确：" + r.dims().size() + " 个维度中有 " + ok + " 个正确。");
        }
        if (answer instanceof ParsedAnswer.TensorAnswer a && right instanceof ParsedAnswer.TensorAnswer r) {
            int ok = goodCells(a, r, 1e-6);
            return Text.of("Partly right: " + ok + " of " + r.values().size() + " values are right.",
                    "部分正确：" + r.values().size() + " 个数值中有 " + ok + " 个正确。");
        }
        return Text.of("Partly right.", "部分正确。");
    }

    private static List<String> optionKeys(PartSpec part) {
        return part.options().stream().map(OptionSpec::key).toList();
    }

    private static Map<String, Text> optionExplanations(PartSpec part) {
        Map<String, Text> out = new java.util.LinkedHashMap<>();
        for (OptionSpec o : part.options()) {
            if (o.explanation() != null) {
                out.put(o.key(), o.explanation());
            }
        }
        return out;
    }

    /** Scores are kept to two decimals (2/3 of a point is 0.67). */
    public static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
