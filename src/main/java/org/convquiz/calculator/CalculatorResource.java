package org.convquiz.calculator;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The public conv arithmetic calculator page (its numbers come from {@link EngineApiResource}). */
@Path("/calculator")
public class CalculatorResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance calculator();
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public TemplateInstance calculator() {
        return Templates.calculator();
    }
}
