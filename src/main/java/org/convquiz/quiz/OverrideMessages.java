package org.convquiz.quiz;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the per-student exceptions page (namespace {@code ovr}); English here, Chinese in
 * {@code messages/ovr_zh.properties}. A bundle of its own keeps the shared one small.
 */
@MessageBundle(value = "ovr", locale = "en")
public interface OverrideMessages {
    @Message("Exceptions for students")
    String course_link();

    @Message("Exceptions for single students")
    String title();

    @Message("Give one student more minutes per attempt, more attempts or a later close (for illness or an accommodation). Each change is recorded with its reason.")
    String intro();

    @Message("Current exceptions")
    String list();

    @Message("No student has an exception at this quiz.")
    String none();

    @Message("Give or change an exception")
    String add();

    @Message("Extra minutes per attempt")
    String extra_minutes();

    @Message("Extra attempts")
    String extra_attempts();

    @Message("Closes for this student at")
    String closes_at();

    @Message("Reason")
    String reason();

    @Message("Last changed")
    String changed();

    @Message("Save the exception")
    String save();

    @Message("Remove")
    String remove();

    @Message("Give the user name of a student of this course.")
    String error_student();

    @Message("There is no student with this user name in this course.")
    String error_not_in_course();

    @Message("Extra minutes must be a whole number from 0 to 10080 (a week).")
    String error_minutes();

    @Message("Extra attempts must be a whole number from 0 to 100.")
    String error_attempts();

    @Message("The closing time must be a date and time, like 2026-12-01T18:00.")
    String error_closes();

    @Message("The student's closing time must be after the quiz opens.")
    String error_closes_before_open();

    @Message("Say why (at most 500 characters): the reason is kept with the change.")
    String error_reason();

    @Message("Give extra minutes, extra attempts or a later close; an exception that changes nothing is not saved.")
    String error_nothing();
}
