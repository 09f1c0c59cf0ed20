package org.convquiz.account;

import org.convquiz.setup.Bootstrap;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.transaction.Transactional;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Without demo data (as in production), the first instructor comes from CONVQUIZ_ADMIN_USERNAME / _PASSWORD. */
@QuarkusTest
@TestProfile(FirstInstructorTest.Production.class)
class FirstInstructorTest {

    public static class Production implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("convquiz.demo.enabled", "false",
                    "convquiz.admin.username", "head-teacher",
                    "convquiz.admin.password", "first-start-secret");
        }
    }

    @Transactional
    long instructors() {
        return User.count("role", User.INSTRUCTOR);
    }

    @Transactional
    boolean demoExists() {
        return User.findByUsername("student1").isPresent() || Course.findByJoinCode(Bootstrap.DEMO_JOIN_CODE).isPresent();
    }

    @Test
    void theConfiguredInstructorCanSignInAndNoDemoDataExists() {
        assertEquals(1, instructors());
        assertFalse(demoExists(), "no demo accounts outside dev and test");
        given().redirects().follow(false).formParam("j_username", "head-teacher").formParam("j_password", "first-start-secret")
                .post("/j_security_check").then().statusCode(302).header("Location", endsWith("/courses"));
        given().auth().preemptive().basic("head-teacher", "first-start-secret").accept("application/json")
                .get("/api/exercises").then().statusCode(200);
    }
}
