package org.convquiz.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged app as a school runs it: built by Maven with {@code QUARKUS_PROFILE=dev} exported (the old
 * README's mistake), then started with {@code java -jar} and only production variables, from a folder
 * that is not the project's. It must start in prod: no demo accounts, no dev session key, and it must
 * still find the exercises. Runs against its own schema of the test database, dropped afterwards.
 */
class PackagedAppTest {
    private static final String SCHEMA = "packaged_app_test";
    private static final Pattern LISTENING = Pattern.compile("Listening on: http://[^:]+:(\\d+)");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    @TempDir
    static Path work;
    private static Path jar;
    private static String jdbcUrl;

    @BeforeAll
    static void buildWithTheDevProfileExported() throws Exception {
        jdbcUrl = System.getenv("QUARKUS_DATASOURCE_JDBC_URL");
        assumeTrue(jdbcUrl != null, "needs a PostgreSQL given by QUARKUS_DATASOURCE_JDBC_URL (Dev Services cannot serve a separate process)");
        Path project = work.resolve("project");
        for (String part : List.of("pom.xml", "src/main", "db", "exercises")) {
            copy(Path.of(part), project.resolve(part));
        }
        if (Files.isDirectory(Path.of("target/classes"))) { // already compiled by this run: the copy is newer, so not compiled again
            copy(Path.of("target/classes"), project.resolve("target/classes"));
        }
        String mavenHome = System.getProperty("maven.home");
        String mvn = mavenHome == null ? "mvn" : Path.of(mavenHome, "bin", "mvn").toString();
        ProcessBuilder build = new ProcessBuilder(mvn, "-B", "-q", "-Dmaven.test.skip=true", "package")
                .directory(project.toFile()).redirectErrorStream(true).redirectOutput(work.resolve("build.log").toFile());
        build.environment().put("QUARKUS_PROFILE", "dev");
        Process process = build.start();
        assertTrue(process.waitFor(10, TimeUnit.MINUTES), "the build finishes");
        assertEquals(0, process.exitValue(), () -> "mvn package failed:\n" + read(work.resolve("build.log")));
        jar = project.resolve("target/quarkus-app/quarkus-run.jar");
        assertTrue(Files.isRegularFile(jar));
        dropSchema();
    }

    @AfterAll
    static void dropSchemaAgain() throws Exception {
        if (jdbcUrl != null) {
            dropSchema();
        }
    }

    @Test
    void startsInProdWithoutDemoAccountsAndFindsTheExercisesFromAnotherFolder() throws Exception {
        Path elsewhere = Files.createDirectories(work.resolve("elsewhere"));
        try (App app = App.start(elsewhere, Map.of("CONVQUIZ_SESSION_KEY", "packaged-app-test-session-key-0123456789",
                "CONVQUIZ_ADMIN_USERNAME", "firstinstructor", "CONVQUIZ_ADMIN_PASSWORD", "first-instructor-pw"))) {
            assertTrue(app.log().contains("Profile prod activated"), app::log);
            assertEquals(200, app.get("/q/health/ready", null).statusCode(), app::log);
            assertEquals(401, app.get("/api/exercises", "teacher:convquiz-demo").statusCode(), "no demo instructor");
            assertEquals(401, app.get("/api/exercises", "student1:convquiz-demo").statusCode(), "no demo student");
            HttpResponse<String> exercises = app.get("/api/exercises", "firstinstructor:first-instructor-pw");
            assertEquals(200, exercises.statusCode(), app::log);
            assertTrue(exercises.body().contains("padding-output-shape"), "exercises found beside the app: " + exercises.body());
        }
    }

    @Test
    void neverStartsWithoutASessionKeyOfTheDocumentedLength() throws Exception {
        // Without CONVQUIZ_SESSION_KEY, or with one under 32 characters, the app refuses to start and says why;
        // a dev build would have used its fixed key silently, and Quarkus a random one it logs.
        for (Map<String, String> env : List.of(Map.<String, String>of(), Map.of("CONVQUIZ_SESSION_KEY", "only-15-letters"))) {
            try (App app = App.startOrExit(work, env)) {
                assertTrue(app.port == null, () -> "started with " + env + ":\n" + app.log());
                assertTrue(app.log().contains("CONVQUIZ_SESSION_KEY must be set to 32 or more random characters"), app::log);
                assertFalse(app.log().contains("Profile dev activated"), app::log);
            }
        }
    }

    private static void dropSchema() throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, System.getenv("QUARKUS_DATASOURCE_USERNAME"),
                System.getenv("QUARKUS_DATASOURCE_PASSWORD"))) {
            c.createStatement().execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }

    /** The jar running in its own process, with the datasource pointed at this test's schema. */
    private record App(Process process, Path logFile, Integer port) implements AutoCloseable {
        static App start(Path dir, Map<String, String> env) throws Exception {
            App app = startOrExit(dir, env);
            assertTrue(app.port != null, () -> "the app did not start:\n" + app.log());
            return app;
        }

        static App startOrExit(Path dir, Map<String, String> env) throws Exception {
            Path logFile = Files.createTempFile(work, "app", ".log");
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString())
                    .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(logFile.toFile());
            Map<String, String> e = pb.environment();
            e.keySet().removeIf(k -> k.startsWith("QUARKUS_") || k.startsWith("CONVQUIZ_"));
            String separator = jdbcUrl.contains("?") ? "&" : "?";
            e.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl + separator + "currentSchema=" + SCHEMA);
            e.put("QUARKUS_DATASOURCE_USERNAME", System.getenv("QUARKUS_DATASOURCE_USERNAME"));
            e.put("QUARKUS_DATASOURCE_PASSWORD", System.getenv("QUARKUS_DATASOURCE_PASSWORD"));
            e.put("QUARKUS_FLYWAY_SCHEMAS", SCHEMA);
            e.put("QUARKUS_HTTP_PORT", "0");
            e.putAll(env);
            Process process = pb.start();
            long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline && process.isAlive()) {
                Matcher m = LISTENING.matcher(read(logFile));
                if (m.find()) {
                    return new App(process, logFile, Integer.parseInt(m.group(1)));
                }
                Thread.sleep(200);
            }
            return new App(process, logFile, null);
        }

        String log() {
            return read(logFile);
        }

        HttpResponse<String> get(String path, String basicAuth) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30));
            if (basicAuth != null) {
                request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(basicAuth.getBytes(StandardCharsets.UTF_8)));
            }
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        List<Path> paths = new ArrayList<>();
        try (var walk = Files.walk(from)) {
            walk.forEach(paths::add);
        }
        for (Path p : paths) {
            Path target = to.resolve(from.relativize(p).toString());
            if (Files.isDirectory(p)) {
                Files.createDirectories(target);
            } else {
                Files.createDirectories(target.getParent());
                Files.copy(p, target);
            }
        }
    }
}
