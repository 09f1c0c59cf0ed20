package org.convquiz.quiz;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.convquiz.account.CourseMember;
import org.convquiz.account.CurrentUser;
import org.convquiz.account.User;
import org.convquiz.exercise.ExerciseCatalog;
import org.convquiz.exercise.ExerciseDefinition;
import org.convquiz.exercise.ExerciseVersion;
import org.convquiz.exercise.Reference;
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
    ExerciseCatalog catalog;

    @Inject
    AttemptPresenter presenter;

    @GET
    @Transactional
    @Operation(hidden = true)
    public TemplateInstance preview(@PathParam("id") long id, @PathParam("quizId") long quizId, @QueryParam("seed") String seedText,
            @QueryParam("answers") String answers, @Context HttpHeaders headers) {
        Quiz quiz = Quiz.findById(quizId);
        if (quiz == null || quiz.course.id != id
                || !CourseMember.teaches(quiz.course, currentUser.user())) {
            throw new NotFoundException("no quiz " + quizId + " in course " + id);
        }
        long seed;
        try {
            seed = seedText == null || seedText.isBlank() ? 1 : Math.floorMod(Long.parseLong(seedText.trim()), 1_000_000_000L);
        } catch (NumberFormatException e) {
            throw new jakarta.ws.rs.BadRequestException("seed must be a whole number, got '" + seedText + "'");
        }
        boolean show = "true".equals(answers);
        String lang = Lang.of(headers).tag();
        List<Views.ItemView> items = new ArrayList<>();
        for (QuizItem qi : QuizItem.of(quiz)) {
            ExerciseVersion v = ExerciseVersion.latest(qi.exercise).orElseThrow(() -> new NotFoundException("no version of " + qi.exercise.slug));
            ExerciseDefinition d = catalog.definition(v);
            long s = seed + qi.position;
            Map<String, String> typed = new HashMap<>();
            if (show) {
                // graded with its own reference answers, so each part shows the answer and its derivation
                List<Reference> refs = d.references(s);
                for (int i = 0; i < refs.size(); i++) {
                    typed.put(d.parts(s).get(i).id(), refs.get(i).value().display());
                }
            }
            items.add(presenter.question(d, s, qi.position, typed, show, show, true, show, lang));
        }
        return Templates.preview(id, quiz.course.title, quiz.id, quiz.title(lang), seed, show, items);
    }
}
