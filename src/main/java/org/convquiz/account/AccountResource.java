package org.convquiz.account;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Sign in (form login), create a student account, sign out. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class AccountResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(boolean error, boolean registered, long pausedMinutes);

        static native TemplateInstance register(Map<String, String> values, Map<String, String> errors);

        static native TemplateInstance setPassword(String token, String username, String error, boolean invalid);
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    PasswordLinks links;

    @Inject
    AccountService accounts;

    @ConfigProperty(name = "quarkus.http.auth.form.cookie-name")
    String sessionCookie;

    @GET
    @Path("login")
    @Operation(hidden = true)
    public Response login(@QueryParam("error") boolean error, @QueryParam("registered") boolean registered,
            @QueryParam("paused") String paused) {
        long seconds = paused == null || !paused.matches("\\d{1,6}") ? 0 : Long.parseLong(paused);
        TemplateInstance page = Templates.login(error, registered, seconds == 0 ? 0 : (seconds + 59) / 60); // minutes, rounded up
        if (seconds == 0) {
            return Response.ok(page).build();
        }
        // The refused sign-in redirected here (web.CookieAndSignInHeaders): the page that says so answers 429
        // too, so a script following the redirect sees Too Many Requests, not a 200.
        return Response.status(429).header("Retry-After", seconds).entity(page).build();
    }

    @GET
    @Path("register")
    @Operation(hidden = true)
    public TemplateInstance register() {
        return Templates.register(Map.of(), Map.of());
    }

    /** Creates a student account (and joins a course when a join code is given); post-redirect-get to the login page. */
    @POST
    @Path("register")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response register(@FormParam("username") String username, @FormParam("display_name") String displayName,
            @FormParam("password") String password, @FormParam("password2") String password2,
            @FormParam("join_code") String joinCode) {
        String name = username == null ? "" : username.trim().toLowerCase(java.util.Locale.ROOT);
        String code = joinCode == null ? "" : joinCode.trim().toUpperCase(java.util.Locale.ROOT);
        Map<String, String> errors = accounts.register(name, displayName, password, password2, code);
        if (!errors.isEmpty()) {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("username", name);
            values.put("display_name", displayName == null ? "" : displayName);
            values.put("join_code", code);
            return Response.status(400).entity(Templates.register(values, errors)).build();
        }
        return Response.seeOther(URI.create("/login?registered=true")).build();
    }

    /** The page a one-time link opens: choose a password (the link is used up when it is set). */
    @GET
    @Path("set-password")
    @Operation(hidden = true)
    public Response setPasswordPage(@QueryParam("token") String token) {
        Optional<User> user = links.holder(token);
        if (user.isEmpty()) {
            return Response.status(404).entity(Templates.setPassword("", "", null, true)).build();
        }
        return Response.ok(Templates.setPassword(token, user.get().username, null, false)).build();
    }

    @POST
    @Path("set-password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response setPassword(@FormParam("token") String token, @FormParam("password") String password,
            @FormParam("password2") String password2) {
        Optional<User> user = links.holder(token);
        if (user.isEmpty()) {
            return Response.status(404).entity(Templates.setPassword("", "", null, true)).build();
        }
        String error = password == null || password.length() < 8 || password.length() > 72 ? "account_error_password"
                : !password.equals(password2) ? "account_error_password_mismatch" : null;
        if (error != null) {
            return Response.status(400).entity(Templates.setPassword(token, user.get().username, error, false)).build();
        }
        if (!links.use(token, password)) {
            return Response.status(404).entity(Templates.setPassword("", "", null, true)).build();
        }
        return Response.seeOther(URI.create("/login?registered=true")).build();
    }

    /**
     * Signing out ends the account's sessions on every instance (its session version moves on, so a copy of
     * the cookie is refused from now on) and forgets the cookie in this browser.
     */
    @POST
    @Path("logout")
    @Operation(hidden = true)
    public Response logout() {
        currentUser.find().ifPresent(accounts::signOut);
        NewCookie expired = new NewCookie.Builder(sessionCookie).value("").path("/").maxAge(0).httpOnly(true).build();
        return Response.seeOther(URI.create("/")).cookie(expired).build();
    }
}
