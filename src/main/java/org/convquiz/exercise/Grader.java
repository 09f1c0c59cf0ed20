package org.convquiz.exercise;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.convquiz.engine.Phrase;
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
            List<Mistake> mistakes,
            String reference,
            List<Step> steps,
            Map<String, Text> optionExplanations) {

        public PartResult {
            mistakes = mistakes == null ? List.of() : List.copyOf(mistakes);
        }

        /** The named mistakes' ids, most specific first. */
        public List<Misconception> misconceptions() {
            return mistakes.stream().map(Mistake::id).toList();
        }

        /** The first named mistake (the one stored with a submission), or null. */
        public Misconception misconception() {
            return mistakes.isEmpty() ? null : mistakes.get(0).id();
        }
    }

    /** A named mistake with its title and advice in the exercise's own convention (tutorial p_h or PyTorch's padding). */
    public record Mistake(Misconception id, Text title, Text advice) {
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
        for (PartSpec part : exercise.parts(seed)) { // choice options in this seed's order
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
        Map<String, Text> explanations = optionExplanations(part, model);
        String text = raw == null ? "" : raw;
        String ref = reference.value().display();
        if (reference.window() != null) {
            var window = AnswerParser.window(text);
            if (window.isPresent()) {
                return receptiveWindow(model, part, quantity, reference, text, window.get(), max, explanations);
            }
        }
        ParseOutcome outcome = AnswerParser.parse(kind, text, optionKeys(part));
        if (outcome instanceof ParseOutcome.Ok ok) {
            ParsedAnswer answer = ok.answer();
            double fraction = fraction(answer, reference.value(), part, reference.weights());
            Text note = null;
            if (reference.window() != null && fraction < 1) {
                int[] w = reference.window();
                long value = answer instanceof ParsedAnswer.IntegerAnswer a ? a.value().longValue() : -1;
                if (quantity == Quantity.RECEPTIVE_FIELD_ELEMENTS && w[0] == w[1] && value == w[0]) {
                    fraction = 1; // the side of a square field names it as well as its element count
                } else if (quantity == Quantity.RECEPTIVE_FIELD && value == (long) w[0] * w[1] && w[0] * w[1] != w[0]) {
                    note = Text.phrase("grading.elements-not-height", w[0], w[1]);
                }
            }
            double score = round(max * fraction);
            Status status = fraction >= 1 ? Status.CORRECT : fraction > 0 ? Status.PARTIAL : Status.WRONG;
            List<Mistake> named = status == Status.CORRECT ? List.of() : mistakes(model, part, quantity, answer, reference.value());
            Text feedback = note != null ? note : feedback(status, answer, reference.value(), part, model, reference.weights());
            return new PartResult(part.id(), part.label(), kind, raw, answer.display(), status, score, max,
                    feedback, named, ref, reference.steps(), explanations);
        }
        if (outcome instanceof ParseOutcome.Unreadable u) {
            return new PartResult(part.id(), part.label(), kind, raw, null, Status.UNREADABLE, 0, max,
                    Text.of(u.en(), u.zh()), List.of(), ref, reference.steps(), explanations);
        }
        return new PartResult(part.id(), part.label(), kind, raw, null, Status.EMPTY, 0, max,
                Text.phrase("grading.empty"), List.of(), ref, reference.steps(), explanations);
    }

    /** "5×5" for a receptive field: right when both the height and the width are. */
    private static PartResult receptiveWindow(Model model, PartSpec part, Quantity quantity, Reference reference, String raw,
            int[] window, double max, Map<String, Text> explanations) {
        int[] w = reference.window();
        boolean right = window[0] == w[0] && window[1] == w[1];
        Status status = right ? Status.CORRECT : Status.WRONG;
        List<Mistake> named = List.of();
        if (!right && window[0] == window[1]) {
            ParsedAnswer side = Quantities.integer(quantity == Quantity.RECEPTIVE_FIELD_ELEMENTS ? (long) window[0] * window[1] : window[0]);
            named = mistakes(model, part, quantity, side, reference.value());
        }
        return new PartResult(part.id(), part.label(), AnswerKind.INTEGER, raw, window[0] + "×" + window[1], status, right ? max : 0, max,
                Text.phrase(right ? "grading.correct" : "grading.wrong"), named, reference.value().display(),
                reference.steps(), explanations);
    }

    /**
     * Every catalogued mistake whose result equals the answer but not the right one. Two mistakes can
     * give the same number (rounding up can equal doubled padding); then both are named.
     */
    static List<Mistake> mistakes(Model model, PartSpec part, Quantity quantity, ParsedAnswer answer, ParsedAnswer right) {
        List<Mistake> found = new ArrayList<>();
        for (Misconception m : Misconception.values()) {
            for (ParsedAnswer wrong : m.wrongAnswers(model, part, quantity)) {
                if (fraction(wrong, right, part, null) < 1 && fraction(answer, wrong, part, null) >= 1) {
                    found.add(new Mistake(m, m.title(model, part), m.advice(model, part)));
                    break;
                }
            }
        }
        if (found.isEmpty() && answer instanceof ParsedAnswer.ChoiceAnswer a && right instanceof ParsedAnswer.ChoiceAnswer) {
            found.addAll(wrongOptions(model, part, a, (ParsedAnswer.ChoiceAnswer) right));
        }
        return List.copyOf(found);
    }

    static List<Misconception> misconceptions(Model model, PartSpec part, Quantity quantity, ParsedAnswer answer, ParsedAnswer right) {
        return mistakes(model, part, quantity, answer, right).stream().map(Mistake::id).toList();
    }

    /** A chosen option that is not in the answer (or a missed one): why its statement is true or false. */
    private static List<Mistake> wrongOptions(Model model, PartSpec part, ParsedAnswer.ChoiceAnswer answer, ParsedAnswer.ChoiceAnswer right) {
        List<Mistake> out = new ArrayList<>();
        Map<String, Text> explanations = optionExplanations(part, model);
        for (String letter : answer.letters()) {
            if (right.letters().contains(letter)) {
                continue;
            }
            Text why = explanations.get(letter);
            boolean asked = part.selectTrue();
            Text title = Text.phrase(asked ? "grading.statement.false" : "grading.statement.true", letter);
            out.add(new Mistake(Misconception.WRONG_OPTION, title, why == null ? Misconception.WRONG_OPTION.advice() : why));
        }
        return out;
    }

    static double fraction(ParsedAnswer answer, ParsedAnswer reference, PartSpec part) {
        return fraction(answer, reference, part, null);
    }

    /**
     * The share of the points an answer earns against a reference, in [0, 1]. A shape with an extra or a missing
     * dimension earns the dimensions it gets right, matched from the last (width) backwards, out of the longer
     * count. A tensor's cells count by {@code weights} (null: 1 for a non-zero reference cell, 0 for a zero one):
     * cells that are 0 whatever one thinks earn nothing, and a wrong one still costs a cell.
     */
    static double fraction(ParsedAnswer answer, ParsedAnswer reference, PartSpec part, List<Double> weights) {
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
            return answer instanceof ParsedAnswer.ShapeAnswer a
                    ? matching(a.dims(), r.dims()) / (double) Math.max(a.dims().size(), r.dims().size()) : 0;
        }
        if (reference instanceof ParsedAnswer.TensorAnswer r) {
            // "1 2 3" (1×3) and "[1, 2, 3]" (3) hold the same values: leading 1s do not count.
            if (!(answer instanceof ParsedAnswer.TensorAnswer a) || !squeezed(a.shape()).equals(squeezed(r.shape()))) {
                return 0;
            }
            if (weights == null) {
                weights = r.values().stream().map(v -> v == 0 ? 0.0 : 1.0).toList();
            }
            double earned = 0;
            double total = 0;
            for (int i = 0; i < r.values().size(); i++) {
                boolean good = close(a.values().get(i), r.values().get(i), tolerance);
                double w = weights.get(i);
                total += w > 0 ? w : good ? 0 : 1;
                earned += good ? w : 0;
            }
            return total == 0 ? 1 : earned / total;
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

    /** Dimensions that agree, matched from the last one backwards (so a batch dimension in front does not shift them). */
    private static int matching(List<Integer> a, List<Integer> b) {
        int n = 0;
        for (int i = 1; i <= Math.min(a.size(), b.size()); i++) {
            n += a.get(a.size() - i).equals(b.get(b.size() - i)) ? 1 : 0;
        }
        return n;
    }

    private static boolean close(double a, double b, double tolerance) {
        return Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(b));
    }

    private static Text feedback(Status status, ParsedAnswer answer, ParsedAnswer right, PartSpec part, Model model, List<Double> weights) {
        if (status == Status.CORRECT) {
            return Text.phrase("grading.correct");
        }
        if (answer instanceof ParsedAnswer.ShapeAnswer a && right instanceof ParsedAnswer.ShapeAnswer r) {
            return shapeFeedback(a.dims(), r.dims(), model);
        }
        if (status == Status.PARTIAL && answer instanceof ParsedAnswer.TensorAnswer a && right instanceof ParsedAnswer.TensorAnswer r) {
            int ok = goodCells(a, r, part.toleranceOrDefault());
            int blanks = a.blanks();
            Phrase counted = Phrase.of(ok == 1 ? "grading.values.right.one" : "grading.values.right.many", ok, r.values().size());
            return blanks == 0 ? Text.phrase("grading.tensor.partly", counted)
                    : Text.phrase("grading.tensor.partly.blanks", counted, Phrase.of(blanks == 1 ? "grading.blank.one" : "grading.blank.many", blanks));
        }
        // a named misconception travels separately, with its own title and advice
        if (answer instanceof ParsedAnswer.TensorAnswer a && a.blanks() > 0) {
            return Text.phrase("grading.tensor.blanks-wrong", a.blanks(), a.values().size());
        }
        return Text.phrase(status == Status.PARTIAL ? "grading.partly" : "grading.wrong");
    }

    /** Says how many dimensions are right and, when the number of dimensions differs, which one is extra or missing. */
    private static Text shapeFeedback(List<Integer> a, List<Integer> r, Model model) {
        int ok = matching(a, r);
        String lead = ok == 0 ? "grading.shape.wrong" : ok == r.size() && a.size() == r.size() ? "grading.shape.count" : "grading.shape.partly";
        Phrase says = Phrase.of(lead, Phrase.of(ok == 1 ? "grading.dimensions.right.one" : "grading.dimensions.right.many", ok, r.size()));
        boolean batched = model.inputShape().length == 4;
        Phrase more = null;
        if (a.size() == r.size() + 1) {
            more = Phrase.of("grading.shape.extra-batch", a.get(0));
        } else if (a.size() + 1 == r.size()) {
            more = batched ? Phrase.of("grading.shape.missing-batch", r.get(0)) : Phrase.of("grading.shape.missing-first", r.size());
        } else if (a.size() != r.size()) {
            more = Phrase.of("grading.shape.rank", r.size(), a.size());
        }
        return Text.of(more == null ? says : Phrase.of("grading.then", says, more));
    }

    private static List<String> optionKeys(PartSpec part) {
        return part.options().stream().map(OptionSpec::key).toList();
    }

    /** Each option's explanation with the variant's numbers filled in. */
    private static Map<String, Text> optionExplanations(PartSpec part, Model model) {
        Map<String, Text> out = new java.util.LinkedHashMap<>();
        Variant numbers = new Variant(-1, model.params(), Map.of());
        for (OptionSpec o : part.options()) {
            if (o.explanation() != null) {
                out.put(o.key(), Text.of(Prompts.fill(o.explanation().en(), numbers), Prompts.fill(o.explanation().zh(), numbers)));
            }
        }
        return out;
    }

    /** Scores are kept to two decimals (2/3 of a point is 0.67). */
    public static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
