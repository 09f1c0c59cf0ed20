package org.convquiz.mastery;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the mastery pages (namespace {@code mst}): progress, the class view, practice. English here, Chinese
 * in {@code messages/mst_zh.properties}; a bundle of its own keeps the shared one under Qute's size limit.
 */
@MessageBundle(value = "mst", locale = "en")
public interface MasteryMessages {
    @Message("Progress")
    String layout_nav_progress();

    @Message("My progress")
    String progress_title();

    @Message("How sure ConvQuiz is that you have mastered each idea of the tutorial, from every answer you have had graded. A concept counts as mastered from {percent} %.")
    String progress_intro(int percent);

    @Message("You are not in a course yet.")
    String progress_no_course();

    @Message("Concept")
    String progress_concept();

    @Message("Estimate")
    String progress_estimate();

    @Message("Answers")
    String progress_answers();

    @Message("mastered")
    String progress_mastered();

    @Message("not yet")
    String progress_not_yet();

    @Message("{concept}: {percent} %, mastered")
    String progress_bar_mastered(String concept, int percent);

    @Message("{concept}: {percent} %, not yet mastered")
    String progress_bar_not_yet(String concept, int percent);

    @Message("Mastery")
    String mastery_title();

    @Message("Mastery by concept")
    String mastery_link();

    @Message("Each student's estimate per concept (percent; ✓ mastered). {mastered} of {cells} cells on this page are mastered.")
    String mastery_intro(long mastered, long cells);

    @Message("Student")
    String mastery_student();

    @Message("Mistakes that persist")
    String mastery_persisting();

    @Message("A mistake persists when it was named again on a later question, after the student had practised its concept.")
    String mastery_persisting_help();

    @Message("No mistake has come back yet.")
    String mastery_persisting_none();

    @Message("Mistake")
    String mastery_mistake();

    @Message("Students")
    String mastery_students_count();

    @Message("Next {size} students")
    String mastery_next(int size);

    @Message("First page")
    String mastery_first();

    @Message("No students yet.")
    String mastery_no_students();

    @Message("Persisting mistakes (questions)")
    String mastery_own_persisting();

    @Message("Cross-correlation")
    String concept_cross_correlation();

    @Message("Receptive field")
    String concept_receptive_field();

    @Message("Padding")
    String concept_padding();

    @Message("Stride")
    String concept_stride();

    @Message("Channels")
    String concept_channels();

    @Message("1×1 convolution")
    String concept_one_by_one();

    @Message("Conv vs fully connected")
    String concept_conv_vs_fc();

    @Message("Pooling")
    String concept_pooling();

    @Message("Pooling backward")
    String concept_pooling_backward();

    @Message("Practise my weak spots")
    String practise_button();

    @Message("Each press brings one question on the idea you know least, with numbers where your own recent mistakes would show.")
    String practise_note();

    @Message("Every idea of this course is mastered: there is no weak spot left to practise.")
    String practise_all_mastered();

    @Message("Next weak spot")
    String practise_next();
}
