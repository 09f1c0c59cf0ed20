package org.convquiz.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Strings shared by every page (namespace {@code msg}); English here, Chinese in
 * {@code messages/msg_zh.properties}. Keys are named by view: {@code layout_*}, {@code home_*}, {@code error_*}.
 */
@MessageBundle(value = "msg", locale = "en")
public interface AppMessages {
    @Message("en")
    String layout_lang();

    @Message("ConvQuiz")
    String layout_app_name();

    @Message("Conv arithmetic, graded by an engine")
    String layout_tagline();

    @Message("Home")
    String layout_nav_home();

    @Message("Calculator")
    String layout_nav_calculator();

    @Message("Language")
    String layout_language();

    @Message("ConvQuiz — exercises in convolutional-network arithmetic. Every answer is computed by an embedded PyTorch-exact engine.")
    String layout_footer();

    @Message("Practise the arithmetic of convolutional networks")
    String home_title();

    @Message("Cross-correlation, padding and stride, multi-channel and 1×1 convolutions, conv vs fully-connected parameter counts, max and average pooling, gradients through pooling and receptive fields: every quiz gives you your own numbers, grades your answer on the server and shows the derivation step by step.")
    String home_intro();

    @Message("Try the conv arithmetic calculator")
    String home_calculator_link();

    @Message("Page not found")
    String error_404_title();

    @Message("There is no page at {path}. Check the address, or go back to the home page.")
    String error_404_text(String path);

    @Message("Not allowed")
    String error_403_title();

    @Message("You do not have permission to see this page. Sign in with an account that does.")
    String error_403_text();

    @Message("Something went wrong")
    String error_500_title();

    @Message("The server could not finish this request. Nothing you had saved was lost; please try again. Reference: {ref}")
    String error_500_text(String ref);

    @Message("This request could not be handled")
    String error_other_title();

    @Message("The server answered with status {status}. Check what you sent and try again.")
    String error_other_text(Integer status);

    @Message("Back to the home page")
    String error_home_link();

    @Message("Busy right now")
    String error_503_title();

    @Message("The server is busy or cannot reach its database. Nothing you had saved was lost; this page tries again in {seconds} seconds.")
    String error_503_text(Integer seconds);

    @Message("The server could not finish this request (status {status}). Please try again.")
    String error_plain_text(Integer status);

    @Message("Conv arithmetic calculator")
    String calc_title();

    @Message("Pick a layer and its parameters in PyTorch's names: the engine that grades the quizzes computes the output shape, the parameter count and the receptive field, and shows each step. Add layers to see a whole stack, like torchsummary.")
    String calc_intro();

    @Message("Input shape (C×H×W or N×C×H×W)")
    String calc_input_shape();

    @Message("e.g. 3×100×100")
    String calc_input_shape_hint();

    @Message("Layer")
    String calc_layer();

    @Message("Parameters")
    String calc_params();

    @Message("Compute")
    String calc_compute();

    @Message("Add to the stack")
    String calc_add_layer();

    @Message("Clear the stack")
    String calc_clear();

    @Message("Output shape")
    String calc_output_shape();

    @Message("Parameters")
    String calc_param_count();

    @Message("Receptive field")
    String calc_receptive_field();

    @Message("Total")
    String calc_total();

    @Message("Derivation")
    String calc_steps();

    @Message("Multiply-accumulates")
    String calc_macs();

    @Message("Whole network: paste an nn.Sequential")
    String calc_net_heading();

    @Message("Paste a PyTorch nn.Sequential(...) of Conv2d, ConvTranspose2d, MaxPool2d, AvgPool2d, BatchNorm2d, ReLU, Flatten and Linear layers (positional or keyword arguments, PyTorch's defaults), or pick a known network. You get a torchsummary-like table: each layer's output shape, parameters, multiply-accumulates and receptive field, with every step.")
    String calc_net_intro();

    @Message("Example network")
    String calc_net_example();

    @Message("My own (the text below)")
    String calc_net_own();

    @Message("e.g. 1×32×32 (C×H×W) or 1×1×32×32 (N×C×H×W)")
    String calc_net_input_hint();

