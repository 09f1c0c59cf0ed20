package org.convquiz.quiz;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.convquiz.account.CurrentUser;
import org.convquiz.account.User;
import org.convquiz.web.Lang;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A user's courses, joining one with its code, and a course's quizzes with the student's standing: HTTP in, {@link CourseService} decides. */
@Path("/courses")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class CourseResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance courses(List<Views.CourseRow> courses, String error, String code, boolean instructor);

        static native TemplateInstance course(Views.CourseRow course, List<Views.QuizRow> open, List<Views.QuizRow> upcoming,
                List<Views.QuizRow> closed, boolean instructor, List<CourseService.TemplateOption> templates, List<CourseService.OrderRow> order,
                String error);
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    CourseService courses;

    @GET
    @Operation(hidden = true)
    public TemplateInstance courses() {
        return Templates.courses(courses.rows(currentUser.user()), null, "", currentUser.isInstructor());
    }

    /** An instructor creates a course (with a fresh join code) and teaches it. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(User.INSTRUCTOR)
    @Operation(hidden = true)
    public Response create(@FormParam("title") String title, @FormParam("time_zone") String timeZone) {
        User user = currentUser.user();
        CourseService.Outcome outcome = courses.create(user, title, timeZone);
        if (outcome.error() != null) {
            return Response.status(outcome.status()).entity(Templates.courses(courses.rows(user), outcome.error(), "", true)).build();
        }
        return Response.seeOther(URI.create("/courses/" + outcome.courseId())).build();
    }

    /** An instructor of the course adds a quiz made from a quiz file, with its mode, window and limits. */
    @POST
    @Path("{id}/quizzes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(User.INSTRUCTOR)
    @Operation(hidden = true)
    public Response addQuiz(@PathParam("id") long id, @FormParam("template") String template, @jakarta.ws.rs.BeanParam QuizSettingsForm form,
            @Context HttpHeaders headers) {
        return redirectOrPage(courses.addQuiz(id, currentUser.user(), template, form), headers, "/courses/" + id);
    }


    /** An instructor of the course publishes a draft quiz or takes it back to draft. */
    @POST
    @Path("{id}/quizzes/{quizId}/publish")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(User.INSTRUCTOR)
    @Operation(hidden = true)
    public Response publish(@PathParam("id") long id, @PathParam("quizId") long quizId, @FormParam("published") String published) {
        if (!"true".equals(published) && !"false".equals(published)) {
            throw new jakarta.ws.rs.BadRequestException("published must be 'true' or 'false', got '" + published + "'");
        }
        courses.publish(id, quizId, currentUser.user(), Boolean.parseBoolean(published));
        return Response.seeOther(URI.create("/courses/" + id + "#quiz-order")).build();
    }

    /** An instructor of the course sets the time zone its quiz times are entered and shown in (audited). */
    @POST
    @Path("{id}/time-zone")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(User.INSTRUCTOR)
    @Operation(hidden = true)
    public Response timeZone(@PathParam("id") long id, @FormParam("time_zone") String timeZone, @Context HttpHeaders headers) {
        return redirectOrPage(courses.timeZone(id, currentUser.user(), timeZone), headers, "/courses/" + id);
    }

    /** An instructor of the course moves a quiz one place up or down; a form made from a stale page is refused (409). */
    @POST
    @Path("{id}/quizzes/{quizId}/move")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(User.INSTRUCTOR)
    @Operation(hidden = true)
    public Response move(@PathParam("id") long id, @PathParam("quizId") long quizId, @FormParam("direction") String direction,
            @FormParam("version") String version, @Context HttpHeaders headers) {
        User user = currentUser.user();
        if (!"up".equals(direction) && !"down".equals(direction)) {
            throw new jakarta.ws.rs.BadRequestException("direction must be 'up' or 'down', got '" + direction + "'");
        }
        int seen;
        try {
            seen = Integer.parseInt(version == null ? "" : version.trim());
        } catch (NumberFormatException e) {
            throw new jakarta.ws.rs.BadRequestException("the form has no quiz version; reload the page");
        }
        try {
            courses.move(id, quizId, "up".equals(direction), seen, user);
        } catch (QuizRuleException e) {
            return Response.status(409).entity(page(id, user, headers, e.key())).build();
        } catch (RuntimeException e) {
            if (!stale(e)) {
                throw e;
            }
            // two instructors moved quizzes at the same moment: the other one's order stands
            return Response.status(409).entity(page(id, user, headers, "course_order_stale")).build();
        }
        return Response.seeOther(URI.create("/courses/" + id + "#quiz-order")).build();
    }

    /** Whether a save lost to a concurrent one (Hibernate's version check), for a 409 rather than a 500. */
    static boolean stale(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof jakarta.persistence.OptimisticLockException || t instanceof org.hibernate.StaleStateException) {
                return true;
            }
        }
        return false;
    }

    @POST
    @Path("join")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response join(@FormParam("code") String code) {
        User user = currentUser.user();
        String normalized = code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
        CourseService.Outcome outcome = courses.join(user, normalized);
        if (outcome.error() != null) {
            return Response.status(outcome.status())
                    .entity(Templates.courses(courses.rows(user), outcome.error(), normalized, currentUser.isInstructor())).build();
        }
        return Response.seeOther(URI.create("/courses/" + outcome.courseId())).build();
    }

    @GET
    @Path("{id}")
    @Operation(hidden = true)
    public TemplateInstance course(@PathParam("id") long id, @Context HttpHeaders headers) {
        return page(id, currentUser.user(), headers, null);
    }

    private Response redirectOrPage(CourseService.Outcome outcome, HttpHeaders headers, String to) {
        if (outcome.error() != null) {
            return Response.status(outcome.status()).entity(page(outcome.courseId(), currentUser.user(), headers, outcome.error())).build();
        }
        return Response.seeOther(URI.create(to)).build();
    }

    private TemplateInstance page(long id, User user, HttpHeaders headers, String error) {
        CourseService.Page p = courses.page(id, user, Lang.of(headers).tag());
        return Templates.course(p.course(), p.open(), p.upcoming(), p.closed(), p.instructor(), p.templates(), p.order(), error);
    }
}
