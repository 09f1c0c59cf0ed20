package org.convquiz.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.filter.cookie.CookieFilter;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.convquiz.quiz.QuizService;
import org.convquiz.quiz.TestData;
import org.junit.jupiter.api.Test;

/** Every route against every kind of visitor: anonymous, a student, an instructor. */
@QuarkusTest
class RouteAuthorizationTest {
    @Inject
    TestData data;

    enum Who { ANONYMOUS, STUDENT, INSTRUCTOR }

    record Route(String method, String path, int anonymous, int student, int instructor) {
    }

    private RequestSpecification as(Who who, TestData.World world, boolean api) {
        RequestSpecification spec = given().redirects().follow(false).accept(api ? "application/json" : "text/html");
        if (who == Who.ANONYMOUS) {
            return spec;
        }
        String user = who == Who.STUDENT ? world.student() : world.instructor();
        if (api) {
            return spec.auth().preemptive().basic(user, TestData.PASSWORD);
        }
        CookieFilter cookies = new CookieFilter();
        given().filter(cookies).redirects().follow(false).formParam("j_username", user).formParam("j_password", TestData.PASSWORD)
                .post("/j_security_check").then().statusCode(302);
        return spec.filter(cookies);
    }

    @Test
    void everyRouteAnswersEachRoleAsIntended() {
        TestData.World world = data.world(QuizService.Settings.practice(), "padding-output-shape");
        List<Route> routes = List.of(
                new Route("GET", "/", 200, 200, 200),
                new Route("GET", "/calculator", 200, 200, 200),
                new Route("GET", "/login", 200, 200, 200),
                new Route("GET", "/register", 200, 200, 200),
                new Route("GET", "/courses", 302, 200, 200),
                new Route("GET", "/courses/" + world.courseId(), 302, 200, 200),
                new Route("GET", "/history", 302, 200, 200),
                new Route("GET", "/attempts/999999", 302, 404, 404),
                new Route("GET", "/q/health", 200, 200, 200),
                new Route("GET", "/no/such/page", 404, 404, 404),
                new Route("GET", "/instructor/exercises", 302, 403, 200),
                new Route("GET", "/courses/" + world.courseId() + "/gradebook", 302, 403, 200),
                new Route("GET", "/courses/" + world.courseId() + "/statistics", 302, 403, 200),
                new Route("GET", "/instructor/exercises/ex1-fc-params", 302, 403, 200),
                new Route("GET", "/instructor/exercises/new", 302, 403, 200),
                new Route("GET", "/api/exercises", 401, 403, 200),
                new Route("GET", "/api/exercises/ex1-fc-params/variants/0", 401, 403, 200),
                new Route("GET", "/courses/" + world.courseId() + "/students/" + world.student(), 302, 403, 200),
                new Route("GET", "/courses/" + world.courseId() + "/statistics/padding-output-shape", 302, 403, 200),
                new Route("GET", "/courses/" + world.courseId() + "/misconceptions", 302, 403, 200),
                new Route("GET", "/api/courses/" + world.courseId() + "/gradebook", 401, 403, 200),
                new Route("GET", "/api/courses/" + world.courseId() + "/statistics", 401, 403, 200),
                new Route("GET", "/api/courses/" + world.courseId() + "/statistics/padding-output-shape", 401, 403, 200),
                new Route("GET", "/courses/" + world.courseId() + "/quizzes/new", 302, 403, 200),
                new Route("GET", "/courses/" + world.courseId() + "/quizzes/" + world.quizId() + "/preview", 302, 403, 200),
                new Route("GET", "/courses/" + world.courseId() + "/quizzes/" + world.quizId() + "/overrides", 302, 403, 200),
                new Route("GET", "/courses/" + world.courseId() + "/quizzes/" + world.quizId() + "/settings", 302, 403, 200));
        List<String> wrong = new ArrayList<>();
        for (Route r : routes) {
            for (Who who : Who.values()) {
                int expected = switch (who) {
                    case ANONYMOUS -> r.anonymous();
                    case STUDENT -> r.student();
                    case INSTRUCTOR -> r.instructor();
                };
                int got = as(who, world, r.path().startsWith("/api/")).request(r.method(), r.path()).statusCode();
                if (got != expected) {
                    wrong.add(r.method() + " " + r.path() + " as " + who + ": " + got + " instead of " + expected);
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void aStudentOnAnInstructorRouteGetsA403ProblemAndAPostNeedsARole() {
        TestData.World world = data.world(QuizService.Settings.practice(), "padding-output-shape");
        as(Who.STUDENT, world, true).get("/api/exercises").then().statusCode(403)
                .contentType(org.hamcrest.Matchers.startsWith("application/problem+json"))
                .body("status", org.hamcrest.Matchers.equalTo(403));
        as(Who.STUDENT, world, true).contentType("application/yaml").body("id: x".getBytes()).post("/api/exercises")
                .then().statusCode(403);
        as(Who.ANONYMOUS, world, true).contentType("application/yaml").body("id: x".getBytes()).post("/api/exercises/validate")
                .then().statusCode(401);
    }
}
