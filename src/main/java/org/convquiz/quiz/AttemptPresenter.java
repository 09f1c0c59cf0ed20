package org.convquiz.quiz;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.convquiz.exercise.ExerciseDefinition;
import org.convquiz.exercise.ExerciseSpec.OptionSpec;
import org.convquiz.exercise.ExerciseSpec.PartSpec;
import org.convquiz.exercise.Grader;
import org.convquiz.exercise.Model;
import org.convquiz.exercise.Reference;
import org.convquiz.exercise.Variant;
import org.convquiz.web.Lang;
import org.convquiz.web.Pictures;
import org.convquiz.web.StepView;

/**
 * Builds the attempt page in the page's language. Results are shown as they were stored when the
 * answers were graded (no grading on read); the references and derivations, which depend only on the
 * exercise version and seed, are derived again and appear only when the quiz's reveal policy allows.
 */
@ApplicationScoped
public class AttemptPresenter {
    private static final java.util.Set<String> SHAPE_QUANTITIES = java.util.Set.of("output_shape", "output_height", "output_width",
            "output_channels");

    @Inject
    QuizService quizzes;

    @Transactional
    public Views.AttemptView view(Attempt attempt, Lang lang, Instant now) {
        String l = lang.tag();
        Quiz quiz = attempt.quiz;
        Map<Integer, Map<String, Submission>> latest = quizzes.latestSubmissions(attempt);
        Map<Integer, Map<String, String>> drafts = quizzes.drafts(attempt);
        List<Views.ItemView> items = new ArrayList<>();
        QuizOverride.Rules rules = QuizOverride.Rules.of(quiz, attempt.user); // the student's own close and limits
        for (AttemptItem item : AttemptItem.of(attempt)) {
            ExerciseDefinition definition = quizzes.definition(item);
            Map<String, Submission> submitted = latest.getOrDefault(item.position, Map.of());
            boolean answered = !submitted.isEmpty();
            boolean showResults = answered && (quiz.mode == Quiz.Mode.practice || attempt.isSubmitted());
            boolean revealed = QuizService.mayReveal(attempt, answered, now, rules);
            boolean locked = attempt.isSubmitted() || (quiz.mode == Quiz.Mode.practice && answered && revealed);
            items.add(item(definition, item, submitted, drafts.getOrDefault(item.position, Map.of()), showResults, revealed, locked, l));
        }
        QuizService.Standing standing = quizzes.standings(List.of(attempt.id)).get(attempt.id); // the one scoring rule
        long secondsLeft = attempt.deadlineAt == null || attempt.isSubmitted() ? -1
                : Math.max(0, Duration.between(now, attempt.deadlineAt.toInstant()).toSeconds());
        boolean canRetry = quiz.mode == Quiz.Mode.practice && rules.state(now) == Quiz.State.open && !quiz.adaptive;
        return new Views.AttemptView(attempt.id, quiz.id, quiz.course.id, quiz.title(l), quiz.mode == Quiz.Mode.practice,
                attempt.isSubmitted(), attempt.number, items, standing.score(), standing.maxScore(),
                CourseTime.format(attempt.deadlineAt, quiz.course), secondsLeft, UUID.randomUUID().toString(), canRetry, quiz.adaptive);
    }

    private Views.ItemView item(ExerciseDefinition definition, AttemptItem item, Map<String, Submission> submitted,
            Map<String, String> drafts, boolean showResults, boolean revealed, boolean locked, String lang) {
        Map<String, String> raw = new HashMap<>();
        submitted.forEach((part, s) -> raw.put(part, s.rawAnswer));
        Views.ItemView view = question(definition, item.seed, item.position, submitted.isEmpty() ? drafts : raw,
                showResults ? submitted : null, revealed, locked, !submitted.isEmpty(), lang);
        return item.points == null ? view : view.worth(item.points.doubleValue()); // the quiz's own weight for it
    }

