package org.convquiz.calculator;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.convquiz.calculator.CalculatorApi.BackwardRequest;
import org.convquiz.calculator.CalculatorApi.BackwardResponse;
import org.convquiz.calculator.CalculatorApi.ForwardRequest;
import org.convquiz.calculator.CalculatorApi.ForwardResponse;
import org.convquiz.calculator.CalculatorApi.NetworkChoice;
import org.convquiz.calculator.CalculatorApi.SequentialRequest;
import org.convquiz.calculator.CalculatorApi.SequentialResponse;
import org.convquiz.calculator.CalculatorApi.ShapeRequest;
import org.convquiz.calculator.CalculatorApi.ShapeResponse;
import org.convquiz.engine.EngineException;
import org.convquiz.web.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The engine's public JSON API (the calculator page uses it): one layer forward or backward, shapes, networks. */
@Path("/api/engine")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "engine")
public class EngineApiResource {

    @Inject
    CalculatorService service;

    @POST
    @Path("forward")
    @Operation(summary = "Forward pass of one layer (conv2d, conv_transpose2d, max_pool2d, avg_pool2d, linear) with its derivation")
    public ForwardResponse forward(ForwardRequest request) {
        return service.forward(request);
    }

    @POST
    @Path("backward")
    @Operation(summary = "Gradients of one layer (conv2d, max_pool2d, avg_pool2d) given grad_output, with the derivation")
    public BackwardResponse backward(BackwardRequest request) {
        return service.backward(request);
    }

    @POST
    @Path("shape")
    @Operation(summary = "Output shape, parameter count and receptive field of each layer of a stack (like torchsummary)")
    public ShapeResponse shape(ShapeRequest request) {
        return service.shape(request);
    }

    @POST
    @Path("sequential")
    @Operation(summary = "torchsummary-like table (output shape, parameters, multiply-accumulates, receptive field, steps) of pasted "
            + "nn.Sequential(...) text or of a named network")
    public SequentialResponse sequential(SequentialRequest request) {
        return service.sequential(request);
    }

    @GET
    @Path("networks")
    @Operation(summary = "The named networks the calculator offers, with their input shape and nn.Sequential text where they have one")
    public List<NetworkChoice> networks() {
        return service.networks();
    }

    /** The engine's rule, as its message says it: 400, or 413 for tensors over the size limit. */
    @ServerExceptionMapper
    public Response engineRule(EngineException e, UriInfo uri) {
        int status = e.kind() == EngineException.Kind.TOO_LARGE ? 413 : 400;
        return problem(status, status == 413 ? "Payload Too Large" : "Bad Request", e.getMessage(), uri);
    }

    @ServerExceptionMapper
    public Response badArgument(IllegalArgumentException e, UriInfo uri) {
        return problem(400, "Bad Request", e.getMessage(), uri);
    }

    private static Response problem(int status, String title, String detail, UriInfo uri) {
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(Problem.of(status, title, detail, uri.getPath())).build();
    }
}
