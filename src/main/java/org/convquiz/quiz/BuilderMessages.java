package org.convquiz.quiz;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The quiz builder's words (namespace {@code bld}); English here, Chinese in {@code messages/bld_zh.properties}. */
@MessageBundle(value = "bld", locale = "en")
public interface BuilderMessages {
    @Message("Build a quiz")
    String title();

    @Message("Build a quiz from any exercises")
    String course_link();

    @Message("Pick exercises from the exercises folder or ones you saved in the browser, number them in the order students see them, and set the quiz up. The quiz is ready at once.")
    String intro();

    @Message("Find exercises (id, title or tag)")
    String search();

    @Message("Section")
    String section();

    @Message("All sections")
    String all_sections();

    @Message("Filter")
    String filter();

    @Message("Exercises")
    String pick();

    @Message("No exercise matches; change the search or the section.")
    String no_match();

    @Message("Use")
    String use();

    @Message("Order")
    String order();

    @Message("Place of “{title}” in the quiz")
    String order_of(String title);

    @Message("Exercise")
    String exercise();

    @Message("Tags")
    String tags();

    @Message("Preview")
    String preview();

    @Message("as a student")
    String preview_link();

    @Message("yours")
    String own();

    @Message("Quiz settings")
    String settings();

    @Message("Title (English)")
    String title_en();

    @Message("Title (Chinese; the English one when empty)")
    String title_zh();

    @Message("Create the quiz")
    String create();

    @Message("Pick at least one exercise.")
    String error_none();

    @Message("A quiz can hold at most 40 exercises.")
    String error_too_many();

    @Message("One of the exercises picked does not exist or is not yours to use; reload the page.")
    String error_unknown();

    @Message("Give the quiz an English title of at most 200 characters (and a Chinese one of at most 200).")
    String error_title();

    @Message("The quiz's settings are not valid: check the mode, the times and the numbers.")
    String course_quiz_error_settings();

    @Message("The quiz must open before it closes.")
    String course_quiz_error_window();

    @Message("draft")
    String draft();

    @Message("Publish")
    String publish();

    @Message("Back to draft")
    String unpublish();

    @Message("Preview as a student")
    String preview_quiz();

    @Message("Publish at once (otherwise the quiz stays a draft that only its instructors see)")
    String publish_now();

    @Message("Preview of the quiz as a student")
    String preview_title();

    @Message("Every question as a student with seed {seed} sees it. Another seed gives other numbers; showing the answers adds the reference answers and their derivations.")
    String preview_intro(long seed);

    @Message("Seed")
    String seed();

    @Message("Show the answers")
    String show_answers();

    @Message("Show")
    String show();

    @Message("Points")
    String points();

    @Message("Points of “{title}” in this quiz (empty: its own {own})")
    String points_of(String title, String own);

    @Message("Points must be a number above 0 and at most 1000, with at most two decimals (or empty for the exercise's own).")
    String error_points();
}