    @Message("nn.Sequential text")
    String calc_net_text();

    @Message("One layer per line; comments after # are ignored; at most 64 layers and 20,000 characters.")
    String calc_net_text_hint();

    @Message("Summarize the network")
    String calc_net_compute();

    @Message("line")
    String calc_net_line();

    @Message("Layer by layer, like torchsummary")
    String calc_net_caption();

    @Message("This network has a residual block, which nn.Sequential cannot write; it is computed by name.")
    String calc_net_named();

    @Message("AlexNet, first layers (torchvision)")
    String calc_net_alexnet_first();

    @Message("AlexNet conv1 (original, 227×227)")
    String calc_net_alexnet_conv1();

    @Message("VGG block (2 × conv3-128 + max pool)")
    String calc_net_vgg_block();

    @Message("ResNet basic block with a 1×1 projection")
    String calc_net_resnet_block();

    @Message("Depthwise-separable convolution (MobileNet)")
    String calc_net_depthwise();

    @Message("Dilated convolutions (dilation 1, 2, 4)")
    String calc_net_dilated();

    @Message("Transposed-conv upsampling (DCGAN generator)")
    String calc_net_transposed();

    @Message("Courses")
    String layout_nav_courses();

    @Message("My history")
    String layout_nav_history();

    @Message("Sign in")
    String layout_login();

    @Message("Sign out")
    String layout_logout();

    @Message("Main navigation")
    String layout_main_nav();

    @Message("Table (scrolls sideways on small screens)")
    String layout_scroll_table();

    @Message("Sign in")
    String account_login_title();

    @Message("Your account is ready. Sign in with it.")
    String account_login_registered();

    @Message("Wrong username or password.")
    String account_login_error();

    @Message("Choose your password")
    String account_set_password_title();

    @Message("Account: {username}. Choose a password of 8 to 72 characters; this link then stops working.")
    String account_set_password_for(String username);

    @Message("Save the password")
    String account_set_password_submit();

    @Message("This link does not work (any more): links work once, for 7 days. Ask your instructor for a new one.")
    String account_set_password_invalid();

    @Message("This course no longer admits new students: ask its instructor.")
    String account_error_join_closed();

    @Message("This course no longer admits new students: ask its instructor.")
    String courses_join_closed();

    @Message("Too many wrong passwords for this account or from this network. Sign-in is paused: try again in {minutes} min.")
    String account_login_paused(long minutes);

    @Message("Sign in")
    String account_login_submit();

    @Message("No account yet?")
    String account_login_no_account();

    @Message("Create a student account")
    String account_register_link();

    @Message("Create a student account")
    String account_register_title();

    @Message("Username")
    String account_username();

    @Message("Your name")
    String account_display_name();

    @Message("Password")
    String account_password();

    @Message("Password again")
    String account_password2();

    @Message("Course join code (optional)")
    String account_join_code();

    @Message("Create account")
    String account_register_submit();

    @Message("3 to 32 characters: lowercase letters, digits, '.', '_' or '-'.")
    String account_error_username();

    @Message("This username is taken; choose another.")
    String account_error_username_taken();

    @Message("Enter your name (at most 100 characters).")
    String account_error_display_name();

    @Message("Use 8 to 72 characters.")
    String account_error_password();

    @Message("The two passwords differ.")
    String account_error_password_mismatch();

    @Message("No course has this join code. Check it with your instructor.")
    String account_error_join_code();

    @Message("My courses")
    String courses_title();

    @Message("You are not in any course yet. Join one with the code your instructor gave you.")
    String courses_none();

    @Message("join code {code}")
    String courses_join_code_is(String code);

    @Message("Join a course")
    String courses_join_title();

    @Message("Join code")
    String courses_join_code();

    @Message("Join")
    String courses_join_submit();

    @Message("No course has this join code. Check it with your instructor.")
    String courses_join_error();

    @Message("student")
    String role_student();

    @Message("instructor")
    String role_instructor();

    @Message("You teach this course. Students join it with the code {code}.")
    String course_instructor_note(String code);

    @Message("Open")
    String course_open();

