package org.convquiz.gradebook;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.convquiz.account.Course;
import org.convquiz.account.CurrentUser;
import org.convquiz.account.User;
import org.convquiz.web.Lang;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A course's gradebook (page and CSV) and per-exercise statistics, for the course's instructors only. */
@Path("/courses/{id}")
@RolesAllowed(User.INSTRUCTOR)
public class GradebookResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance gradebook(long courseId, String course, GradebookService.GradebookPage book);

        static native TemplateInstance statistics(long courseId, String course, List<GradebookService.PartStats> parts, String lang);
    }

    @Inject
    GradebookService gradebook;

    @Inject
    CurrentUser currentUser;

    @GET
    @Path("gradebook")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public TemplateInstance page(@PathParam("id") long id, @QueryParam("after") String after, @QueryParam("before") String before,
            @QueryParam("q") String filter, @QueryParam("sort") String sort, @QueryParam("dir") String dir, @Context HttpHeaders headers) {
        var page = gradebook.page(id, currentUser.user(), Lang.of(headers).tag(), pageRequest(after, before, filter, sort, dir));
        return Templates.gradebook(page.courseId(), page.title(), page.content());
    }

    /**
     * A page request from query parameters: {@code sort} is {@code username} (the default), {@code name}, {@code number},
     * {@code total} or {@code quiz-<id>}; {@code dir} is {@code asc} (the default) or {@code desc}. Anything else is a 400.
     */
    static GradebookService.PageRequest pageRequest(String after, String before, String filter, String sort, String dir) {
        for (String[] p : new String[][] {{"after", after}, {"before", before}, {"q", filter}, {"sort", sort}}) {
            if (p[1] != null && p[1].length() > 100) {
                throw new BadRequestException(p[0] + " is longer than 100 characters");
            }
        }
        if (after != null && !after.isEmpty() && before != null && !before.isEmpty()) {
            throw new BadRequestException("give after or before, not both");
        }
        GradebookService.SortKey key = GradebookService.SortKey.username;
        Long quizId = null;
        if (sort != null && !sort.isEmpty()) {
            if (sort.matches("quiz-[0-9]{1,18}")) {
                key = GradebookService.SortKey.quiz;
                quizId = Long.parseLong(sort.substring(5));
            } else if (sort.matches("username|name|number|total")) {
                key = GradebookService.SortKey.valueOf(sort);
            } else {
                throw new BadRequestException("sort must be username, name, number, total or quiz-<id>");
            }
        }
        if (dir != null && !dir.isEmpty() && !dir.equals("asc") && !dir.equals("desc")) {
            throw new BadRequestException("dir must be asc or desc");
        }
        return new GradebookService.PageRequest(after, before, filter, key, quizId, "desc".equals(dir));
    }

    /**
     * The same table as CSV (UTF-8 with a byte-order mark, so spreadsheets read the Chinese titles right),
     * streamed row by row from a database cursor: memory stays flat whatever the class size.
     */
    @GET
    @Path("gradebook.csv")
    @Operation(hidden = true)
    public Response csv(@PathParam("id") long id, @Context HttpHeaders headers) {
        Course course = taught(id);
        GradebookService.Columns columns = gradebook.columns(course, Lang.of(headers).tag());
        List<String> header = new ArrayList<>(List.of("username", "name"));
        for (int i = 0; i < columns.titles().size(); i++) {
            header.add(columns.titles().get(i) + " (/" + GradebookTemplateExtensions.points(columns.maxScores().get(i)) + ")");
        }
        header.add("total");
        StreamingOutput body = output -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), 64 * 1024);
            writer.write('\uFEFF');
            CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder().get());
            csv.printRecord(header.stream().map(CsvCells::safe).toList());
            gradebook.rows(course.id, columns.quizIds().size(), row -> {
                List<String> cells = new ArrayList<>(List.of(CsvCells.safe(row.username()), CsvCells.safe(row.displayName())));
                row.best().forEach(b -> cells.add(b == null ? "" : GradebookTemplateExtensions.points(b))); // empty: not attempted
                cells.add(GradebookTemplateExtensions.points(row.total()));
                try {
                    csv.printRecord(cells);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            csv.flush();
        };
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"gradebook-course-" + course.id + ".csv\"").build();
    }

    @GET
    @Path("statistics")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public TemplateInstance statistics(@PathParam("id") long id, @Context HttpHeaders headers) {
        var page = gradebook.statistics(id, currentUser.user());
        return Templates.statistics(page.courseId(), page.title(), page.content(), Lang.of(headers).tag());
    }

    /** The course, if the signed-in instructor teaches it; other instructors get a 404. */
    Course taught(long id) {
        return gradebook.taught(id, currentUser.user());
    }
}
