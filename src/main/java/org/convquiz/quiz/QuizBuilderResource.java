package org.convquiz.quiz;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
import org.convquiz.account.CurrentUser;
import org.convquiz.account.User;
import org.convquiz.web.Lang;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The quiz builder: an instructor of a course picks any exercises they may use (the exercises folder's and
 * the ones they saved in the browser), finds them by section, id, title or tag, orders them and sets the
 * quiz's mode, window and limits; the quiz is made at once, without a file or a restart ({@link QuizBuilderService}).
 */
@Path("/courses/{id}/quizzes/new")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(User.INSTRUCTOR)
public class QuizBuilderResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance builder(long courseId, String courseTitle, String zone, List<QuizBuilderService.Choice> exercises,
                List<String> sections, String q, String section, Map<String, String> form, Map<String, String> orders,
                Map<String, String> points, List<String> chosen, String error);
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    QuizBuilderService builder;

    @GET
    @Operation(hidden = true)
    public TemplateInstance page(@PathParam("id") long id, @QueryParam("q") String q, @QueryParam("section") String section,
            @Context HttpHeaders headers) {
        return page(id, q, section, Map.of(), List.of(), null, headers);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response build(@PathParam("id") long id, MultivaluedMap<String, String> form, @Context HttpHeaders headers) {
        List<String> picked = form.getOrDefault("exercise", List.of()).stream().map(String::trim).distinct().toList();
        Map<String, String> typed = new LinkedHashMap<>();
        form.forEach((k, v) -> typed.put(k, v.isEmpty() ? "" : v.get(0)));
        String error = builder.build(id, currentUser.user(), picked, typed);
        if (error != null) {
            return Response.status(400).entity(page(id, typed.get("q"), typed.get("section"), typed, picked, error, headers)).build();
        }
        return Response.seeOther(URI.create("/courses/" + id + "#quiz-order")).build();
    }

    private TemplateInstance page(long id, String q, String section, Map<String, String> form, List<String> chosen, String error,
            HttpHeaders headers) {
        QuizBuilderService.Page p = builder.page(id, currentUser.user(), q, section, form, chosen, Lang.of(headers).tag());
        return Templates.builder(p.courseId(), p.courseTitle(), p.zone(), p.exercises(), p.sections(), q == null ? "" : q,
                section == null ? "" : section, form, p.orders(), p.points(), chosen, error);
    }
}
