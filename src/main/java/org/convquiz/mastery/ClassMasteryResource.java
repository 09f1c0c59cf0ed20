package org.convquiz.mastery;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.convquiz.account.CurrentUser;
import org.convquiz.account.User;
import org.convquiz.web.Lang;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A course's mastery by student and concept, and the mistakes that persist, for the course's instructors only. */
@Path("/courses/{id}/mastery")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(User.INSTRUCTOR)
public class ClassMasteryResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance mastery(MasteryPages.ClassPage page, String lang);
    }

    @Inject
    MasteryPages pages;

    @Inject
    CurrentUser currentUser;

    @GET
    @Operation(hidden = true)
    public TemplateInstance mastery(@PathParam("id") long id, @QueryParam("after") String after, @Context HttpHeaders headers) {
        if (after != null && after.length() > 100) {
            throw new BadRequestException("after is longer than 100 characters");
        }
        return Templates.mastery(pages.classPage(id, currentUser.user(), after), Lang.of(headers).tag());
    }
}
