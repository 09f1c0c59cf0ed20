package org.convquiz.account;

import org.convquiz.audit.AuditLog;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
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
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Sign in (form login), create a student account, sign out. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class AccountResource {
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9_.-]{3,32}");

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
    @Transactional
    @Operation(hidden = true)
    public Response register(@FormParam("username") String username, @FormParam("display_name") String displayName,
            @FormParam("password") String password, @FormParam("password2") String password2,
            @FormParam("join_code") String joinCode) {
        String name = username == null ? "" : username.trim().toLowerCase(java.util.Locale.ROOT);
        String code = joinCode == null ? "" : joinCode.trim().toUpperCase(java.util.Locale.ROOT);
        Map<String, String> errors = new LinkedHashMap<>();
        if (!USERNAME.matcher(name).matches()) {
            errors.put("username", "account_error_username");
        } else if (User.findByUsername(name).isPresent()) {
            errors.put("username", "account_error_username_taken");
        }
        if (displayName == null || displayName.isBlank() || displayName.length() > 100) {
            errors.put("display_name", "account_error_display_name");
        }
        if (password == null || password.length() < 8 || password.length() > 72) {
            errors.put("password", "account_error_password");
        } else if (!password.equals(password2)) {
            errors.put("password2", "account_error_password_mismatch");
        }
        Course course = null;
        if (!code.isEmpty()) {
            course = Course.findByJoinCode(code).orElse(null);
            if (course == null) {
                errors.put("join_code", "account_error_join_code");
            } else if (!course.joiningOpen) {
                errors.put("join_code", "account_error_join_closed");
            }
        }
        if (!errors.isEmpty()) {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("username", name);
            values.put("display_name", displayName == null ? "" : displayName);
            values.put("join_code", code);
            return Response.status(400).entity(Templates.register(values, errors)).build();
        }
        User user = User.create(name, password, User.STUDENT, displayName.trim());
        if (course != null) {
            CourseMember.add(course, user, User.STUDENT);
        }
        AuditLog.record(name, "user.register", course == null ? "" : "joined course " + course.id);
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
    @Transactional
    @Operation(hidden = true)
    public Response logout() {
        currentUser.find().ifPresent(user -> {
            // One statement (the entity of CurrentUser is a detached copy): every instance sees the new version.
            User.update("sessionVersion = sessionVersion + 1 where id = ?1", user.id);
            AuditLog.record(user.username, "sign-out", "sessions before version " + (user.sessionVersion + 1) + " refused");
        });
        NewCookie expired = new NewCookie.Builder(sessionCookie).value("").path("/").maxAge(0).httpOnly(true).build();
        return Response.seeOther(URI.create("/")).cookie(expired).build();
    }
}
