package org.convquiz.quiz;

import io.quarkus.qute.TemplateExtension;

/** Display values the quiz pages derive from their views (message keys, input hints), kept out of templates. */
@TemplateExtension
public final class QuizTemplateExtensions {
    private QuizTemplateExtensions() {
    }

    static String roleKey(Views.CourseRow row) {
        return "role_" + row.role();
    }

    static String modeKey(Views.QuizRow row) {
        return "quiz_mode_" + row.mode();
    }

    static String hintKey(Views.PartView part) {
        return "attempt_hint_" + part.kind();
    }

    static String statusKey(Views.ResultView result) {
        return "attempt_status_" + result.status();
    }

    static boolean isGrid(Views.PartView part) {
        return part.rows() > 0;
    }

    static boolean isChoice(Views.PartView part) {
        return part.kind().endsWith("_choice");
    }

    static boolean isMultiple(Views.PartView part) {
        return part.kind().equals("multiple_choice");
    }

    static boolean isTextArea(Views.PartView part) {
        return part.kind().equals("tensor") && part.rows() == 0;
    }

    /** Numeric keyboards on phones for numbers; text for shapes (×) and tensors. */
    static String inputMode(Views.PartView part) {
        return part.kind().equals("integer") ? "numeric" : part.kind().equals("number") ? "decimal" : "text";
    }

    static String cellId(Views.PartView part, int row, int col) {
        return part.inputName() + "." + row + "." + col;
    }

    static String scoreText(Views.AttemptView attempt) {
        return points(attempt.score()) + " / " + points(attempt.maxScore());
    }

    static String scoreText(Views.ItemView item) {
        return points(item.score()) + " / " + points(item.maxScore());
    }

    static String pointsText(Views.ResultView result) {
        return points(result.score()) + " / " + points(result.maxScore());
    }

    static String bestScoreText(Views.QuizRow row) {
        return row.bestScore() == null ? "" : points(row.bestScore()) + " / " + points(row.maxScore());
    }

    static String scoreText(Views.HistoryRow row) {
        return points(row.score()) + " / " + points(row.maxScore());
    }

    /** 3.0 → "3", 2.5 → "2.5", 0.67 → "0.67". */
    static String points(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.valueOf(org.convquiz.exercise.Grader.round(v));
    }
}
