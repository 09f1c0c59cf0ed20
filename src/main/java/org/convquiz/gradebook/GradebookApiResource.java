package org.convquiz.gradebook;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.convquiz.account.Course;
import org.convquiz.account.CurrentUser;
import org.convquiz.account.User;
import org.convquiz.exercise.Text;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A course's grades and statistics as JSON, paged, for its instructors: students get 403, other instructors 404 (the
 * course is not theirs to know of), strangers 401.
 */
@Path("/api/courses/{id}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(User.INSTRUCTOR)
@Tag(name = "gradebook")
public class GradebookApiResource {
    static final int MAX_LIMIT = 200;

    @Inject
    GradebookService gradebook;

    @Inject
    Analytics analytics;

    @Inject
    CurrentUser currentUser;

    @GET
    @Path("gradebook")
    @Operation(summary = "A page of 100 students with each quiz's score (set by hand or the best attempt) and the total; "
            + "sort = username, name, number, total or quiz-<id>, dir = asc or desc; follow next/previous")
    public GradebookApi.GradebookPage gradebook(@PathParam("id") long id, @QueryParam("after") String after, @QueryParam("before") String before,
            @QueryParam("q") String filter, @QueryParam("sort") String sort, @QueryParam("dir") String dir) {
        Course course = gradebook.taught(id, currentUser.user());
        GradebookService.PageRequest request = GradebookResource.pageRequest(after, before, filter, sort, dir);
        GradebookService.GradebookPage page = gradebook.page(course, "en", request);
        GradebookService.Columns zh = gradebook.columns(course, "zh");
        List<GradebookApi.QuizColumn> quizzes = new ArrayList<>();
        for (int i = 0; i < page.quizIds().size(); i++) {
            quizzes.add(new GradebookApi.QuizColumn(page.quizIds().get(i), Text.of(page.quizTitles().get(i), zh.titles().get(i)),
                    page.maxScores().get(i)));
        }
        List<GradebookApi.StudentRow> rows = new ArrayList<>();
        for (GradebookService.Row r : page.rows()) {
            List<GradebookApi.Score> scores = new ArrayList<>();
            for (int i = 0; i < page.quizIds().size(); i++) {
                scores.add(new GradebookApi.Score(page.quizIds().get(i), r.best().get(i), r.overriddenAt(i)));
            }
            rows.add(new GradebookApi.StudentRow(r.username(), r.displayName(), r.studentNumber(), r.email(), scores, r.total()));
        }
        String base = "/api/courses/" + course.id + "/gradebook?" + page.keep();
        return new GradebookApi.GradebookPage(course.id, page.students(), page.sort(), page.descending() ? "desc" : "asc", quizzes, rows,
                page.hasNext() ? base + "&after=" + GradebookTemplateExtensions.urlEncode(page.last()) : null,
                page.hasPrevious() ? base + "&before=" + GradebookTemplateExtensions.urlEncode(page.first()) : null);
    }

    @GET
    @Path("statistics")
    @Operation(summary = "Statistics per exercise part (answers, mean, share fully right, named mistakes), at most limit parts "
            + "after the part 'exercise/part' given as after; follow next")
    public GradebookApi.StatisticsPage statistics(@PathParam("id") long id, @QueryParam("after") @DefaultValue("") String after,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        Course course = gradebook.taught(id, currentUser.user());
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new BadRequestException("limit must be between 1 and " + MAX_LIMIT);
        }
        if (after.length() > 200) {
            throw new BadRequestException("after is longer than 200 characters");
        }
        // One row per exercise part of the course's quizzes: a short list, sorted by exercise and part.
        List<GradebookApi.PartSummary> parts = gradebook.statistics(course).stream()
                .filter(p -> after.isEmpty() || (p.exercise() + "/" + p.part()).compareTo(after) > 0).limit(limit + 1L)
                .map(p -> new GradebookApi.PartSummary(p.exercise(), p.part(), p.answers(), p.meanPercent(), p.correctPercent(), p.misconceptions()))
                .toList();
        boolean more = parts.size() > limit;
        List<GradebookApi.PartSummary> page = more ? parts.subList(0, limit) : parts;
        String next = more ? "/api/courses/" + course.id + "/statistics?limit=" + limit + "&after="
                + GradebookTemplateExtensions.urlEncode(page.get(page.size() - 1).exercise() + "/" + page.get(page.size() - 1).part()) : null;
        return new GradebookApi.StatisticsPage(course.id, page, next);
    }

    @GET
    @Path("statistics/{exercise}")
    @Operation(summary = "One exercise in depth per part: histogram, discrimination index, common wrong answers, named mistakes, "
            + "error rate with and without each variant feature")
    public GradebookApi.ExerciseDetail exercise(@PathParam("id") long id, @PathParam("exercise") String slug) {
        Course course = gradebook.taught(id, currentUser.user());
        if (slug.length() > 100) {
            throw new BadRequestException("exercise id is longer than 100 characters");
        }
        Analytics.ExerciseAnalytics a = analytics.exercise(course, slug, "en");
        return new GradebookApi.ExerciseDetail(course.id, a.slug(), a.parts().stream().map(p -> new GradebookApi.PartDetail(p.part(), p.answers(),
                p.students(), p.meanPercent(), p.correctPercent(), p.histogram(), p.discrimination(), p.groupSize(),
                p.wrongAnswers().stream().map(w -> new GradebookApi.WrongAnswer(w.answer(), w.count(), w.misconception().isEmpty() ? null : w.misconception())).toList(),
                p.misconceptions(),
                p.features().stream().map(f -> new GradebookApi.FeatureRate(f.feature(), f.withAnswers(), f.withWrong(), f.withoutAnswers(), f.withoutWrong())).toList(),
                p.unclassified())).toList());
    }
}