    private static org.convquiz.exercise.Text legacyFeedback(Grader.Status status) {
        return switch (status) {
            case CORRECT -> org.convquiz.exercise.Text.phrase("grading.correct");
            case PARTIAL -> org.convquiz.exercise.Text.phrase("grading.partly");
            case EMPTY -> org.convquiz.exercise.Text.phrase("grading.empty");
            default -> org.convquiz.exercise.Text.phrase("grading.wrong");
        };
    }

    /** A stored submission as the part result the page shows; the reference comes from the engine. */
    private static Grader.PartResult stored(Model model, PartSpec part, Submission s, Reference reference) {
        if (s == null) {
            return null;
        }
        Grader.Status status = Grader.Status.valueOf(s.status);
        org.convquiz.exercise.Text feedback = s.feedbackEn != null ? org.convquiz.exercise.Text.of(s.feedbackEn, s.feedbackZh)
                : legacyFeedback(status); // rows stored before feedback was stored
        String ids = s.misconceptions != null ? s.misconceptions : s.misconception;
        // Named mistakes in this exercise's convention; a wrong option is shown with the general advice
        // (the stored feedback already says which statement it was).
        List<Grader.Mistake> named = ids == null ? List.of()
                : Arrays.stream(ids.split(",")).map(org.convquiz.exercise.Misconception::parse).flatMap(java.util.Optional::stream)
                        .map(m -> m == org.convquiz.exercise.Misconception.WRONG_OPTION
                                ? new Grader.Mistake(m, m.title(), m.advice())
                                : new Grader.Mistake(m, m.title(model, part), m.advice(model, part)))
                        .toList();
        return new Grader.PartResult(part.id(), part.label(), null, s.rawAnswer, s.parsedAnswer, status, s.score, s.maxScore, feedback,
                named, reference.value().display(), reference.steps(), Map.of());
    }

    /**
     * One question of a variant as a page shows it: the answers typed so far in their boxes, graded
     * (with the one grading function) when {@code graded}, references and derivations when {@code revealed}.
     */
    public Views.ItemView question(ExerciseDefinition definition, long seed, int position, Map<String, String> answers,
            boolean graded, boolean revealed, boolean locked, boolean answered, String lang) {
        return question(definition, seed, position, answers, graded ? null : Map.of(), revealed, locked, answered, lang, graded);
    }

    private Views.ItemView question(ExerciseDefinition definition, long seed, int position, Map<String, String> answers,
            Map<String, Submission> stored, boolean revealed, boolean locked, boolean answered, String lang) {
        return question(definition, seed, position, answers, stored == null ? Map.of() : stored, revealed, locked, answered, lang, false);
    }

    /** {@code gradeNow}: grade the answers here (instructors' preview); otherwise show the {@code stored} results. */
    private Views.ItemView question(ExerciseDefinition definition, long seed, int position, Map<String, String> answers,
            Map<String, Submission> stored, boolean revealed, boolean locked, boolean answered, String lang, boolean gradeNow) {
        Variant variant = definition.variant(seed);
        Model model = definition.model(variant);
        Grader.Grade grade = gradeNow ? Grader.grade(definition, seed, answers) : null;
        List<Reference> references = definition.references(seed);
        List<Views.PartView> parts = new ArrayList<>();
        double score = 0;
        // A grid of answer cells shows the output's shape; not where the shape is itself asked.
        boolean shapeAsked = definition.spec().parts().stream().anyMatch(p -> SHAPE_QUANTITIES.contains(p.quantity()));
        for (int i = 0; i < definition.spec().parts().size(); i++) {
            PartSpec part = definition.parts(seed).get(i); // choice options in this seed's order
            Grader.PartResult result = grade != null ? grade.parts().get(i) : stored(model, part, stored.get(part.id()), references.get(i));
            score += result == null ? 0 : result.score();
            parts.add(part(definition, variant, position, part, answers.getOrDefault(part.id(), ""), references.get(i), result,
                    revealed, !shapeAsked, lang));
        }
        java.util.Set<String> quantities = definition.spec().parts().stream().map(PartSpec::quantity)
                .collect(java.util.stream.Collectors.toSet());
        Pictures.Picture picture = Pictures.forQuestion(model, quantities, revealed, lang).orElse(null);
        return new Views.ItemView(position, definition.spec().title().in(lang), definition.prompt(variant, lang),
                promptParts(definition, variant, lang), parts, answered,
                revealed, locked, picture == null ? null : picture.svg(), picture == null ? null : picture.caption(), UUID.randomUUID().toString(), Grader.round(score), definition.maxScore());
    }

