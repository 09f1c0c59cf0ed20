package org.convquiz.web;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.convquiz.ConvQuizConfig;

/**
 * Response headers that no single resource owns, set just before they are written:
 * <ul>
 *   <li>every cookie is {@code Secure} when the request came over HTTPS (directly, or through a trusted proxy
 *       that says {@code X-Forwarded-Proto: https}, see quarkus.http.proxy.*) or when configured
 *       (convquiz.session.secure-cookies);</li>
 *   <li>a form sign-in refused because the account or address is paused goes back to the login page with
 *       how long to wait and a {@code Retry-After} header (the identity provider leaves the seconds in
 *       the routing context under {@code convquiz.sign-in.paused}).</li>
 * </ul>
 */
@ApplicationScoped
public class CookieAndSignInHeaders {
    /** The same attribute name as PasswordIdentityProvider.PAUSED in the account package (web sits below account). */
    public static final String PAUSED = "convquiz.sign-in.paused";

    @Inject
    ConvQuizConfig config;

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::onEveryRequest);
    }

    void onEveryRequest(RoutingContext context) {
        boolean signIn = context.request().method() == HttpMethod.POST && "/j_security_check".equals(context.normalizedPath());
        context.addHeadersEndHandler(v -> {
            if (config.session().secureCookies() || context.request().isSSL()) {
                secure(context);
            }
            Object paused = context.get(PAUSED);
            if (signIn && paused != null) {
                context.response().putHeader("Retry-After", String.valueOf(paused));
                context.response().putHeader("Location", "/login?error=true&paused=" + paused);
            }
        });
        context.next();
    }

    private static void secure(RoutingContext context) {
        // Cookies set through Vert.x (the session, CSRF) are written after this handler: mark them in the jar.
        for (io.vertx.core.http.Cookie cookie : context.request().cookies()) {
            if (cookie instanceof io.vertx.core.http.impl.ServerCookie set && !set.isFromUserAgent()) {
                cookie.setSecure(true);
            }
        }
        // Cookies a resource wrote as headers (JAX-RS NewCookie) are already in the headers.
        List<String> cookies = context.response().headers().getAll("Set-Cookie");
        if (cookies.isEmpty()) {
            return;
        }
        List<String> secured = new ArrayList<>(cookies.size());
        for (String cookie : cookies) {
            secured.add(cookie.toLowerCase(Locale.ROOT).contains("; secure") ? cookie : cookie + "; Secure");
        }
        context.response().headers().remove("Set-Cookie");
        context.response().headers().add("Set-Cookie", secured);
    }
}
