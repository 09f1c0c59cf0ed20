package org.convquiz.authoring;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import org.convquiz.account.CurrentUser;
import org.convquiz.account.User;
import org.convquiz.authoring.PreviewApi.ExerciseSummary;
import org.convquiz.authoring.PreviewApi.GradeRequest;
import org.convquiz.authoring.PreviewApi.GradeResponse;
import org.convquiz.authoring.PreviewApi.MisconceptionView;
import org.convquiz.authoring.PreviewApi.OptionView;
import org.convquiz.authoring.PreviewApi.PartGrade;
import org.convquiz.authoring.PreviewApi.PartPreview;
import org.convquiz.authoring.PreviewApi.PartSummary;
import org.convquiz.authoring.PreviewApi.VariantPreview;
import org.convquiz.exercise.ExerciseCatalog;
import org.convquiz.exercise.ExerciseDefinition;
import org.convquiz.exercise.ExerciseFileException;
import org.convquiz.exercise.ExerciseSpec.OptionSpec;
import org.convquiz.exercise.ExerciseSpec.PartSpec;
import org.convquiz.exercise.ExerciseVersion;
import org.convquiz.exercise.Grader;
import org.convquiz.exercise.Reference;
import org.convquiz.exercise.Text;
import org.convquiz.exercise.Variant;
import org.convquiz.web.Problem;
import org.convquiz.web.StepView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Instructors preview any variant of an exercise with its reference answers and derivation, try
 * answers against the same grading function students get, and validate or store new exercise texts.
 * Students get 403 on every route here.
 */
@Path("/api/exercises")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(User.INSTRUCTOR)
@Tag(name = "exercises")
public class ExercisePreviewResource {

    @Inject
    ExerciseCatalog catalog;

    @Inject
    CurrentUser currentUser;

    @Inject
    AuthoringService authoring;

    @GET
    @Operation(summary = "The latest version of every exercise")
    public List<ExerciseSummary> list() {
        List<ExerciseSummary> out = new ArrayList<>();
        for (ExerciseVersion v : authoring.usable(currentUser.user())) {
            ExerciseDefinition d = catalog.definition(v);
            out.add(new ExerciseSummary(d.id(), v.version, d.spec().section(), d.spec().title(), d.spec().tags(), v.contentHash,
                    d.spec().parts().stream().map(p -> new PartSummary(p.id(), p.kind(), p.quantity(), p.pointsOrDefault())).toList()));
        }
        return out;
    }

    @GET
    @Path("{id}/variants/{seed}")
    @Operation(summary = "A variant (seed 0 = as in the tutorial): prompt, parts, reference answers and their derivation")
    public VariantPreview variant(@PathParam("id") String id, @PathParam("seed") long seed, @QueryParam("version") Integer version) {
        ExerciseVersion v = version(id, version);
        ExerciseDefinition d = catalog.definition(v);
        Variant variant = d.variant(seed);
        List<Reference> references = d.references(seed);
        List<PartPreview> parts = new ArrayList<>();
        for (int i = 0; i < d.spec().parts().size(); i++) {
            PartSpec p = d.parts(seed).get(i); // choice options in this seed's order
            List<OptionView> options = p.options().stream().map(o -> option(d, variant, o)).toList();
            parts.add(new PartPreview(p.id(), p.label(), p.kind(), p.quantity(), p.pointsOrDefault(),
                    references.get(i).value().display(), StepView.of(references.get(i).steps()), options));
        }
        return new VariantPreview(d.id(), v.version, seed, variant.params(),
                Text.of(d.prompt(variant, "en"), d.prompt(variant, "zh")), parts);
    }

