package org.convquiz.authoring;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
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
import org.convquiz.exercise.ExerciseParser;
import org.convquiz.exercise.ExerciseSpec.OptionSpec;
import org.convquiz.exercise.ExerciseSpec.PartSpec;
import org.convquiz.exercise.ExerciseVersion;
import org.convquiz.exercise.Grader;
import org.convquiz.exercise.Reference;
import org.convquiz.exercise.SelfTests;
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

    @GET
    @Transactional
    @Operation(summary = "The latest version of every exercise")
    public List<ExerciseSummary> list() {
        List<ExerciseSummary> out = new ArrayList<>();
        for (ExerciseVersion v : catalog.latestVersions()) {
            ExerciseDefinition d = catalog.definition(v);
            out.add(new ExerciseSummary(d.id(), v.version, d.spec().section(), d.spec().title(), d.spec().tags(), v.contentHash,
                    d.spec().parts().stream().map(p -> new PartSummary(p.id(), p.kind(), p.quantity(), p.pointsOrDefault())).toList()));
        }
        return out;
    }

    @GET
    @Path("{id}/variants/{seed}")
    @Transactional
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
    @Transactional
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
        try {
            ExerciseDefinition d = ExerciseParser.parse("exercise.yaml", yaml == null ? "" : yaml);
            List<String> failures = SelfTests.run(d);
            return Response.ok(new PreviewApi.ValidationResult(failures.isEmpty(), d.id(), List.of(), failures)).build();
        } catch (ExerciseFileException e) {
            return Response.status(422).entity(new PreviewApi.ValidationResult(false, null, e.problems(), List.of())).build();
        }
    }

    /** Stores an exercise text as a new version (201), or answers 200 with the version that has the same content. */
    @POST
    @Consumes({"application/yaml", "application/x-yaml", MediaType.TEXT_PLAIN})
    @Operation(summary = "Store an exercise text as a new version (validated and self-tested first)")
    public Response store(String yaml) {
        ExerciseDefinition d;
        try {
            d = ExerciseParser.parse("exercise.yaml", yaml == null ? "" : yaml);
        } catch (ExerciseFileException e) {
            return Response.status(422).entity(new PreviewApi.ValidationResult(false, null, e.problems(), List.of())).build();
        }
        List<String> failures = SelfTests.run(d);
        if (!failures.isEmpty()) {
            return Response.status(422).entity(new PreviewApi.ValidationResult(false, d.id(), List.of(), failures)).build();
        }
        ExerciseCatalog.Stored stored = catalog.store("browser/" + d.id() + ".yaml", yaml, currentUser.getUsername());
        return Response.status(stored.isNew() ? 201 : 200)
                .entity(new PreviewApi.Stored(d.id(), stored.version().version, stored.isNew(), stored.version().contentHash)).build();
    }

    private ExerciseVersion version(String id, Integer version) {
        if (version == null) {
            return catalog.latest(id).orElseThrow(() -> new NotFoundException("no exercise '" + id + "'"));
        }
        return ExerciseVersion.<ExerciseVersion>find("exercise.slug = ?1 and version = ?2", id, version).firstResultOptional()
                .orElseThrow(() -> new NotFoundException("exercise '" + id + "' has no version " + version));
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
