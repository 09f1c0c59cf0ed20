package org.convquiz.gradebook;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Strings of the gradebook's sorting, student record, score overrides and analytics pages (namespace
 * {@code analytics}): English here, Chinese in {@code messages/analytics_zh.properties}. A bundle of its own: the shared {@code msg} bundle is near 300 messages, and
 * at 328 Quarkus 3.33 generated a resolver that failed bytecode verification (VerifyError in AppMessages_Bundle).
 */
@MessageBundle(value = "analytics", locale = "en")
public interface AnalyticsMessages {
    @Message("Every graded answer of this course's students to this exercise, per part. Discrimination: the mean first-try score of the top 27 % of the students who answered the part (by course total) minus that of the bottom 27 %; near 0 or below, the part does not separate strong from weak students.")
    String analytics_intro();

    @Message("Students")
    String analytics_students();

    @Message("Discrimination")
    String analytics_discrimination();

    @Message("(groups of {size})")
    String analytics_groups(int size);

    @Message("Scores of {part}, answers per score band: {counts}")
    String analytics_histogram_label(String part, String counts);

    @Message("Answers per score band (score as a share of the part's points).")
    String analytics_histogram_caption();

    @Message("Most common wrong answers")
    String analytics_wrong_answers();

    @Message("Answer (as read)")
    String analytics_answer();

    @Message("Times")
    String analytics_count();

    @Message("Mistake named")
    String analytics_named_mistake();

    @Message("Error rate by variant")
    String analytics_features();

    @Message("Variant")
    String analytics_feature();

    @Message("With it")
    String analytics_with();

    @Message("Without it")
    String analytics_without();

    @Message("Stride above 1")
    String analytics_feature_stride();

    @Message("Padding above 0")
    String analytics_feature_padding();

    @Message("ceil_mode on")
    String analytics_feature_ceil_mode();

    @Message("Overlapping windows (stride below the kernel)")
    String analytics_feature_overlap();

    @Message("{wrong} of {answers} not fully right")
    String analytics_wrong_of(Long wrong, Long answers);

    @Message("{n} answers are not in this table yet: their variants are classified in the background within a few minutes.")
    String analytics_unclassified(Long n);

    @Message("Mistakes per student")
    String heatmap_title();

    @Message("How often each mistake was named in each student's answers, across all quizzes of the course. The darker the cell, the more often. Below the table, the exercises each mistake was named in.")
    String heatmap_intro();

    @Message("No mistake has been named yet.")
    String heatmap_none();

    @Message("Exercises that practise each mistake")
    String heatmap_practise();

    @Message("Mistakes across quizzes")
    String student_mistakes();

    @Message("No mistake named in this student's answers.")
    String student_mistakes_none();

    @Message("Mistake")
    String student_mistake();

    @Message("Times")
    String student_mistake_times();

    @Message("Quizzes")
    String student_mistake_quizzes();

    @Message("In exercises")
    String student_mistake_exercises();

    @Message("Click a column's title to sort by it (again for the other direction).")
    String gradebook_sort_hint();

    @Message("marks a score an instructor set by hand.")
    String gradebook_overridden_note();

    @Message("(set by hand)")
    String gradebook_overridden();

    @Message("user name")
    String gradebook_username();

    @Message("student number")
    String gradebook_number();

    @Message("Scores per quiz")
    String student_scores();

    @Message("Quiz")
    String student_quiz();

    @Message("Score")
    String student_score();

    @Message("Best attempt")
    String student_attempts_best();

    @Message("Set by hand")
    String student_override();

    @Message("by {setBy}, {setAt}")
    String student_override_by(String setBy, String setAt);

    @Message("Set a score by hand")
    String student_override_title();

    @Message("Score (leave empty to go back to the best attempt)")
    String student_override_score();

    @Message("Between 0 and the quiz's points; it replaces the best attempt in the gradebook and every export.")
    String student_override_score_hint();

    @Message("Reason (required, kept in the audit log)")
    String student_override_reason();

    @Message("Save the score")
    String student_override_submit();

    @Message("Choose one of this course's quizzes.")
    String student_override_error_quiz();

    @Message("The score must be a number between 0 and the quiz's points.")
    String student_override_error_score();

    @Message("Give a reason (at most 500 characters).")
    String student_override_error_reason();

    @Message("Attempts")
    String student_attempts();

    @Message("No attempts yet.")
    String student_no_attempts();

    @Message("No answer checked or handed in.")
    String student_no_answers();

    @Message("started {time}")
    String student_started(String time);

    @Message("handed in {time}")
    String student_submitted(String time);

    @Message("score {score}")
    String student_attempt_score(String score);

    @Message("Answers of {quiz}, attempt {number}")
    String student_answers_of(String quiz, int number);

    @Message("Question")
    String student_question();

    @Message("Answer as typed")
    String student_typed();

    @Message("Read as")
    String student_read_as();

    @Message("Time")
    String student_time();
}
