package org.convquiz.gradebook;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import org.convquiz.exercise.Text;

/** The gradebook API's JSON (API records, never entities). */
public final class GradebookApi {
    private GradebookApi() {
    }

    public record QuizColumn(long id, Text title, @JsonProperty("max_score") double maxScore) {
    }

    /** A quiz's score for a student: null when not attempted and not set by hand. */
    public record Score(@JsonProperty("quiz_id") long quizId, Double score, boolean overridden) {
    }

    public record StudentRow(String username, String name, @JsonProperty("student_number") String studentNumber, String email,
            List<Score> scores, double total) {
    }

    /** {@code next}/{@code previous}: the addresses of the neighbouring pages, null at the ends. */
    public record GradebookPage(@JsonProperty("course_id") long courseId, long students, String sort, String dir,
            List<QuizColumn> quizzes, List<StudentRow> rows, String next, String previous) {
    }

    public record PartSummary(String exercise, String part, long answers, @JsonProperty("mean_percent") double meanPercent,
            @JsonProperty("correct_percent") double correctPercent, Map<String, Long> misconceptions) {
    }

    public record StatisticsPage(@JsonProperty("course_id") long courseId, List<PartSummary> parts, String next) {
    }

    public record WrongAnswer(String answer, long count, String misconception) {
    }

    public record FeatureRate(String feature, @JsonProperty("with_answers") long withAnswers, @JsonProperty("with_wrong") long withWrong,
            @JsonProperty("without_answers") long withoutAnswers, @JsonProperty("without_wrong") long withoutWrong) {
    }

    /** {@code histogram}: answers per score band 0–20 %, 20–40 %, 40–60 %, 60–80 %, 80–100 %. */
    public record PartDetail(String part, long answers, long students, @JsonProperty("mean_percent") double meanPercent,
            @JsonProperty("correct_percent") double correctPercent, List<Long> histogram, Double discrimination,
            @JsonProperty("group_size") Integer groupSize, @JsonProperty("wrong_answers") List<WrongAnswer> wrongAnswers,
            Map<String, Long> misconceptions, List<FeatureRate> features, long unclassified) {
    }

    public record ExerciseDetail(@JsonProperty("course_id") long courseId, String exercise, List<PartDetail> parts) {
    }
}
