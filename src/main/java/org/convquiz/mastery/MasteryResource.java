package org.convquiz.mastery;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.convquiz.account.CurrentUser;
import org.convquiz.web.Lang;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A student's own progress page: mastery per concept in each of their courses. */
@Path("/progress")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class MasteryResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance progress(List<MasteryPages.CourseProgress> courses, int threshold, String lang, long masteredCourse);
    }

    @Inject
    MasteryPages pages;

    @Inject
    CurrentUser currentUser;

    @GET
    @Operation(hidden = true)
    public TemplateInstance progress(@Context HttpHeaders headers, @jakarta.ws.rs.QueryParam("mastered") String mastered) {
        long masteredCourse = mastered != null && mastered.matches("\\d{1,18}") ? Long.parseLong(mastered) : -1;
        return Templates.progress(pages.progress(currentUser.user()), pages.thresholdPercent(), Lang.of(headers).tag(), masteredCourse);
    }
}
