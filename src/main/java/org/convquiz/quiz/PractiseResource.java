package org.convquiz.quiz;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import io.quarkus.security.Authenticated;
import java.net.URI;
import java.util.Optional;
import org.convquiz.account.CurrentUser;
import org.convquiz.mastery.Picker;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * "Practise my weak spots": each press adds one question to the student's practice attempt at the course's
 * weak-spot quiz — the exercise and seed the {@link Picker} chooses from the student's mastery estimates and
 * recent mistakes — and opens it. When every concept is mastered, nothing is added and the progress page says so.
 */
@Path("/courses/{id}/practise")
@Authenticated
public class PractiseResource {
    @Inject
    CurrentUser currentUser;

    @Inject
    PractiseService practise;

    @POST
    @Operation(hidden = true)
    public Response next(@PathParam("id") long id) {
        Optional<PractiseService.Added> added = practise.next(id, currentUser.user());
        if (added.isEmpty()) {
            return Response.seeOther(URI.create("/progress?mastered=" + id)).build();
        }
        return Response.seeOther(URI.create("/attempts/" + added.get().attemptId() + "#q" + added.get().position())).build();
    }
}
