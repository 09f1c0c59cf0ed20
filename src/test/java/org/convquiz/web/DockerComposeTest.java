package org.convquiz.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    @Test
    void bothServicesRestartAndTheAppReportsItsReadiness() {
        for (String service : List.of("db", "app")) {
            assertTrue(Set.of("always", "unless-stopped").contains(compose.at("/services/" + service + "/restart").asText()), service);
        }
        JsonNode check = compose.at("/services/app/healthcheck");
        assertTrue(check.path("test").toString().contains("/q/health/ready"), "the readiness check, database included");
        assertTrue(check.path("start_period").asText().endsWith("s"), "time to migrate and load the exercises");
        String dockerfile = read("src/main/docker/Dockerfile");
        assertTrue(dockerfile.contains("HEALTHCHECK") && dockerfile.contains("/q/health/ready"), "the image checks itself too");
    }

    @Test
    void exercisesAreAVolumeAtTheFolderTheAppReads() {
        JsonNode app = compose.at("/services/app");
        String folder = app.at("/environment/CONVQUIZ_EXERCISES_DIR").asText();
        assertEquals("/app/exercises", folder);
        assertTrue(app.path("volumes").toString().contains(":" + folder + ":ro"), "mounted read-only at " + folder);
    }

    /** Secrets come from .env (so they are the same at every restart) and have no default; .env.example lists every variable. */
    @Test
    void secretsAreRequiredFromEnvAndEnvExampleListsEveryVariable() {
        String text = read("docker-compose.yml");
        Set<String> used = new TreeSet<>();
        Matcher m = Pattern.compile("\\$\\{([A-Z_]+)(:?[-?])?").matcher(text);
        while (m.find()) {
            used.add(m.group(1));
        }
        for (String secret : List.of("CONVQUIZ_DB_PASSWORD", "CONVQUIZ_SESSION_KEY", "CONVQUIZ_ADMIN_PASSWORD")) {
            assertTrue(text.contains("${" + secret + ":?"), secret + " is required, with no default");
        }
        Set<String> listed = new TreeSet<>();
        for (String line : read(".env.example").split("\n")) {
            if (line.matches("[A-Z_]+=.*")) {
                listed.add(line.substring(0, line.indexOf('=')));
                if (line.contains("PASSWORD") || line.contains("KEY")) {
                    assertEquals(line.substring(0, line.indexOf('=') + 1), line, "no secret in the example: " + line);
                }
            }
        }
        assertEquals(used, listed);
        assertTrue(read(".gitignore").lines().anyMatch(".env"::equals), ".env stays out of git");
    }

    @Test
    void dockerignoreKeepsBuildOutputAndSecretsOutButNotWhatTheBuildCopies() {
        List<String> ignored = read(".dockerignore").lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        assertTrue(ignored.containsAll(List.of("target/", ".git/", ".env")), ignored.toString());
        Matcher copy = Pattern.compile("(?m)^COPY (?!--from)(\\S+)").matcher(read("src/main/docker/Dockerfile"));
        while (copy.find()) {
            String source = copy.group(1);
            assertTrue(Files.exists(Path.of(source)), source);
            assertTrue(ignored.stream().noneMatch(i -> source.startsWith(i.replace("/", "")) || i.equals(source + "/")), source + " is not ignored");
        }
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
