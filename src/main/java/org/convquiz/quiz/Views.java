package org.convquiz.quiz;

import java.util.List;

import org.convquiz.web.StepView;

/** What the quiz pages show, already in the page's language: templates only lay it out. */
public final class Views {
    private Views() {
    }

    /** A course as listed; {@code zone} is the time zone its times are entered and shown in. */
    public record CourseRow(long id, String title, String role, String joinCode, String zone) {
    }

    public record QuizRow(long id, String title, String mode, String state, int attemptsUsed, Integer maxAttempts,
            Double bestScore, double maxScore, Long openAttemptId, String opensAt, String closesAt, Integer timeLimitMinutes,
            boolean canStart, boolean draft) {
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
    public record StepLine(String description, String formulaMathml, String substitutedMathml, String value,
            List<String> header, List<List<String>> rows) {
        /**
         * A step whose text holds tab-separated cells is a table: the first such step (caption, then the column names)
         * and the rows after it (one layer each) become one line with a table, like torchsummary's.
         */
        public static List<StepLine> of(List<StepView> steps, String lang) {
            List<StepLine> out = new java.util.ArrayList<>();
            StepLine table = null;
            for (StepView s : steps) {
                String text = "zh".equals(lang) ? s.zh() : s.en();
                if (text != null && text.indexOf('\t') >= 0) {
                    List<String> cells = List.of(text.split("\t", -1));
                    if (table == null || cells.size() - 1 != table.header().size()) {
                        table = new StepLine(cells.get(0), null, null, null, cells.subList(1, cells.size()), new java.util.ArrayList<>());
                        out.add(table);
                    } else {
                        table.rows().add(cells.subList(1, cells.size()));
                    }
                    continue;
                }
                table = null;
                out.add(new StepLine(text, s.formulaMathml(),
                        s.substituted() != null && s.substituted().equals(s.formula()) ? null : s.substitutedMathml(),
                        s.value() == null || s.value().isBlank() ? null : s.value(), null, null));
            }
            return out;
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
        /** The same question worth {@code points} in its quiz (its stored scores are already scaled). */
        public ItemView worth(double points) {
            return new ItemView(position, title, prompt, promptParts, parts, answered, revealed, locked, picture, pictureCaption,
                    idempotencyKey, score, points);
        }
    }

    public record AttemptView(long id, long quizId, long courseId, String quizTitle, boolean practice, boolean submitted,
            int number, List<ItemView> items, double score, double maxScore, String deadline, long secondsLeft,
            String submitKey, boolean canRetry, boolean adaptive) {
    }

    public record HistoryRow(long attemptId, String course, String quiz, int number, String started, String submitted,
            double score, double maxScore, int submissions) {
    }


}
