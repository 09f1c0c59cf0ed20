package org.convquiz.gradebook;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.convquiz.account.Course;
import org.convquiz.account.CurrentUser;
import org.convquiz.account.User;
import org.convquiz.web.Lang;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Misconception analytics pages of a course, for its instructors: one exercise in depth, and the class's heat map. */
@Path("/courses/{id}")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(User.INSTRUCTOR)
public class AnalyticsResource {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance exercise(long courseId, String course, Analytics.ExerciseAnalytics exercise, String lang);

        static native TemplateInstance heatmap(long courseId, String course, Analytics.HeatMap map, String lang);
    }

    @Inject
    GradebookService gradebook;

    @Inject
    Analytics analytics;

    @Inject
    CurrentUser currentUser;

    @GET
    @Path("statistics/{exercise}")
    @Operation(hidden = true)
    public TemplateInstance exercise(@PathParam("id") long id, @PathParam("exercise") String slug, @Context HttpHeaders headers) {
        Course course = gradebook.taught(id, currentUser.user());
        if (slug.length() > 100) {
            throw new BadRequestException("exercise id is longer than 100 characters");
        }
        String lang = Lang.of(headers).tag();
        return Templates.exercise(course.id, course.title, analytics.exercise(course, slug, lang), lang);
    }

    @GET
    @Path("misconceptions")
    @Operation(hidden = true)
    public TemplateInstance heatmap(@PathParam("id") long id, @QueryParam("after") String after, @QueryParam("before") String before,
            @QueryParam("q") String filter, @Context HttpHeaders headers) {
        Course course = gradebook.taught(id, currentUser.user());
        GradebookService.PageRequest request = GradebookResource.pageRequest(after, before, filter, null, null);
        return Templates.heatmap(course.id, course.title, analytics.heatMap(course, request), Lang.of(headers).tag());
    }
}
