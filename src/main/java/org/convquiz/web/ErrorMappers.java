package org.convquiz.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns failures into friendly HTML pages for browsers and {@code application/problem+json} for
 * API clients ({@code /api/*}, or a request that asks for JSON and not HTML).
 */
public class ErrorMappers {
    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    /** Seconds a client is asked to wait before retrying a 503 (overload, or PostgreSQL unreachable). */
    static final int RETRY_AFTER_SECONDS = 5;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(Integer status, String path, String ref, String detail);

        /** Self-contained (no layout, no signed-in user): it renders on any thread, even with no database. */
        static native TemplateInstance unavailable(Integer retryAfter, Integer status);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri, HttpHeaders headers) {
        return respond(404, "Not Found", "No resource at " + uri.getPath(), uri, headers, null);
    }

    /** A signed-in user without the role a route needs (e.g. a student on an instructor route). */
    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e, UriInfo uri, HttpHeaders headers) {
        return respond(403, "Forbidden", "This needs another role than yours.", uri, headers, null);
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri, HttpHeaders headers) {
        String detail = e.getConstraintViolations().stream()
                .map(v -> lastNode(v.getPropertyPath().toString()) + ": " + v.getMessage())
                .sorted()
                .collect(Collectors.joining("; "));
        return respond(400, "Bad Request", detail, uri, headers, null);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri, HttpHeaders headers) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri, headers);
        }
        String title = e.getResponse().getStatusInfo().getReasonPhrase();
        return respond(status, title, e.getMessage(), uri, headers, null);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri, HttpHeaders headers) {
        Optional<String> unavailable = unavailableReason(e);
        if (unavailable.isPresent()) {
            LOG.warnf("503 on %s: %s", uri.getPath(), unavailable.get());
            return unavailable(uri, headers);
        }
        String ref = UUID.randomUUID().toString().substring(0, 8);
        LOG.errorf(e, "Unexpected error %s on %s", ref, uri.getPath());
        return respond(500, "Internal Server Error", "Unexpected error; reference " + ref, uri, headers, ref);
    }

    /**
     * Why the service cannot answer now, if that is what went wrong: PostgreSQL unreachable, no
     * connection free in the pool within its acquisition timeout, or the worker queue full.
     */
    static Optional<String> unavailableReason(Throwable e) {
        Optional<String> database = DatabaseUnreachableFilter.unreachableReason(e);
        if (database.isPresent()) {
            return Optional.of("database unreachable: " + database.get());
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.util.concurrent.RejectedExecutionException) {
                return Optional.of(t.getMessage() == null ? "worker queue full" : t.getMessage());
            }
            if (t instanceof org.hibernate.exception.JDBCConnectionException) {
                return Optional.of("database connection failed: " + t.getMessage());
            }
            String message = t.getMessage();
            if (t instanceof java.sql.SQLException && message != null && message.contains("acquisition timeout")) {
                return Optional.of("no database connection free: " + message);
            }
        }
        return Optional.empty();
    }

    /** 503 with Retry-After, as problem+json or a page that needs neither the database nor the session. */
    static Response unavailable(UriInfo uri, HttpHeaders headers) {
        Response.ResponseBuilder builder = Response.status(503).header("Retry-After", RETRY_AFTER_SECONDS);
        if (wantsProblemJson(uri, headers)) {
            return builder.type(Problem.MEDIA_TYPE).entity(Problem.of(503, "Service Unavailable",
                    "The service is busy or its database is unreachable; retry in " + RETRY_AFTER_SECONDS + " s.", uri.getPath())).build();
        }
        return builder.type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(Templates.unavailable(RETRY_AFTER_SECONDS, 503)).build();
    }

    /** Builds the error response in the form the client wants. */
    static Response respond(int status, String title, String detail, UriInfo uri, HttpHeaders headers, String ref) {
        if (wantsProblemJson(uri, headers)) {
            return Response.status(status)
                    .type(Problem.MEDIA_TYPE)
                    .entity(Problem.of(status, title, detail, uri.getPath()))
                    .build();
        }
        if (status >= 500 && io.vertx.core.Context.isOnEventLoopThread()) {
            // The layout asks who is signed in, which may block; an event-loop thread must not.
            return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(Templates.unavailable(null, status)).build();
        }
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.error(status, uri.getPath(), ref == null ? "-" : ref,
                        status >= 400 && status < 500 && status != 404 && status != 403 ? detail : null))
                .build();
    }

    static boolean wantsProblemJson(UriInfo uri, HttpHeaders headers) {
        if (uri.getPath().startsWith("/api/")) {
            return true;
        }
        boolean html = headers.getAcceptableMediaTypes().stream()
                .anyMatch(m -> m.isCompatible(MediaType.TEXT_HTML_TYPE) && !m.isWildcardType());
        boolean json = headers.getAcceptableMediaTypes().stream()
                .anyMatch(m -> "json".equals(m.getSubtype()) || m.getSubtype().endsWith("+json"));
        return json && !html;
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
