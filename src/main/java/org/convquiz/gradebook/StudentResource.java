package org.convquiz.gradebook;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
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
import org.convquiz.account.Course;
import org.convquiz.account.CurrentUser;
import org.convquiz.account.User;
import org.convquiz.web.Lang;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** One student of a course, for its instructors: scores per quiz, every answer as typed, and score overrides with a reason. */
@Path("/courses/{id}/students/{username}")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(User.INSTRUCTOR)
public class StudentResource {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance student(long courseId, String course, StudentRecord.Record record, java.util.List<Analytics.StudentMistake> mistakes,
                String lang, String error);
    }

    @Inject
    GradebookService gradebook;

    @Inject
    StudentRecord records;

    @Inject
    Analytics analytics;

    @Inject
    CurrentUser currentUser;

    @GET
    @Operation(hidden = true)
    public TemplateInstance page(@PathParam("id") long id, @PathParam("username") String username, @Context HttpHeaders headers) {
        Course course = gradebook.taught(id, currentUser.user());
        String lang = Lang.of(headers).tag();
        return view(course, username, lang, null);
    }

    /** Sets a quiz's score by hand (a blank score removes the override); a reason is required. */
    @POST
    @Path("override")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response override(@PathParam("id") long id, @PathParam("username") String username, @FormParam("quiz") String quiz,
            @FormParam("score") String score, @FormParam("reason") String reason, @Context HttpHeaders headers) {
        Course course = gradebook.taught(id, currentUser.user());
        try {
            records.override(course, currentUser.user(), username, quiz, score, reason);
        } catch (StudentRecord.OverrideException e) {
            String lang = Lang.of(headers).tag();
            return Response.status(400).type(MediaType.TEXT_HTML_TYPE).entity(view(course, username, lang, e.key())).build();
        }
        return Response.seeOther(URI.create("/courses/" + course.id + "/students/"
                + GradebookTemplateExtensions.urlEncode(username).replace("+", "%20") + "#scores")).build();
    }

    private TemplateInstance view(Course course, String username, String lang, String error) {
        StudentRecord.Record record = records.record(course, username, lang);
        return Templates.student(course.id, course.title, record, analytics.profile(course.id, record.student().id()), lang, error);
    }
}
