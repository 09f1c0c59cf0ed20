package org.convquiz.quiz;

import static io.restassured.RestAssured.given;

import io.restassured.filter.cookie.CookieFilter;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser-like session for RestAssured: form login, cookies kept, CSRF token read from the last page. */
public final class Session {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");
    private static final Pattern IDEMPOTENCY = Pattern.compile("name=\"idempotency\" value=\"([^\"]+)\"");

    private final CookieFilter cookies = new CookieFilter();
    private String lastPage = "";

    /** A browser that has not signed in (pages it opens still carry CSRF tokens). */
    public static Session anonymous() {
        return new Session();
    }

    public static Session login(String username, String password) {
        Session session = new Session();
        given().filter(session.cookies).redirects().follow(false)
                .formParam("j_username", username).formParam("j_password", password)
                .when().post("/j_security_check")
                .then().statusCode(302).header("Location", org.hamcrest.Matchers.endsWith("/courses"));
        return session;
    }

    public RequestSpecification request() {
        // Browsers send forms as UTF-8; RestAssured's default would be ISO-8859-1.
        return given().filter(cookies).redirects().follow(false).accept("text/html")
                .config(io.restassured.RestAssured.config().encoderConfig(
                        io.restassured.config.EncoderConfig.encoderConfig().defaultContentCharset("UTF-8")));
    }

    /** GETs a page (200 expected) and remembers it for its tokens. */
    public String page(String path) {
        Response response = request().when().get(path);
        response.then().statusCode(200);
        lastPage = response.body().asString();
        return lastPage;
    }

    public Response get(String path) {
        return request().when().get(path);
    }

    public String csrf() {
        Matcher m = CSRF.matcher(lastPage);
        if (!m.find()) {
            throw new AssertionError("no CSRF token on the page");
        }
        return m.group(1);
    }

    /** The n-th idempotency token on the last page. */
    public String idempotency(int n) {
        Matcher m = IDEMPOTENCY.matcher(lastPage);
        for (int i = 0; i <= n; i++) {
            if (!m.find()) {
                throw new AssertionError("no idempotency token " + n + " on the page");
            }
        }
        return m.group(1);
    }

    /** POSTs a form with the CSRF token of the last page. */
    public Response post(String path, Object... fields) {
        RequestSpecification spec = request().formParam("csrf-token", csrf());
        for (int i = 0; i < fields.length; i += 2) {
            spec = spec.formParam((String) fields[i], fields[i + 1]);
        }
        return spec.when().post(path);
    }

    /** Starts an attempt at a quiz from the course page; returns the attempt id. */
    public long start(long courseId, long quizId) {
        page("/courses/" + courseId);
        String location = post("/quizzes/" + quizId + "/attempts").then().statusCode(303).extract().header("Location");
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }
}
