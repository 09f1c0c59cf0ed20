package org.convquiz.quiz;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.convquiz.account.CourseMember;
import org.convquiz.account.CurrentUser;
import org.convquiz.account.User;
import org.convquiz.web.Lang;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * A quiz's per-student overrides (a student who was ill gets a later close, a student with an accommodation
 * more minutes, one who lost an attempt to a crash one more): only the course's instructors see or change them.
 */
@Path("/courses/{id}/quizzes/{quizId}/overrides")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(User.INSTRUCTOR)
public class OverrideResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance overrides(long courseId, String courseTitle, long quizId, String quizTitle, List<Row> rows,
                Form form, List<String> errors, String zone);
    }

    /** An override as listed. */
    public record Row(String username, String displayName, int extraMinutes, int extraAttempts, String closesAt, String reason,
            String changedBy, String changedAt) {
    }

    /** The form, validated with Bean Validation at the boundary; its messages are bundle keys. */
    public static class Form {
        @FormParam("student")
        @NotBlank(message = "error_student")
        @Size(max = 64, message = "error_student")
        public String student;

        @FormParam("extra_minutes")
        @Pattern(regexp = "\\s*(\\d{0,4}|100[0-7]\\d|10080)\\s*", message = "error_minutes") // 0 to 10080 (a week)
        public String extraMinutes;

        @FormParam("extra_attempts")
        @Pattern(regexp = "\\s*(\\d{0,2}|100)\\s*", message = "error_attempts") // 0 to 100
        public String extraAttempts;

        @FormParam("closes_at")
        @Pattern(regexp = "|\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?", message = "error_closes")
        public String closesAt;

        @FormParam("reason")
        @NotBlank(message = "error_reason")
        @Size(max = 500, message = "error_reason")
        public String reason;

        public int getMinutes() {
            return number(extraMinutes);
        }

        public int getAttempts() {
            return number(extraAttempts);
        }

        private static int number(String s) {
            String t = s == null ? "" : s.trim();
            return t.isEmpty() || !t.matches("\\d{1,5}") ? 0 : Integer.parseInt(t);
        }

        static Form empty() {
            return new Form();
        }
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    QuizService quizzes;

    @Inject
    Validator validator;

    @GET
    @Operation(hidden = true)
    public TemplateInstance page(@PathParam("id") long id, @PathParam("quizId") long quizId, @Context HttpHeaders headers) {
        Quiz quiz = taught(id, quizId);
        return page(quiz, Form.empty(), List.of(), headers);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response save(@PathParam("id") long id, @PathParam("quizId") long quizId, @BeanParam Form form, @Context HttpHeaders headers) {
        Quiz quiz = taught(id, quizId);
        List<String> errors = new ArrayList<>();
        for (ConstraintViolation<Form> v : validator.validate(form)) {
            if (!errors.contains(v.getMessage())) {
                errors.add(v.getMessage());
            }
        }
        User student = null;
        if (errors.isEmpty()) {
            student = User.<User>find("username", form.student.trim().toLowerCase(Locale.ROOT)).firstResult();
            if (student == null || CourseMember.of(quiz.course, student).filter(m -> User.STUDENT.equals(m.role)).isEmpty()) {
                errors.add("error_not_in_course");
            }
        }
        OffsetDateTime closes = null;
        if (errors.isEmpty() && form.closesAt != null && !form.closesAt.isBlank()) {
            try {
                closes = CourseTime.parse(form.closesAt, quiz.course);
            } catch (java.time.format.DateTimeParseException e) {
                errors.add("error_closes"); // the shape was right but not the date: month 13, 30 February
            }
            if (closes != null && quiz.opensAt != null && !closes.isAfter(quiz.opensAt)) {
                errors.add("error_closes_before_open");
            }
        }
        if (errors.isEmpty() && form.getMinutes() == 0 && form.getAttempts() == 0 && closes == null) {
            errors.add("error_nothing");
        }
        if (!errors.isEmpty()) {
            return Response.status(400).entity(page(quiz, form, errors, headers)).build();
        }
        quizzes.setOverride(quiz, student, form.getMinutes(), form.getAttempts(), closes, form.reason.trim(), currentUser.user().username,
                Instant.now());
        return Response.seeOther(URI.create("/courses/" + id + "/quizzes/" + quizId + "/overrides")).build();
    }

    @POST
    @Path("{username}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response remove(@PathParam("id") long id, @PathParam("quizId") long quizId, @PathParam("username") String username) {
        Quiz quiz = taught(id, quizId);
        User student = User.<User>find("username", username).firstResult();
        if (student == null || QuizOverride.of(quiz, student).isEmpty()) {
            throw new NotFoundException("no override for '" + username + "' at quiz " + quizId);
        }
        quizzes.removeOverride(quiz, student, currentUser.user().username);
        return Response.seeOther(URI.create("/courses/" + id + "/quizzes/" + quizId + "/overrides")).build();
    }

    /** The quiz, when it belongs to course {@code id} and the signed-in instructor teaches that course; otherwise 404. */
    private Quiz taught(long id, long quizId) {
        Quiz quiz = Quiz.findById(quizId);
        if (quiz == null || quiz.course.id != id
                || !CourseMember.teaches(quiz.course, currentUser.user())) {
            throw new NotFoundException("no quiz " + quizId + " in course " + id);
        }
        return quiz;
    }

    private TemplateInstance page(Quiz quiz, Form form, List<String> errors, HttpHeaders headers) {
        String lang = Lang.of(headers).tag();
        List<Row> rows = QuizOverride.of(quiz).stream().map(o -> new Row(o.user.username, o.user.displayName, o.extraMinutes,
                o.extraAttempts, CourseTime.format(o.closesAt, quiz.course), o.reason, o.changedBy,
                CourseTime.format(o.changedAt, quiz.course))).toList();
        return Templates.overrides(quiz.course.id, quiz.course.title, quiz.id, quiz.title(lang), rows, form, errors,
                CourseTime.zone(quiz.course).getId());
    }
}
