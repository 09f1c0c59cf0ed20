package org.convquiz.quiz;

import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.FormParam;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.convquiz.account.Course;

/**
 * A quiz's settings as a form sends them (the quiz-file form on the course page and the quiz builder),
 * checked with Bean Validation at the boundary; each constraint's message is the bundle key the page shows.
 */
public class QuizSettingsForm {
    static final String WRONG = "course_quiz_error_settings";

    @FormParam("mode")
    @NotNull(message = WRONG)
    @Pattern(regexp = "practice|exam", message = WRONG)
    public String mode;

    @FormParam("reveal")
    @NotNull(message = WRONG)
    @Pattern(regexp = "immediately|after_submit|after_close|never", message = WRONG)
    public String reveal;

    @FormParam("opens_at")
    @Pattern(regexp = "\\s*|\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?", message = WRONG)
    public String opensAt;

    @FormParam("closes_at")
    @Pattern(regexp = "\\s*|\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?", message = WRONG)
    public String closesAt;

    /** Minutes, 1 to 10080 (a week), or empty for none. */
    @FormParam("time_limit")
    @Pattern(regexp = "\\s*|\\s*([1-9]\\d{0,3}|100[0-7]\\d|10080)\\s*", message = WRONG)
    public String timeLimit;

    /** 1 to 999, or empty for unlimited. */
    @FormParam("max_attempts")
    @Pattern(regexp = "\\s*|\\s*[1-9]\\d{0,2}\\s*", message = WRONG)
    public String maxAttempts;

    public static QuizSettingsForm of(java.util.Map<String, String> form) {
        QuizSettingsForm f = new QuizSettingsForm();
        f.mode = form.get("mode");
        f.reveal = form.get("reveal");
        f.opensAt = form.get("opens_at");
        f.closesAt = form.get("closes_at");
        f.timeLimit = form.get("time_limit");
        f.maxAttempts = form.get("max_attempts");
        return f;
    }

    /** The settings, or the bundle key of what is wrong; times are read in the course's zone. */
    public Result check(Validator validator, Course course) {
        var violations = validator.validate(this);
        if (!violations.isEmpty()) {
            return new Result(null, violations.iterator().next().getMessage());
        }
        OffsetDateTime opens;
        OffsetDateTime closes;
        try {
            opens = CourseTime.parse(opensAt, course);
            closes = CourseTime.parse(closesAt, course);
        } catch (DateTimeException e) {
            return new Result(null, WRONG); // the shape was right but not the date: 30 February
        }
        if (opens != null && closes != null && !opens.isBefore(closes)) {
            return new Result(null, "course_quiz_error_window");
        }
        return new Result(new QuizService.Settings(Quiz.Mode.valueOf(mode), Quiz.Reveal.valueOf(reveal), opens, closes,
                number(timeLimit).orElse(null), number(maxAttempts).orElse(null)), null);
    }

    private static Optional<Integer> number(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(Integer.parseInt(s.trim()));
    }

    /** Settings, or an error key. */
    public record Result(QuizService.Settings settings, String error) {
    }
}