    @Message("Upcoming")
    String course_upcoming();

    @Message("Closed")
    String course_closed();

    @Message("None.")
    String course_none();

    @Message("practice")
    String quiz_mode_practice();

    @Message("exam")
    String quiz_mode_exam();

    @Message("Opens {time}.")
    String course_opens(String time);

    @Message("Closes {time}.")
    String course_closes(String time);

    @Message("Time limit {minutes} min.")
    String course_time_limit(Integer minutes);

    @Message("Attempts: {used} of {max}.")
    String course_attempts_used(Integer used, Integer max);

    @Message("Attempts: {used}.")
    String course_attempts(Integer used);

    @Message("Your best score: {score}")
    String course_best_score(String score);

    @Message("Continue")
    String course_continue();

    @Message("Start")
    String course_start();

    @Message("New variant")
    String course_new_variant();

    @Message("Back to the course")
    String attempt_back();

    @Message("attempt {number}")
    String attempt_number(Integer number);

    @Message("Practice: check each question as you go; you get feedback and the worked solution at once. A new variant gives you fresh numbers.")
    String attempt_practice_note();

    @Message("Exam: your answers are saved as you type. Nothing is graded until you hand in (or time runs out).")
    String attempt_exam_note();

    @Message("Hand in by {time}.")
    String attempt_deadline(String time);

    @Message("Score: {score}")
    String attempt_score(String score);

    @Message("Picture of this question with your numbers")
    String attempt_picture();

    @Message("The highlighted box is the first window; the dashed box is where it moves next; grey cells are padding.")
    String attempt_picture_caption();

    @Message("Grey is padding. The solid box is the kernel's first position; the dashed box is its next position, or its last once the answer is shown. The output's size is drawn once the answer is shown.")
    String attempt_picture_caption_shape();

    @Message("Each block is one output channel's kernel (in-channels × kernel height × kernel width) with its bias below it.")
    String attempt_picture_caption_weights();

    @Message("The lines stand for a fully connected layer joining every input value to every output value.")
    String attempt_picture_caption_fc();

    @Message("Picture: the input X of {input} with padding {padding} (top+bottom × left+right), the {kernel} kernel's first position and its stride {stride}, and the output Y whose size is asked.")
    String picture_shape_label(String input, String padding, String kernel, String stride);

    @Message("Picture: the layer's weights as {filters} blocks, one per output channel, each of {block} values, and {biases} biases.")
    String picture_weights_label(int filters, String block, int biases);

    @Message("Below them, the flattened input and output that a fully connected layer would join, every input to every output.")
    String picture_weights_fc_label();

    @Message("Check this answer")
    String attempt_check();

    @Message("Points: {score}")
    String attempt_item_score(String score);

    @Message("Hand in")
    String attempt_submit();

    @Message("Hand in with unanswered questions?")
    String attempt_confirm_title();

    @Message("These questions have no answer yet:")
    String attempt_confirm_unanswered();

    @Message("Once handed in, the answers cannot be changed.")
    String attempt_confirm_final();

    @Message("Hand in anyway")
    String attempt_confirm_hand_in();

    @Message("Go back to the questions")
    String attempt_confirm_back();

    @Message("New variant of this quiz")
    String attempt_retry();

    @Message("{rows} × {cols}")
    String attempt_grid(Integer rows, Integer cols);

    @Message("{label}, row {row}, column {col}")
    String attempt_cell(String label, Integer row, Integer col);

    @Message("A whole number, e.g. 1234 or 2×5×5+2.")
    String attempt_hint_integer();

    @Message("A number, e.g. 2.5 or 10/3.")
    String attempt_hint_number();

    @Message("A shape: its sizes separated by ×, e.g. C×H×W or (C, H, W).")
    String attempt_hint_shape();

    @Message("Values row by row, e.g. [[1, 2], [3, 4]] or one row per line.")
    String attempt_hint_tensor();

    @Message("One option.")
    String attempt_hint_single_choice();

    @Message("All options that apply.")
    String attempt_hint_multiple_choice();

    @Message("Correct")
    String attempt_status_correct();

