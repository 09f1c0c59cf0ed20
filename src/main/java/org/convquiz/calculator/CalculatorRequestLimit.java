package org.convquiz.calculator;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.convquiz.web.Problem;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The public calculator reads at most {@link #MAX_BODY_BYTES} per request: a 256×256 tensor in JSON is
 * well under it, 100,000 layers (1.8 MB) are not. Checked on Content-Length before the body is read (a pre-matching filter);
 * bodies without one are held to Quarkus' global limit and then to the per-request bounds of
 * {@link CalculatorService}.
 */
public class CalculatorRequestLimit {
    static final long MAX_BODY_BYTES = 1_000_000;

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> limitBody(ContainerRequestContext context) {
        String path = context.getUriInfo().getPath();
        if (!path.startsWith("/api/engine/")) {
            return Optional.empty();
        }
        int length = context.getLength();
        if (length > MAX_BODY_BYTES) {
            String detail = "the request has " + length + " bytes, which exceeds the limit of " + MAX_BODY_BYTES + " bytes per calculator request";
            return Optional.of(Response.status(413).type(Problem.MEDIA_TYPE)
                    .entity(Problem.of(413, "Payload Too Large", detail, path)).build());
        }
        return Optional.empty();
    }
}
