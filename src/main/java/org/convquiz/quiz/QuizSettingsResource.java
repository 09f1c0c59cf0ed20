package org.convquiz.quiz;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convquiz.account.CourseMember;
import org.convquiz.account.CurrentUser;
import org.convquiz.account.User;
import org.convquiz.web.Lang;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * A quiz's settings after it was made (mode, reveal, window, time limit, attempts): only the course's instructors
 * see or change them. Post-redirect-get; a refused form comes back with what was typed and says why.
 */
@Path("/courses/{id}/quizzes/{quizId}/settings")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(User.INSTRUCTOR)
public class QuizSettingsResource {
    /** The form's fields, as the quiz form on the course page and the quiz builder name them. */
    static final List<String> FIELDS = List.of("mode", "reveal", "opens_at", "closes_at", "time_limit", "max_attempts");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance settings(long courseId, String courseTitle, long quizId, String quizTitle, String zone,
                Map<String, String> form, int version, boolean started, String error, boolean saved);
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    QuizService quizzes;

    @Inject
    Validator validator;

    @GET
    @Operation(hidden = true)
    public TemplateInstance page(@PathParam("id") long id, @PathParam("quizId") long quizId, @QueryParam("saved") String saved,
            @Context HttpHeaders headers) {
        Quiz quiz = taught(id, quizId);
        return page(quiz, current(quiz), quiz.version, null, "1".equals(saved), headers);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response save(@PathParam("id") long id, @PathParam("quizId") long quizId, MultivaluedMap<String, String> form,
            @Context HttpHeaders headers) {
        Quiz quiz = taught(id, quizId);
        Map<String, String> typed = new LinkedHashMap<>();
        FIELDS.forEach(f -> typed.put(f, form.getFirst(f)));
        int seen;
        try {
            seen = Integer.parseInt(String.valueOf(form.getFirst("version")).trim());
        } catch (NumberFormatException e) {
            throw new BadRequestException("the form has no quiz version; reload the page");
        }
        QuizSettingsForm.Result result = QuizSettingsForm.of(typed).check(validator, quiz.course);
        if (result.error() != null) {
            return Response.status(400).entity(page(quiz, typed, seen, result.error(), false, headers)).build();
        }
        try {
            quizzes.changeSettings(quiz.id, result.settings(), seen, currentUser.user().username);
        } catch (QuizRuleException e) {
            return refused(id, quizId, typed, e.key(), e.status(), headers);
        } catch (RuntimeException e) {
            if (!CourseResource.stale(e)) {
                throw e;
            }
            return refused(id, quizId, typed, "quiz_settings_stale", 409, headers); // two instructors saved at the same moment
        }
        return Response.seeOther(URI.create("/courses/" + id + "/quizzes/" + quizId + "/settings?saved=1")).build();
    }

    /** A stale form shows the quiz as it is now; a refused mode change keeps the rest of what was typed. */
    private Response refused(long id, long quizId, Map<String, String> typed, String key, int status, HttpHeaders headers) {
        Quiz now = taught(id, quizId);
        Map<String, String> shown = "quiz_settings_stale".equals(key) ? current(now) : typed;
        return Response.status(status).entity(page(now, shown, now.version, key, false, headers)).build();
    }


    /** The quiz, when it is one of course {@code id}'s listed quizzes and the signed-in instructor teaches there; else 404. */
    private Quiz taught(long id, long quizId) {
        Quiz quiz = quizzes.settingsOf(quizId);
        if (quiz == null || quiz.course.id != id || quiz.adaptive || !CourseMember.teaches(quiz.course, currentUser.user())) {
            throw new NotFoundException("no quiz " + quizId + " in course " + id);
        }
        return quiz;
    }

    private static Map<String, String> current(Quiz quiz) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("mode", quiz.mode.name());
        form.put("reveal", quiz.reveal.name());
        form.put("opens_at", CourseTime.input(quiz.opensAt, quiz.course));
        form.put("closes_at", CourseTime.input(quiz.closesAt, quiz.course));
        form.put("time_limit", quiz.timeLimitMinutes == null ? "" : quiz.timeLimitMinutes.toString());
        form.put("max_attempts", quiz.maxAttempts == null ? "" : quiz.maxAttempts.toString());
        return form;
    }

    private TemplateInstance page(Quiz quiz, Map<String, String> form, int version, String error, boolean saved, HttpHeaders headers) {
        return Templates.settings(quiz.course.id, quiz.course.title, quiz.id, quiz.title(Lang.of(headers).tag()),
                CourseTime.zone(quiz.course).getId(), form, version, quizzes.started(quiz.id), error, saved);
    }
}