    @Message("Partly right")
    String attempt_status_partial();

    @Message("Not right")
    String attempt_status_wrong();

    @Message("Could not read")
    String attempt_status_unreadable();

    @Message("No answer")
    String attempt_status_empty();

    @Message("{points} points.")
    String attempt_points(String points);

    @Message("We read your answer as {answer}.")
    String attempt_read_as(String answer);

    @Message("Likely mistake:")
    String attempt_misconception();

    @Message("Correct answer: {answer}")
    String attempt_reference(String answer);

    @Message("How it is computed")
    String attempt_derivation();

    @Message("Saved")
    String attempt_saved();

    @Message("Not saved — check your connection")
    String attempt_save_failed();

    @Message("Time is up.")
    String attempt_time_up();

    @Message("My attempts")
    String history_title();

    @Message("No attempts yet.")
    String history_none();

    @Message("Course")
    String history_course();

    @Message("Quiz")
    String history_quiz();

    @Message("Attempt")
    String history_attempt();

    @Message("Started")
    String history_started();

    @Message("Handed in")
    String history_submitted();

    @Message("Score")
    String history_score();

    @Message("Answers stored")
    String history_submissions();

    @Message("Not possible now")
    String refused_title();

    @Message("Back to my courses")
    String refused_back();

    @Message("This quiz is not open yet.")
    String quiz_rule_not_open();

    @Message("This quiz is closed.")
    String quiz_rule_closed();

    @Message("You have used all your attempts for this quiz.")
    String quiz_rule_no_attempts_left();

    @Message("An exam is graded when you hand it in.")
    String quiz_rule_exam_no_check();

    @Message("This attempt is already handed in.")
    String quiz_rule_submitted();

    @Message("Time is up for this attempt; the answers saved before the deadline were graded.")
    String quiz_rule_time_up();

    @Message("That question has no such answer box.")
    String quiz_rule_no_part();

    @Message("Or perhaps:")
    String attempt_misconception_or();

    @Message("Exercises")
    String instructor_exercises_title();

    @Message("New exercise")
    String instructor_new();

    @Message("Files that were not loaded")
    String instructor_load_problems();

    @Message("Id")
    String instructor_id();

    @Message("Title")
    String instructor_title();

    @Message("Section")
    String instructor_section();

    @Message("Version")
    String instructor_version();

    @Message("Parts")
    String instructor_parts();

    @Message("Source")
    String instructor_source();

    @Message("Seed")
    String instructor_seed();

    @Message("Show this variant")
    String instructor_show_variant();

    @Message("0 is the variant as in the tutorial; students get their own seeds.")
    String instructor_seed_hint();

    @Message("Edit")
    String instructor_edit();

    @Message("Parameters of this variant:")
    String instructor_params();

    @Message("Grade these answers")
    String instructor_try();

    @Message("Reference answers and derivation")
    String instructor_references();

    @Message("Edit an exercise")
    String instructor_edit_title();

    @Message("“{id}” is not yours (it comes from the exercises folder or another instructor): saving makes your own copy, “{id}-{username}”; courses that use “{id}” keep it as it is.")
    String instructor_edit_copy(String id, String username);

    @Message("The text is checked like a file in exercises/ (format in exercises/README.md): errors name their line and column, the engine computes every part for 20 variants, and the self-tests must pass. Saving stores a new version; attempts already started keep theirs.")
    String instructor_edit_intro();

    @Message("Problems")
    String instructor_problems();

    @Message("Self-tests that fail")
    String instructor_selftest_failures();

    @Message("The exercise is valid and its self-tests pass.")
    String instructor_valid();

    @Message("Exercise (YAML)")
    String instructor_yaml();

    @Message("Check")
    String instructor_validate();

    @Message("Save as a new version")
    String instructor_save();

    @Message("Exercises")
    String layout_nav_exercises();

    @Message("Create a course")
    String courses_create_title();

    @Message("Course title")
    String courses_create_name();

    @Message("Create")
    String courses_create_submit();

    @Message("Give the course a title (at most 200 characters).")
    String courses_create_error();

