package org.convquiz.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ErrorPagesTest {

    @Test
    void unknownPageGivesTheHtml404PageForBrowsers() {
        given().accept("text/html,application/xhtml+xml,*/*;q=0.8").header("Accept-Language", "en")
                .when().get("/no/such/page")
                .then().statusCode(404)
                .contentType(containsString("text/html"))
                .body(allOf(containsString("class=\"site-header\""),
                        containsString("Page not found"),
                        containsString("/no/such/page")));
    }

    @Test
    void the404PageSpeaksChinese() {
        given().accept("text/html").header("Accept-Language", "zh")
                .when().get("/no/such/page")
                .then().statusCode(404)
                .body(containsString("页面不存在"));
    }

    @Test
    void unknownApiUrlGivesProblemJson() {
        given().accept("application/json")
                .when().get("/api/no-such-thing")
                .then().statusCode(404)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(404))
                .body("title", equalTo("Not Found"))
                .body("instance", equalTo("/api/no-such-thing"));
    }

    @Test
    void apiErrorsAreProblemJsonEvenWhenTheClientAsksForHtml() {
        given().accept("text/html")
                .when().get("/api/no-such-thing")
                .then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
    }
}
