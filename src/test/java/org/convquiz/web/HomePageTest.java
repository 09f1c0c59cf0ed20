package org.convquiz.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HomePageTest {

    @Test
    void homePageRendersThroughTheLayout() {
        given().accept("text/html").header("Accept-Language", "en")
                .when().get("/")
                .then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(allOf(
                        containsString("<html lang=\"en\">"),
                        containsString("class=\"site-header\""),
                        containsString("Practise the arithmetic of convolutional networks"),
                        containsString("class=\"site-footer\""),
                        containsString("href=\"/css/app.css\"")));
    }

    @Test
    void chineseFromAcceptLanguage() {
        given().accept("text/html").header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.5")
                .when().get("/")
                .then().statusCode(200)
                .body(allOf(containsString("<html lang=\"zh\">"), containsString("练习卷积神经网络中的算术")));
    }

    @Test
    void languageSwitchIsRememberedInACookie() {
        String cookie = given().accept("text/html").header("Accept-Language", "en")
                .queryParam("lang", "zh")
                .when().get("/")
                .then().statusCode(200)
                .body(containsString("练习卷积神经网络中的算术"))
                .extract().cookie("lang");
        org.junit.jupiter.api.Assertions.assertEquals("zh", cookie);

        // The cookie wins over the browser's Accept-Language on the next request.
        given().accept("text/html").header("Accept-Language", "en").cookie("lang", "zh")
                .when().get("/")
                .then().statusCode(200)
                .body(allOf(containsString("练习卷积神经网络中的算术"), not(containsString("Practise the arithmetic"))));
    }

    @Test
    void stylesheetIsServedByTheApp() {
        given().when().get("/css/app.css").then().statusCode(200).body(containsString("--accent"));
    }
}
