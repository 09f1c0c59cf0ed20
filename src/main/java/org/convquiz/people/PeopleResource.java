package org.convquiz.people;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.convquiz.ConvQuizConfig;
import org.convquiz.account.Course;
import org.convquiz.account.CurrentUser;
import org.convquiz.account.User;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * A course's people, for its instructors: co-instructors, roster import (CSV), one-time password links,
 * removing students, the join code. Results that carry a one-time link are shown once, on the page that
 * answers the form (not after a redirect, where they would have to be stored).
 */
@Path("/courses/{id}/people")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(User.INSTRUCTOR)
public class PeopleResource {
    static final long MAX_ROSTER_BYTES = 1_000_000;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance people(Course course, List<PeopleService.Member> members, PeopleService.Person link,
                PeopleService.ImportReport report, String error, String baseUrl);
    }

    @Inject
    PeopleService people;

    @Inject
    CurrentUser currentUser;

    @Inject
    ConvQuizConfig config;

    @GET
    @Operation(hidden = true)
    public TemplateInstance page(@PathParam("id") long id) {
        return page(people.taught(id, currentUser.user()), null, null, null);
    }

    @POST
    @Path("instructors")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response addInstructor(@PathParam("id") long id, @FormParam("username") String username, @FormParam("display_name") String name) {
        Course course = people.taught(id, currentUser.user());
        try {
            return Response.ok(page(course, people.addInstructor(course, currentUser.user(), username, name), null, null)).build();
        } catch (PeopleService.PeopleException e) {
            return Response.status(400).entity(page(course, null, null, e.key())).build();
        }
    }

    /** The roster as a CSV file (multipart); UTF-8, with or without a byte-order mark. */
    @POST
    @Path("roster")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(hidden = true)
    public Response importRoster(@PathParam("id") long id, @RestForm("roster") FileUpload file) {
        Course course = people.taught(id, currentUser.user());
        String text;
        try {
            if (file == null || file.uploadedFile() == null) {
                return Response.status(400).entity(page(course, null, null, "people_error_no_file")).build();
            }
            if (file.size() > MAX_ROSTER_BYTES) {
                return Response.status(413).entity(page(course, null, null, "people_error_file_size")).build();
            }
            byte[] bytes = Files.readAllBytes(file.uploadedFile());
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return Response.status(400).entity(page(course, null, null, "people_error_encoding")).build();
        } catch (IOException e) {
            return Response.status(400).entity(page(course, null, null, "people_error_no_file")).build();
        }
        try {
            return Response.ok(page(course, null, people.importRoster(course, currentUser.user(), text.replace('\u0000', '\uFFFD')), null)).build();
        } catch (PeopleService.PeopleException e) {
            return Response.status(400).entity(page(course, null, null, e.key())).build();
        }
    }

    @POST
    @Path("{username}/password-link")
    @Operation(hidden = true)
    public Response passwordLink(@PathParam("id") long id, @PathParam("username") String username) {
        Course course = people.taught(id, currentUser.user());
        try {
            return Response.ok(page(course, people.resetPassword(course, currentUser.user(), username), null, null)).build();
        } catch (PeopleService.PeopleException e) {
            return Response.status(404).entity(page(course, null, null, e.key())).build();
        }
    }

    @POST
    @Path("{username}/remove")
    @Operation(hidden = true)
    public Response remove(@PathParam("id") long id, @PathParam("username") String username) {
        Course course = people.taught(id, currentUser.user());
        try {
            people.remove(course, currentUser.user(), username);
        } catch (PeopleService.PeopleException e) {
            return Response.status(404).entity(page(course, null, null, e.key())).build();
        }
        return Response.seeOther(URI.create("/courses/" + id + "/people")).build();
    }

    @POST
    @Path("join-code")
    @Operation(hidden = true)
    public Response rotate(@PathParam("id") long id) {
        people.rotateJoinCode(people.taught(id, currentUser.user()), currentUser.user());
        return Response.seeOther(URI.create("/courses/" + id + "/people")).build();
    }

    @POST
    @Path("joining")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response joining(@PathParam("id") long id, @FormParam("open") String open) {
        Course course = people.taught(id, currentUser.user());
        if (!"true".equals(open) && !"false".equals(open)) {
            return Response.status(400).entity(page(course, null, null, "people_error_joining")).build();
        }
        people.setJoining(course, currentUser.user(), Boolean.parseBoolean(open));
        return Response.seeOther(URI.create("/courses/" + id + "/people")).build();
    }

    private TemplateInstance page(Course course, PeopleService.Person link, PeopleService.ImportReport report, String error) {
        Course fresh = people.taught(course.id, currentUser.user()); // after a change, what it is now
        return Templates.people(fresh, people.members(fresh, 2000), link, report, error, config.url().replaceAll("/+$", ""));
    }
}
