package org.convquiz.quiz;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CONVQUIZ_LANGUAGE and CONVQUIZ_TIME_ZONE change what a school sees: the page language and the zone of quiz windows. */
@QuarkusTest
@TestProfile(ConfiguredDefaultsTest.ChineseInShanghai.class)
class ConfiguredDefaultsTest {
    public static class ChineseInShanghai implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("convquiz.language", "zh", "convquiz.time-zone", "Asia/Shanghai");
        }
    }

    @Inject
    TestData data;

    @Test
    void browsersThatAskForNeitherLanguageGetTheConfiguredOne() {
        given().header("Accept-Language", "fr-FR").get("/").then().statusCode(200).body(containsString("<html lang=\"zh"));
        given().get("/").then().statusCode(200).body(containsString("<html lang=\"zh"));
        given().header("Accept-Language", "en-GB,fr;q=0.5").get("/").then().statusCode(200).body(containsString("<html lang=\"en"));
    }

    @Test
    void quizWindowsAreEnteredAndShownInTheConfiguredZone() {
        TestData.World world = data.world(QuizService.Settings.practice(), "padding-output-shape");
        Session teacher = Session.login(world.instructor(), TestData.PASSWORD);
        String page = teacher.page("/courses/" + world.courseId());
        assertTrue(page.contains("(Asia/Shanghai)"), "the window fields name the zone");
        teacher.request().formParam("csrf-token", teacher.csrf()).formParam("template", "tutorial-padding-stride")
                .formParam("mode", "exam").formParam("reveal", "after_close")
                .formParam("opens_at", "2030-01-01T09:00").formParam("closes_at", "2030-01-02T09:00")
                .formParam("time_limit", "30").formParam("max_attempts", "2")
                .post("/courses/" + world.courseId() + "/quizzes").then().statusCode(303);
        // 09:00 in Shanghai (UTC+8 all year) is 01:00 UTC.
        OffsetDateTime opens = QuarkusTransaction.requiringNew().call(() -> Quiz.<Quiz>find("course.id = ?1 and opensAt is not null",
                world.courseId()).firstResult().opensAt);
        assertEquals(OffsetDateTime.parse("2030-01-01T01:00Z").toInstant(), opens.toInstant());
        assertTrue(teacher.page("/courses/" + world.courseId()).contains("2030-01-01 09:00 Asia/Shanghai"), "shown in the zone");
    }
}
