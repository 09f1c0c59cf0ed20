package org.convquiz.authoring;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.convquiz.account.CurrentUser;
import org.convquiz.account.User;
import org.convquiz.exercise.ExerciseCatalog;
import org.convquiz.exercise.ExerciseDefinition;
import org.convquiz.exercise.ExerciseFileException;
import org.convquiz.exercise.ExerciseSpec.PartSpec;
import org.convquiz.exercise.ExerciseVersion;
import org.convquiz.exercise.Reference;
import org.convquiz.quiz.AttemptPresenter;
import org.convquiz.quiz.FormAnswers;
import org.convquiz.quiz.Views;
import org.convquiz.web.Lang;
import org.convquiz.web.StepView;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Instructors' exercise pages: the list of exercises, a preview of any variant with its reference
 * answers and derivation (and a box to try answers against the students' grader), and an editor that
 * validates an exercise text and saves it as a new version.
 */
@Path("/instructor/exercises")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(User.INSTRUCTOR)
public class InstructorResource {

    /** A row of the exercise list. */
    public record ExerciseRow(String id, int version, String section, String title, int parts, String path) {
    }

    /** A part's reference answer and derivation, for the preview. */
    public record ReferenceView(String label, String reference, List<Views.StepLine> steps) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance exercises(List<ExerciseRow> rows, List<String> problems);

        static native TemplateInstance preview(ExerciseRow exercise, long seed, Map<String, Integer> params, Views.ItemView question,
                List<ReferenceView> references, boolean tried);

        static native TemplateInstance edit(String id, String yaml, List<String> problems, List<String> selftestFailures, boolean valid,
                boolean savesACopy);
    }

    @Inject
    ExerciseCatalog catalog;

    @Inject
    AttemptPresenter presenter;

    @Inject
    CurrentUser currentUser;

    @Inject
    AuthoringService authoring;

    @GET
    @Operation(hidden = true)
    public TemplateInstance exercises(@Context HttpHeaders headers) {
        String lang = Lang.of(headers).tag();
        List<ExerciseRow> rows = new ArrayList<>();
        for (ExerciseVersion v : authoring.usable(currentUser.user())) {
            rows.add(row(v, catalog.definition(v), lang));
        }
        return Templates.exercises(rows, catalog.problems());
    }

    /** Any variant (seed 0 = as in the tutorial); answers in the query string are graded as a student's would be. */
    @GET
    @Path("{id}")
    @Operation(hidden = true)
    public TemplateInstance preview(@PathParam("id") String id, @QueryParam("seed") Long seed, @QueryParam("version") Integer version,
            @Context UriInfo uri, @Context HttpHeaders headers) {
        String lang = Lang.of(headers).tag();
        ExerciseVersion v = version(id, version);
        ExerciseDefinition d = catalog.definition(v);
        long s = seed == null ? 0 : seed;
        Map<String, String> answers = FormAnswers.of(uri.getQueryParameters(), 0, d);
        boolean tried = !answers.isEmpty();
        Views.ItemView question = presenter.question(d, s, 0, answers, tried, true, false, tried, lang);
        List<Reference> references = d.references(s);
        List<ReferenceView> refs = new ArrayList<>();
        for (int i = 0; i < references.size(); i++) {
            PartSpec part = d.spec().parts().get(i);
            refs.add(new ReferenceView(part.label().in(lang), references.get(i).value().display(),
                    Views.StepLine.of(StepView.of(references.get(i).steps()), lang)));
        }
        return Templates.preview(row(v, d, lang), s, d.variant(s).params(), question, refs, tried);
    }

    @GET
    @Path("{id}/edit")
    @Operation(hidden = true)
    public TemplateInstance edit(@PathParam("id") String id) {
        return Templates.edit(id, version(id, null).yaml, List.of(), List.of(), false, authoring.savesACopy(id, currentUser.user()));
    }

    /** A new exercise starts from a copy of a documented one (exercises/README.md explains every field). */
    @GET
    @Path("new")
    @Operation(hidden = true)
    public TemplateInstance create() {
        String start = catalog.latest("padding-output-shape").map(v -> v.yaml.replace("id: padding-output-shape", "id: my-new-exercise"))
                .orElse("id: my-new-exercise\n");
        return Templates.edit(null, start, List.of(), List.of(), false, false);
    }

    /**
     * Validate (show problems with line and column) or save as a new version (then go to its preview). Saving an
     * exercise of the exercises folder or another instructor's saves the instructor's own copy (the editor says so).
     */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response save(@FormParam("yaml") String yaml, @FormParam("action") String action) {
        AuthoringService.Checked checked = authoring.check(yaml);
        if (checked.definition() == null) {
            return Response.status(422).entity(Templates.edit(null, checked.text(), checked.problems(), List.of(), false, false)).build();
        }
        String id = checked.definition().id();
        boolean copy = authoring.savesACopy(id, currentUser.user());
        if (!checked.valid() || !"save".equals(action)) {
            return Response.status(checked.valid() ? 200 : 422)
                    .entity(Templates.edit(id, checked.text(), List.of(), checked.selftestFailures(), checked.valid(), copy)).build();
        }
        AuthoringService.Saved saved;
        try {
            saved = authoring.save(checked, currentUser.user());
        } catch (ExerciseFileException e) {
            return Response.status(422).entity(Templates.edit(id, checked.text(), e.problems(), List.of(), false, copy)).build();
        }
        return Response.seeOther(URI.create("/instructor/exercises/" + saved.version().exercise.slug + "?version=" + saved.version().version)).build();
    }

    private ExerciseVersion version(String id, Integer version) {
        return authoring.visible(id, version, currentUser.user());
    }

    private static ExerciseRow row(ExerciseVersion v, ExerciseDefinition d, String lang) {
        return new ExerciseRow(d.id(), v.version, d.spec().section(), d.spec().title().in(lang), d.spec().parts().size(), v.sourcePath);
    }
}
