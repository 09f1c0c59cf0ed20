package org.convquiz.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * HTTP Basic refusals of the preview API are decided by the HTTP security layer before any resource runs,
 * so the exception mappers never see them and the 401 had no body. These two handlers give them the same
 * problem+json body as every other API error, keeping the Basic challenge for clients such as curl: one
 * answers a request that brings no credentials before authentication runs (the security layer would
 * send a bare challenge), the other catches failed authentication.
 */
@ApplicationScoped
public class ApiAuthProblems {
    @Inject
    ObjectMapper json;

    void register(@Observes Router router) {
        router.route("/api/exercises*").order(Integer.MIN_VALUE).handler(this::withoutCredentials);
        router.route("/api/courses/*").order(Integer.MIN_VALUE).handler(this::withoutCredentials);
        router.route("/api/*").order(Integer.MIN_VALUE).failureHandler(this::handle);
    }

    /** The paths of the Basic-only permission in application.properties: /api/exercises and below, /api/courses/…. */
    void withoutCredentials(RoutingContext context) {
        String path = context.normalizedPath();
        boolean basicOnly = path.equals("/api/exercises") || path.startsWith("/api/exercises/") || path.startsWith("/api/courses/");
        if (basicOnly && context.request().getHeader("Authorization") == null) {
            send(context, "sign in with an instructor's name and password by HTTP Basic (curl -u name:password)");
        } else {
            context.next();
        }
    }

    void handle(RoutingContext context) {
        Throwable failure = context.failure();
        boolean unauthenticated = failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException
                || (failure == null && context.statusCode() == 401);
        if (!unauthenticated || context.response().headWritten()) {
            context.next();
            return;
        }
        Object paused = context.get(CookieAndSignInHeaders.PAUSED);
        if (paused != null) {
            sendPaused(context, String.valueOf(paused));
            return;
        }
        send(context, failure instanceof AuthenticationFailedException
                ? "wrong user name or password: this API takes an instructor's name and password by HTTP Basic (curl -u name:password)"
                : "sign in with an instructor's name and password by HTTP Basic (curl -u name:password)");
    }

    /** Too many wrong passwords for the account or from the address: 429 with how long to wait. */
    private void sendPaused(RoutingContext context, String seconds) {
        try {
            String body = json.writeValueAsString(Problem.of(429, "Too Many Requests", "too many wrong passwords for this account or "
                    + "from this address: sign-in is paused for " + seconds + " s", context.request().path()));
            context.response().setStatusCode(429).putHeader("Retry-After", seconds).putHeader("Content-Type", Problem.MEDIA_TYPE).end(body);
        } catch (JsonProcessingException e) {
            context.next();
        }
    }

    private void send(RoutingContext context, String detail) {
        try {
            String body = json.writeValueAsString(Problem.of(401, "Unauthorized", detail, context.request().path()));
            context.response().setStatusCode(401)
                    .putHeader("WWW-Authenticate", "Basic realm=\"ConvQuiz\"")
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .end(body);
        } catch (JsonProcessingException e) {
            context.next();
        }
    }
}
