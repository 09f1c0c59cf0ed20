package org.convquiz.people;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the people pages (namespace {@code ppl}): rosters, co-instructors, password links. English here,
 * Chinese in {@code messages/ppl_zh.properties}. A bundle of its own keeps the shared one small (Qute's
 * generated bundle class stops verifying past about 300 messages).
 */
@MessageBundle(value = "ppl", locale = "en")
public interface PeopleMessages {
    @Message("People")
    String people_title();

    @Message("One-time link for {username}")
    String people_link_title(String username);

    @Message("Hand this link over now: it is shown only once, works once and for 7 days, and lets its owner choose a password.")
    String people_link_once();

    @Message("Roster imported: {created} created, {updated} updated, {rejected} rejected")
    String people_report_title(int created, int updated, int rejected);

    @Message("New accounts")
    String people_report_created();

    @Message("Updated")
    String people_report_updated();

    @Message("Rejected rows (nothing of them was stored)")
    String people_report_rejected();

    @Message("Line {line} ({username}):")
    String people_report_line(int line, String username);

    @Message("User name")
    String people_username();

    @Message("Name")
    String people_name();

    @Message("Name (for a new account)")
    String people_name_new();

    @Message("One-time link")
    String people_link();

    @Message("Joining")
    String people_joining_title();

    @Message("Join code: {code}.")
    String people_join_code(String code);

    @Message("Students can join with it.")
    String people_joining_open();

    @Message("Joining is closed.")
    String people_joining_closed();

    @Message("New join code")
    String people_rotate();

    @Message("Close joining")
    String people_close_joining();

    @Message("Open joining")
    String people_open_joining();

    @Message("Import a roster")
    String people_roster_title();

    @Message("A CSV file in UTF-8 (with or without BOM) with a header row: username, name, and optionally email and student_number. New students get an account and a one-time link; students of this course are updated; other rows are rejected with the reason.")
    String people_roster_help();

    @Message("Roster (CSV)")
    String people_roster_file();

    @Message("Import")
    String people_roster_submit();

    @Message("Instructors")
    String people_instructors();

    @Message("Add an instructor")
    String people_add_instructor();

    @Message("Students")
    String people_students();

    @Message("Student number")
    String people_student_number();

    @Message("E-mail")
    String people_email();

    @Message("Actions")
    String people_actions();

    @Message("New password link")
    String people_reset();

    @Message("Remove from course")
    String people_remove();

    @Message("the user name must be 3 to 32 of a–z, 0–9, _ . -.")
    String people_error_username();

    @Message("the name is missing or longer than 100 characters.")
    String people_error_name();

    @Message("the e-mail address is not one.")
    String people_error_email();

    @Message("the student number is longer than 64 characters.")
    String people_error_student_number();

    @Message("this user name appears twice in the file.")
    String people_error_duplicate();

    @Message("this user name belongs to an instructor.")
    String people_error_instructor_account();

    @Message("this user name belongs to an account outside this course: ask the student to join with the code.")
    String people_error_other_account();

    @Message("This user name belongs to a student account, which cannot teach.")
    String people_error_student_account();

    @Message("This person already teaches the course.")
    String people_error_already_instructor();

    @Message("The file is not a CSV file that can be read (check quotes and separators).")
    String people_error_csv();

    @Message("The first row must name the columns: username and name (email and student_number optional).")
    String people_error_header();

    @Message("A roster has at most 5,000 rows: split the file.")
    String people_error_too_many();

    @Message("Choose a CSV file to import.")
    String people_error_no_file();

    @Message("The file is larger than 1 MB.")
    String people_error_file_size();

    @Message("The file is not UTF-8: save it as “CSV UTF-8” and try again.")
    String people_error_encoding();

    @Message("No student of this course has this user name.")
    String people_error_not_a_student();

    @Message("open must be true or false.")
    String people_error_joining();
}