    @POST
    @Path("{id}/variants/{seed}/grade")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Grade answers for a variant with the students' grading function (nothing is stored)")
    public GradeResponse grade(@PathParam("id") String id, @PathParam("seed") long seed, @QueryParam("version") Integer version,
            GradeRequest request) {
        if (request == null || request.answers() == null) {
            throw new IllegalArgumentException("answers is required: {\"answers\": {\"<part id>\": \"<answer as typed>\"}}");
        }
        ExerciseVersion v = version(id, version);
        ExerciseDefinition d = catalog.definition(v);
        for (String part : request.answers().keySet()) {
            if (d.part(part).isEmpty()) {
                throw new IllegalArgumentException("exercise " + id + " has no part '" + part + "' (parts: "
                        + d.spec().parts().stream().map(PartSpec::id).toList() + ")");
            }
        }
        Grader.Grade grade = Grader.grade(d, seed, request.answers());
        List<PartGrade> parts = grade.parts().stream().map(r -> new PartGrade(r.partId(), r.status().name().toLowerCase(),
                r.score(), r.maxScore(), r.readAs(), r.feedback(),
                r.misconception() == null ? null : view(r.misconception()),
                r.misconceptions().size() < 2 ? null : r.misconceptions().subList(1, r.misconceptions().size()).stream().map(ExercisePreviewResource::view).toList(),
                r.reference(), StepView.of(r.steps()))).toList();
        return new GradeResponse(d.id(), v.version, seed, grade.score(), grade.maxScore(), parts);
    }

    @POST
    @Path("validate")
    @Consumes({"application/yaml", "application/x-yaml", MediaType.TEXT_PLAIN})
    @Operation(summary = "Check an exercise text: format, engine dry run and its self-tests (nothing is stored)")
    public Response validate(String yaml) {
        AuthoringService.Checked checked = authoring.check(yaml);
        String id = checked.definition() == null ? null : checked.definition().id();
        return Response.status(checked.problems().isEmpty() ? 200 : 422)
                .entity(new PreviewApi.ValidationResult(checked.valid(), id, checked.problems(), checked.selftestFailures())).build();
    }

    /**
     * Stores an exercise text as a new version (201), or answers 200 with the version that has the same content.
     * Saving an exercise of the exercises folder or of another instructor stores the caller's own copy,
     * whose id ({@code <id>-<username>}) the answer gives.
     */
    @POST
    @Consumes({"application/yaml", "application/x-yaml", MediaType.TEXT_PLAIN})
    @Operation(summary = "Store an exercise text as a new version (validated and self-tested first); someone else's exercise becomes your copy")
    public Response store(String yaml) {
        AuthoringService.Checked checked = authoring.check(yaml);
        if (!checked.valid()) {
            String id = checked.definition() == null ? null : checked.definition().id();
            return Response.status(422).entity(new PreviewApi.ValidationResult(false, id, checked.problems(), checked.selftestFailures())).build();
        }
        AuthoringService.Saved saved;
        try {
            saved = authoring.save(checked, currentUser.user());
        } catch (ExerciseFileException e) {
            return Response.status(422).entity(new PreviewApi.ValidationResult(false, checked.definition().id(), e.problems(), List.of())).build();
        }
        return Response.status(saved.isNew() ? 201 : 200).entity(new PreviewApi.Stored(saved.version().exercise.slug, saved.version().version,
                saved.isNew(), saved.version().contentHash, saved.copiedFrom())).build();
    }

    private ExerciseVersion version(String id, Integer version) {
        return authoring.visible(id, version, currentUser.user());
    }

    private static MisconceptionView view(org.convquiz.exercise.Misconception m) {
        return new MisconceptionView(m.id(), m.title(), m.advice());
    }

    private static OptionView option(ExerciseDefinition d, Variant variant, OptionSpec o) {
        Text text = Text.of(d.fill(o.text().en(), variant), d.fill(o.text().zh(), variant));
        return new OptionView(o.key(), text, o.explanation());
    }

    @ServerExceptionMapper
    public Response badArgument(IllegalArgumentException e, UriInfo uri) {
        return Response.status(400).type(Problem.MEDIA_TYPE).entity(Problem.of(400, "Bad Request", e.getMessage(), uri.getPath())).build();
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        return Response.status(404).type(Problem.MEDIA_TYPE).entity(Problem.of(404, "Not Found", e.getMessage(), uri.getPath())).build();
    }

}
