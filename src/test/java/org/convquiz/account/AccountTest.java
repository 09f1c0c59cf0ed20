package org.convquiz.account;

import org.convquiz.setup.Bootstrap;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.filter.cookie.CookieFilter;
import jakarta.transaction.Transactional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AccountTest {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    private static String csrf(String page) {
        Matcher m = CSRF.matcher(page);
        assertTrue(m.find(), "form has a CSRF token");
        return m.group(1);
    }

    @Transactional
    User find(String username) {
        return User.findByUsername(username).orElseThrow();
    }

    @Test
    void registerSignInAndSignOut() {
        String name = "reg" + UUID.randomUUID().toString().substring(0, 8);
        CookieFilter cookies = new CookieFilter();
        String form = given().filter(cookies).accept("text/html").header("Accept-Language", "en").get("/register")
                .then().statusCode(200).extract().asString();
        given().filter(cookies).redirects().follow(false)
                .formParam("csrf-token", csrf(form)).formParam("username", name).formParam("display_name", "Ada")
                .formParam("password", "long-enough-1").formParam("password2", "long-enough-1")
                .formParam("join_code", Bootstrap.DEMO_JOIN_CODE.toLowerCase())
                .post("/register").then().statusCode(303).header("Location", endsWith("/login?registered=true"));

        User user = find(name);
        assertEquals(User.STUDENT, user.role);
        assertTrue(user.passwordHash.startsWith("$2"), "bcrypt hash, not the password");
        assertTrue(BcryptUtil.matches("long-enough-1", user.passwordHash));

        CookieFilter session = new CookieFilter();
        given().filter(session).redirects().follow(false).formParam("j_username", name).formParam("j_password", "long-enough-1")
                .post("/j_security_check").then().statusCode(302)
                .header("Set-Cookie", org.hamcrest.Matchers.containsStringIgnoringCase("HttpOnly"))
                .header("Set-Cookie", containsString("SameSite=Strict"));
        String courses = given().filter(session).accept("text/html").get("/courses").then().statusCode(200).extract().asString();
        assertTrue(courses.contains("CNN basics (demo)"), "joined the course with the code");

        var loggedOut = given().filter(session).redirects().follow(false).formParam("csrf-token", csrf(courses))
                .post("/logout").then().statusCode(303).extract();
        assertEquals(0, loggedOut.detailedCookie("convquiz-session").getMaxAge());
        var csrfCookie = given().accept("text/html").get("/register").then().extract().detailedCookie("convquiz-csrf");
        assertTrue(csrfCookie.isHttpOnly());
        assertEquals("Strict", csrfCookie.getSameSite());
    }

    @Test
    void wrongPasswordGoesBackToTheLoginPageWithAMessage() {
        given().redirects().follow(false).formParam("j_username", "student1").formParam("j_password", "wrong")
                .post("/j_security_check").then().statusCode(302).header("Location", containsString("/login?error=true"));
        given().accept("text/html").header("Accept-Language", "en").get("/login?error=true")
                .then().statusCode(200).body(containsString("Wrong username or password."));
    }

    @Test
    void invalidRegistrationRedisplaysTheFormWithEachError() {
        CookieFilter cookies = new CookieFilter();
        String form = given().filter(cookies).accept("text/html").header("Accept-Language", "en").get("/register").asString();
        given().filter(cookies).header("Accept-Language", "en").accept("text/html")
                .formParam("csrf-token", csrf(form)).formParam("username", "A!").formParam("display_name", "")
                .formParam("password", "short").formParam("password2", "other").formParam("join_code", "NOPE")
                .post("/register").then().statusCode(400)
                .body(containsString("3 to 32 characters"))
                .body(containsString("Enter your name"))
                .body(containsString("Use 8 to 72 characters"))
                .body(containsString("No course has this join code"))
                .body(containsString("aria-invalid=\"true\""));
        given().filter(cookies).header("Accept-Language", "en").accept("text/html")
                .formParam("csrf-token", csrf(form)).formParam("username", "student1").formParam("display_name", "X")
                .formParam("password", "long-enough-1").formParam("password2", "long-enough-1")
                .post("/register").then().statusCode(400).body(containsString("This username is taken"));
    }

    @Test
    void demoAccountsExistInTheTestProfile() {
        given().redirects().follow(false).formParam("j_username", "teacher").formParam("j_password", "convquiz-demo")
                .post("/j_security_check").then().statusCode(302).header("Location", endsWith("/courses"));
    }
}
