package org.convquiz.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docker-compose.yml cannot run here (no Docker engine), so its shape is checked with a YAML parser. */
class DockerComposeTest {
    private final JsonNode compose = read();

    private static JsonNode read() {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(Path.of("docker-compose.yml").toFile());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void databaseIsPostgres16WithAHealthcheckAndANamedVolume() {
        JsonNode db = compose.at("/services/db");
        assertEquals("postgres:16", db.path("image").asText());
        assertTrue(db.at("/healthcheck/test").toString().contains("pg_isready"));
        String volume = db.path("volumes").get(0).asText().split(":")[0];
        assertTrue(compose.path("volumes").has(volume), "named volume " + volume + " is declared");
    }

    @Test
    void appIsBuiltFromTheDockerfileAndWiredThroughTheEnvironment() {
        JsonNode app = compose.at("/services/app");
        String dockerfile = app.at("/build/dockerfile").asText();
        assertTrue(Files.isRegularFile(Path.of(app.at("/build/context").asText()).resolve(dockerfile)), dockerfile);
        assertEquals("service_healthy", app.at("/depends_on/db/condition").asText());
        JsonNode env = app.path("environment");
        assertTrue(env.path("QUARKUS_DATASOURCE_JDBC_URL").asText().startsWith("jdbc:postgresql://db:5432/"));
        assertEquals(compose.at("/services/db/environment/POSTGRES_USER").asText(), env.path("QUARKUS_DATASOURCE_USERNAME").asText());
        assertEquals(compose.at("/services/db/environment/POSTGRES_PASSWORD").asText(), env.path("QUARKUS_DATASOURCE_PASSWORD").asText());
        assertTrue(app.path("ports").toString().contains("8080:8080"));
        assertTrue(env.has("CONVQUIZ_SESSION_KEY") && env.has("CONVQUIZ_ADMIN_PASSWORD"), "sessions and the first instructor are configured");
    }

    @Test
    void dockerfileBuildsInsideAndRunsTheQuarkusApp() throws IOException {
        String dockerfile = Files.readString(Path.of("src/main/docker/Dockerfile"));
        assertTrue(dockerfile.contains(" AS build"), "multi-stage");
        assertTrue(dockerfile.contains("mvn -B -q package"));
        assertTrue(dockerfile.contains("quarkus-run.jar"));
        assertTrue(dockerfile.contains("/app/exercises/"), "the exercise files travel with the app");
    }
}
