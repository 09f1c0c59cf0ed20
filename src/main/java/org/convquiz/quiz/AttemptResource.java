package org.convquiz.quiz;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.convquiz.account.CurrentUser;
import org.convquiz.account.User;
import org.convquiz.web.Lang;
import org.convquiz.web.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Taking a quiz: start an attempt, answer (drafts saved as you type), get it graded, see the history. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class AttemptResource {
    private static final int MAX_KEY = 64;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance attempt(Views.AttemptView attempt);

        static native TemplateInstance history(List<Views.HistoryRow> rows);

        static native TemplateInstance refused(String key);
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    QuizService quizzes;

    @Inject
    AttemptPresenter presenter;

    @POST
    @Path("quizzes/{quizId}/attempts")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response start(@PathParam("quizId") long quizId) {
        User user = currentUser.user();
        long attemptId;
        try {
            attemptId = quizzes.start(quizId, user, Instant.now()).id;
        } catch (RuntimeException e) {
            // A double click: the other request created this attempt number first; go to it.
            if (!isConstraint(e, "attempt_number_unique")) {
                throw e;
            }
            attemptId = quizzes.latestAttemptId(quizId, user);
        }
        return Response.seeOther(URI.create("/attempts/" + attemptId)).build();
    }

    @GET
    @Path("attempts/{id}")
    @Operation(hidden = true)
    public TemplateInstance attempt(@PathParam("id") long id, @Context HttpHeaders headers) {
        return Templates.attempt(presenter.page(id, currentUser.user(), Lang.of(headers), Instant.now()));
    }

    /** Practice: grade one question now (post-redirect-get back to it). */
    @POST
    @Path("attempts/{id}/items/{position}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response check(@PathParam("id") long id, @PathParam("position") int position, MultivaluedMap<String, String> form) {
        User user = currentUser.user();
        onceOnly(() -> quizzes.check(id, user, position, form, token(form), Instant.now()));
        return Response.seeOther(URI.create("/attempts/" + id + "#q" + position)).build();
    }

    /** Saves one answer box as the student types (called by the page's script); 204 when stored. */
    @POST
    @Path("attempts/{id}/drafts")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response draft(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        quizzes.saveDraft(id, currentUser.user(), integer(form.getFirst("position")), form.getFirst("part"), form, Instant.now());
        return Response.noContent().build();
    }

    /** Hands the attempt in: every question is graded and stored, then the page shows the results. */
    @POST
    @Path("attempts/{id}/submit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response submit(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        User user = currentUser.user();
        onceOnly(() -> quizzes.submit(id, user, form, token(form), Instant.now()));
        return Response.seeOther(URI.create("/attempts/" + id)).build();
    }

    /**
     * Runs a storing call; if a simultaneous copy of the same form (same idempotency token) committed
     * first, the database's unique key refuses this one and the stored copy stands.
     */
    private static void onceOnly(Runnable store) {
        try {
            store.run();
        } catch (RuntimeException e) {
            if (!isConstraint(e, "submission_idempotency_unique")) {
                throw e;
            }
        }
    }

    private static boolean isConstraint(Throwable e, String name) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException c && name.equals(c.getConstraintName())) {
                return true;
            }
        }
        return false;
    }

    @GET
    @Path("history")
    @Operation(hidden = true)
    public TemplateInstance history(@Context HttpHeaders headers) {
        return Templates.history(presenter.history(currentUser.user(), Lang.of(headers).tag()));
    }

    /** A quiz rule said no: a page that says which rule (409), or problem+json for scripts. */
    @ServerExceptionMapper
    public Response refused(QuizRuleException e, HttpHeaders headers, UriInfo uri) {
        if (headers.getAcceptableMediaTypes().stream().noneMatch(m -> m.isCompatible(MediaType.TEXT_HTML_TYPE) && !m.isWildcardType())) {
            return Response.status(e.status()).type(Problem.MEDIA_TYPE)
                    .entity(Problem.of(e.status(), "Conflict", e.getMessage(), uri.getPath())).build();
        }
        return Response.status(e.status()).type(MediaType.TEXT_HTML_TYPE).entity(Templates.refused(e.key())).build();
    }

    private static String token(MultivaluedMap<String, String> form) {
        String given = form.getFirst("idempotency");
        if (given == null || given.isBlank() || given.length() > MAX_KEY) {
            throw new jakarta.ws.rs.BadRequestException("the form has no idempotency token; reload the page");
        }
        return given;
    }

    private static int integer(String value) {
        if (value == null) {
            throw new jakarta.ws.rs.BadRequestException("position is required");
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new jakarta.ws.rs.BadRequestException("position must be a number");
        }
    }
}
