package org.convquiz.gradebook;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
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

/**
 * A course's grades for other systems, streamed (RFC 4180, UTF-8, a byte-order mark unless {@code bom=false}):
 * the detail (one row per submitted part), Canvas's gradebook import and Moodle's grade import. Text cells that
 * a spreadsheet would run as a formula are neutralised ({@link CsvCells}).
 */
@Path("/courses/{id}/export")
@RolesAllowed(User.INSTRUCTOR)
public class ExportResource {
    @Inject
    CurrentUser currentUser;

    @Inject
    GradebookService gradebook;

    @Inject
    ExportService exports;

    /**
     * One row per submitted part, in the order student, quiz, attempt, question, part, time, joined from each
     * submission's stored cells (see {@link ExportService} for why); the byte-order mark, when asked for, goes first.
     */
    @GET
    @Path("detail.csv")
    @Operation(hidden = true)
    public Response detail(@PathParam("id") long id, @QueryParam("bom") @DefaultValue("true") String bom, @Context HttpHeaders headers,
            @Context io.vertx.core.http.HttpServerResponse http) {
        Course course = gradebook.taught(id, currentUser.user());
        boolean withBom = bom(bom);
        String lang = Lang.of(headers).tag();
        exports.storeMissingReferences(course.id);
        String middle = exports.middleStudent(course.id);
        StreamingOutput body = output -> {
            try {
                exports.detail(course.id, lang, middle, withBom, output);
            } catch (IOException | UncheckedIOException e) {
                if (!http.closed()) {
                    throw e;
                }
                // a teacher who closes the download is not a server error; the export has stopped its readers
                org.jboss.logging.Logger.getLogger(ExportResource.class).debugf("detail export of course %d: the client went away", course.id);
            }
        };
        return attachment(body, "grades-detail-course-" + course.id + ".csv");
    }


    /**
     * Canvas's gradebook import: Student, ID, SIS User ID, SIS Login ID, Section, then one column per
     * assignment and a "Points Possible" row. Canvas matches a row by SIS User ID (the student number) or SIS
     * Login ID (the username); ID is Canvas's own and stays empty.
     */
    @GET
    @Path("canvas.csv")
    @Operation(hidden = true)
    public Response canvas(@PathParam("id") long id, @QueryParam("bom") @DefaultValue("true") String bom, @Context HttpHeaders headers) {
        Course course = gradebook.taught(id, currentUser.user());
        boolean withBom = bom(bom);
        GradebookService.Columns columns = gradebook.columns(course, Lang.of(headers).tag());
        StreamingOutput body = csv(withBom, csv -> {
            List<String> header = new ArrayList<>(List.of("Student", "ID", "SIS User ID", "SIS Login ID", "Section"));
            columns.titles().forEach(t -> header.add(CsvCells.safe(t)));
            csv.printRecord(header);
            List<String> points = new ArrayList<>(List.of("    Points Possible", "", "", "", ""));
            columns.maxScores().forEach(m -> points.add(GradebookTemplateExtensions.points(m)));
            csv.printRecord(points);
            gradebook.rows(course.id, columns.quizIds().size(), row -> {
                List<String> cells = new ArrayList<>(List.of(CsvCells.safe(row.displayName()), "", text(row.studentNumber()),
                        CsvCells.safe(row.username()), CsvCells.safe(course.title)));
                row.best().forEach(b -> cells.add(b == null ? "" : GradebookTemplateExtensions.points(b)));
                print(csv, cells);
            });
        });
        return attachment(body, "canvas-course-" + course.id + ".csv");
    }

    /**
     * Moodle's "Import grades from CSV": a column to map users by (username, ID number or email address) and
     * one column per grade item; the instructor maps the columns to grade items when importing.
     */
    @GET
    @Path("moodle.csv")
    @Operation(hidden = true)
    public Response moodle(@PathParam("id") long id, @QueryParam("bom") @DefaultValue("true") String bom, @Context HttpHeaders headers) {
        Course course = gradebook.taught(id, currentUser.user());
        boolean withBom = bom(bom);
        GradebookService.Columns columns = gradebook.columns(course, Lang.of(headers).tag());
        StreamingOutput body = csv(withBom, csv -> {
            List<String> header = new ArrayList<>(List.of("Username", "ID number", "Email address"));
            columns.titles().forEach(t -> header.add(CsvCells.safe(t)));
            csv.printRecord(header);
            gradebook.rows(course.id, columns.quizIds().size(), row -> {
                List<String> cells = new ArrayList<>(List.of(CsvCells.safe(row.username()), text(row.studentNumber()), text(row.email())));
                row.best().forEach(b -> cells.add(b == null ? "" : GradebookTemplateExtensions.points(b)));
                print(csv, cells);
            });
        });
        return attachment(body, "moodle-course-" + course.id + ".csv");
    }

    /** The whole file is streamed as the cursor is read; a bad query parameter is refused before anything is read. */
    private static boolean bom(String value) {
        return switch (value) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new BadRequestException("bom must be true or false, got '" + (value.length() > 20 ? value.substring(0, 20) + "…" : value) + "'");
        };
    }

    interface CsvBody {
        void write(CSVPrinter csv) throws IOException;
    }

    private static StreamingOutput csv(boolean bom, CsvBody content) {
        return output -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), 64 * 1024);
            if (bom) {
                writer.write('\uFEFF');
            }
            CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder().get());
            content.write(csv);
            csv.flush();
        };
    }

    private static void print(CSVPrinter csv, List<String> cells) {
        try {
            csv.printRecord(cells);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(String value) {
        return value == null ? "" : CsvCells.safe(value);
    }

    private static Response attachment(StreamingOutput body, String name) {
        return Response.ok(body, "text/csv; charset=UTF-8").header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }
}