    private static List<Views.PromptPart> promptParts(ExerciseDefinition definition, Variant variant, String lang) {
        List<Views.PromptPart> out = new ArrayList<>();
        for (var segment : definition.promptSegments(variant, lang)) {
            if (segment.tensor() == null) {
                out.add(new Views.PromptPart(segment.text(), List.of()));
                continue;
            }
            org.convquiz.engine.Tensor t = segment.tensor();
            int w = t.dim(t.rank() - 1);
            int h = t.rank() == 1 ? 1 : t.dim(t.rank() - 2);
            double[] d = t.data();
            List<List<List<String>>> planes = new ArrayList<>();
            for (int start = 0; start < d.length; start += h * w) {
                List<List<String>> rows = new ArrayList<>();
                for (int i = 0; i < h; i++) {
                    List<String> row = new ArrayList<>();
                    for (int j = 0; j < w; j++) {
                        row.add(org.convquiz.exercise.answer.ParsedAnswer.TensorAnswer.formatValue(d[start + i * w + j]));
                    }
                    rows.add(row);
                }
                planes.add(rows);
            }
            out.add(new Views.PromptPart(null, planes));
        }
        return out;
    }

    private static Views.PartView part(ExerciseDefinition definition, Variant variant, int position, PartSpec part, String value,
            Reference reference, Grader.PartResult result, boolean revealed, boolean gridAllowed, String lang) {
        String name = "a." + position + "." + part.id();
        int rows = 0;
        int cols = 0;
        List<List<String>> cells = List.of();
        if (gridAllowed && "tensor".equals(part.kind())
                && reference.value() instanceof org.convquiz.exercise.answer.ParsedAnswer.TensorAnswer t) {
            List<Integer> shape = t.shape();
            int start = 0;
            while (start < shape.size() - 2 && shape.get(start) == 1) {
                start++; // 1×1×4×4 is a 4×4 grid; the grader ignores leading 1s
            }
            if (shape.size() - start <= 2) {
                // A grid of cells, one per value; the grid shows the shape, never the values.
                rows = shape.size() - start == 1 ? 1 : shape.get(start);
                cols = shape.get(shape.size() - 1);
                cells = Grid.split(value, rows, cols);
            }
        }
        List<Views.OptionView> options = new ArrayList<>();
        for (OptionSpec o : part.options()) {
            boolean checked = Arrays.stream(value.toUpperCase().split("[^A-Z]+")).anyMatch(o.key()::equals);
            String explanation = revealed && o.explanation() != null ? o.explanation().in(lang) : null;
            options.add(new Views.OptionView(o.key(), definition.fill(o.text().in(lang), variant), checked, explanation));
        }
        Views.ResultView resultView = result == null ? null : new Views.ResultView(result.status().name().toLowerCase(),
                result.score(), result.maxScore(), result.readAs(), result.feedback().in(lang),
                result.mistakes().stream().map(m -> new Views.MistakeView(m.title().in(lang), m.advice().in(lang))).toList(),
                revealed ? result.reference() : null,
                revealed ? Views.StepLine.of(StepView.of(result.steps()), lang) : List.of(), result.raw());
        return new Views.PartView(part.id(), part.label().in(lang), part.kind(), name, value, rows, cols, cells, options, resultView);
    }

}
