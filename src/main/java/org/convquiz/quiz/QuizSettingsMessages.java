package org.convquiz.quiz;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of a quiz's settings page (namespace {@code qs}); English here, Chinese in
 * {@code messages/qs_zh.properties}. A bundle of its own keeps the shared one small.
 */
@MessageBundle(value = "qs", locale = "en")
public interface QuizSettingsMessages {
    @Message("Settings")
    String course_link();

    @Message("Settings of {title}")
    String course_link_label(String title);

    @Message("Quiz settings")
    String title();

    @Message("Changes apply at once. Unfinished attempts get the deadline the new window and time limit give, with each student's own exception: a later close gives a student at work the extra time, an earlier close ends the attempt then.")
    String intro();

    @Message("Students have started this quiz, so its mode can no longer change: their attempts were timed and graded by its rules.")
    String mode_locked();

    @Message("Save settings")
    String save();

    @Message("Settings saved.")
    String saved();

    @Message("Someone changed this quiz after you opened the page. These are its settings now; make your change again.")
    String quiz_settings_stale();

    @Message("Students have started this quiz, so its mode can no longer change.")
    String quiz_settings_mode_started();
}
