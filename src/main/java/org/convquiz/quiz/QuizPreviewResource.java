package org.convquiz.quiz;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.convquiz.account.CurrentUser;
import org.convquiz.account.User;
import org.convquiz.web.Lang;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * A whole quiz as a student would see it, for its instructors: every question with the numbers of one seed
 * (any seed; question n uses seed + n), and on request the reference answers with their derivations. Nothing
 * is stored.
 */
@Path("/courses/{id}/quizzes/{quizId}/preview")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(User.INSTRUCTOR)
public class QuizPreviewResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance preview(long courseId, String courseTitle, long quizId, String quizTitle, long seed, boolean answers,
                List<Views.ItemView> items);
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    AttemptPresenter presenter;

    @GET
    @Operation(hidden = true)
    public TemplateInstance preview(@PathParam("id") long id, @PathParam("quizId") long quizId, @QueryParam("seed") String seedText,
            @QueryParam("answers") String answers, @Context HttpHeaders headers) {
        long seed;
        try {
            seed = seedText == null || seedText.isBlank() ? 1 : Math.floorMod(Long.parseLong(seedText.trim()), 1_000_000_000L);
        } catch (NumberFormatException e) {
            throw new jakarta.ws.rs.BadRequestException("seed must be a whole number, got '" + seedText + "'");
        }
        boolean show = "true".equals(answers);
        String lang = Lang.of(headers).tag();
        AttemptPresenter.QuizPreview p = presenter.preview(id, quizId, currentUser.user(), seed, show, lang);
        return Templates.preview(id, p.courseTitle(), quizId, p.quizTitle(), seed, show, p.items());
    }
}
