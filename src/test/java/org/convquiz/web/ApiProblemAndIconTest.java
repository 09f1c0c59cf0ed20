package org.convquiz.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Refusals of the Basic-authenticated API carry a problem+json body; the app has an icon of its own. */
@QuarkusTest
class ApiProblemAndIconTest {

    @Test
    void anonymousApiRequestGets401WithAProblemBodyAndTheBasicChallenge() {
        given().get("/api/exercises").then().statusCode(401)
                .contentType(Problem.MEDIA_TYPE)
                .header("WWW-Authenticate", containsString("Basic"))
                .body("status", equalTo(401))
                .body("instance", equalTo("/api/exercises"))
                .body("detail", containsString("curl -u"));
    }

    @Test
    void wrongPasswordGets401WithAProblemBodyToo() {
        given().auth().preemptive().basic("nobody-here", "wrong-password").get("/api/exercises/padding-output-shape/variants/0")
                .then().statusCode(401)
                .contentType(Problem.MEDIA_TYPE)
                .body("detail", containsString("wrong user name or password"));
    }

    @Test
    void faviconIsTheAppsOwnIconAndPagesLinkIt() throws Exception {
        byte[] served = given().get("/favicon.ico").then().statusCode(200).extract().asByteArray();
        assertArrayEquals(Files.readAllBytes(Path.of("src/main/resources/META-INF/resources/favicon.ico")), served);
        given().get("/favicon.svg").then().statusCode(200).body(containsString("<svg"));
        given().get("/").then().statusCode(200).body(containsString("href=\"/favicon.ico\""));
    }
}
