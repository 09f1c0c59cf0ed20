package org.convquiz.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HealthAndSchemaTest {
    private static final Pattern MIGRATION = Pattern.compile("V(\\d+(?:_\\d+)*)__.+\\.sql");

    @Inject
    Flyway flyway;

    @Test
    void healthIsUpWithTheDatabaseCheck() {
        given().when().get("/q/health")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"))
                .body("checks.find { it.name == 'Database connections health check' }.status", equalTo("UP"));
    }

    @Test
    void theNewestMigrationInDbMigrationIsApplied() throws IOException {
        MigrationVersion newestFile;
        try (Stream<Path> files = Files.list(Path.of("db/migration"))) {
            newestFile = files.map(p -> MIGRATION.matcher(p.getFileName().toString()))
                    .filter(Matcher::matches)
                    .map(m -> MigrationVersion.fromVersion(m.group(1).replace('_', '.')))
                    .max(Comparator.naturalOrder())
                    .orElseThrow();
        }
        assertNotNull(flyway.info().current(), "no migration applied");
        assertEquals(newestFile, flyway.info().current().getVersion());
        assertEquals(0, flyway.info().pending().length, "pending migrations");
    }

    @Test
    void openApiIsPublished() {
        given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("info.title", equalTo("ConvQuiz API"));
    }
}
