package org.convquiz.quiz;

import java.util.List;

import org.convquiz.web.StepView;

/** What the quiz pages show, already in the page's language: templates only lay it out. */
public final class Views {
    private Views() {
    }

    public record CourseRow(long id, String title, String role, String joinCode) {
    }

    public record QuizRow(long id, String title, String mode, String state, int attemptsUsed, Integer maxAttempts,
            Double bestScore, double maxScore, Long openAttemptId, String opensAt, String closesAt, Integer timeLimitMinutes,
            boolean canStart) {
    }

    public record OptionView(String key, String text, boolean checked, String explanation) {
    }

    public record ResultView(String status, double score, double maxScore, String readAs, String feedback,
            List<MistakeView> mistakes, String reference, List<StepLine> steps, String raw) {
    }

    /** A named misconception in the page's language: what went wrong and what to do instead. */
    public record MistakeView(String title, String advice) {
    }

    /** A derivation step in the page's language; the MathML comes from the server's renderer (escaped). */
    public record StepLine(String description, String formulaMathml, String substitutedMathml, String value) {
        public static List<StepLine> of(List<StepView> steps, String lang) {
            return steps.stream().map(s -> new StepLine("zh".equals(lang) ? s.zh() : s.en(), s.formulaMathml(),
                    s.substituted() != null && s.substituted().equals(s.formula()) ? null : s.substitutedMathml(),
                    s.value() == null || s.value().isBlank() ? null : s.value())).toList();
        }
    }

    /** One answer box: its input name(s) and current value, the grid's size for matrices, the last result. */
    public record PartView(String id, String label, String kind, String inputName, String value, int rows, int cols,
            List<List<String>> cells, List<OptionView> options, ResultView result) {
    }

    /** A piece of a prompt: text, or a tensor as its 2-D planes of formatted numbers (drawn as matrices). */
    public record PromptPart(String text, List<List<List<String>>> planes) {
    }

    public record ItemView(int position, String title, String prompt, List<PromptPart> promptParts, List<PartView> parts, boolean answered,
            boolean revealed, boolean locked, String picture, String pictureCaption, String idempotencyKey, double score, double maxScore) {
    }

    public record AttemptView(long id, long quizId, long courseId, String quizTitle, boolean practice, boolean submitted,
            int number, List<ItemView> items, double score, double maxScore, String deadline, long secondsLeft,
            String submitKey, boolean canRetry) {
    }

    public record HistoryRow(long attemptId, String course, String quiz, int number, String started, String submitted,
            double score, double maxScore, int submissions) {
    }


}