    @Message("Add a quiz")
    String course_add_quiz();

    @Message("This quiz is a draft: its instructors have not published it yet.")
    String quiz_rule_not_published();

    @Message("Time zone")
    String courses_zone();

    @Message("Quiz times of the course are entered and shown in this zone, e.g. Asia/Shanghai (your browser's zone is filled in).")
    String courses_zone_hint();

    @Message("That is not a time zone this server knows: give a region and city such as Asia/Shanghai or Europe/Berlin (or UTC).")
    String courses_zone_error();

    @Message("Time zone of the course")
    String course_zone_title();

    @Message("Zone for entering and showing times")
    String course_zone_label();

    @Message("Change the time zone")
    String course_zone_save();

    @Message("Quizzes: order and exceptions for students")
    String course_order_title();

    @Message("New quizzes take their place in the tutorial's order; move them to change the order students and the gradebook see.")
    String course_order_note();

    @Message("Move “{title}” up")
    String course_order_up(String title);

    @Message("Move “{title}” down")
    String course_order_down(String title);

    @Message("Another instructor changed the order of the quizzes meanwhile; nothing was moved. This page shows the order now.")
    String course_order_stale();


    @Message("Quiz (tutorial section)")
    String course_quiz_template();

    @Message("Mode")
    String course_quiz_mode();

    @Message("Show correct answers")
    String course_quiz_reveal();

    @Message("as soon as a question is answered")
    String reveal_immediately();

    @Message("after handing in")
    String reveal_after_submit();

    @Message("after the quiz closes")
    String reveal_after_close();

    @Message("never")
    String reveal_never();

    @Message("Opens")
    String course_quiz_opens();

    @Message("Closes")
    String course_quiz_closes();

    @Message("Time limit (minutes, optional)")
    String course_quiz_time_limit();

    @Message("Attempts (optional)")
    String course_quiz_max_attempts();

    @Message("Add")
    String course_quiz_add();

    @Message("Choose one of the quizzes.")
    String course_quiz_error_template();

    @Message("The quiz must open before it closes.")
    String course_quiz_error_window();

    @Message("Check the settings: mode, reveal policy, times, and whole numbers of at least 1 for the limits.")
    String course_quiz_error_settings();

    @Message("Gradebook")
    String gradebook_title();

    @Message("Download CSV")
    String gradebook_csv();

    @Message("Find a student (name or user name)")
    String gradebook_filter();

    @Message("Find")
    String gradebook_filter_submit();

    @Message("{shown} of {total} students on this page")
    String gradebook_showing(int shown, long total);

    @Message("Gradebook pages")
    String gradebook_pages();

    @Message("Previous students")
    String gradebook_previous();

    @Message("Next students")
    String gradebook_next();

    @Message("Exports for other systems")
    String gradebook_exports();

    @Message("Every submitted answer (one row per part: as typed, read as, right answer, score, mistake, time)")
    String gradebook_export_detail();

    @Message("Canvas gradebook import")
    String gradebook_export_canvas();

    @Message("Moodle grade import")
    String gradebook_export_moodle();

    @Message("UTF-8 with a byte-order mark, so spreadsheets show Chinese names; add ?bom=false to the address for systems that want none.")
    String gradebook_export_bom();

    @Message("No students have joined yet.")
    String gradebook_no_students();

    @Message("Student")
    String gradebook_student();

    @Message("Total")
    String gradebook_total();

    @Message("Gradebook and statistics")
    String course_gradebook_link();

    @Message("Statistics per exercise")
    String statistics_title();

    @Message("Every stored answer of this course's students, per exercise and part: how many, the mean score, the share fully right, and the mistakes most often named.")
    String statistics_intro();

    @Message("No answers yet.")
    String statistics_none();

    @Message("Exercise")
    String statistics_exercise();

    @Message("Part")
    String statistics_part();

    @Message("Answers")
    String statistics_answers();

    @Message("Mean score")
    String statistics_mean();

    @Message("Fully right")
    String statistics_correct();

    @Message("Most named mistakes")
    String statistics_mistakes();

    @Message("People")
    String course_people_link();
}
