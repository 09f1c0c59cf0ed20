package org.convquiz.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.convquiz.ConvQuizConfig;
import org.convquiz.account.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's examples run as written: every curl command of README.md and exercises/README.md is
 * executed by bash against the test app (localhost:8080 becomes the test port, $INSTRUCTOR an instructor
 * made here) and its output must contain what the {@code # →} line under it shows. The commands for
 * operators (build, run, backup) must name real files and settings; the packaged run itself is
 * PackagedAppTest's.
 */
@QuarkusTest
class DocExamplesTest {
    private static final List<Path> READMES = List.of(Path.of("README.md"), Path.of("exercises/README.md"));
    private static final Pattern ASSIGNMENT = Pattern.compile("^([A-Z_]+)=(\\S*)$");

    @TempDir
    Path work;

    /** One command as a reader would paste it (continuation lines joined) and the answer part it promises. */
    record Command(String file, int line, String text, String expected) {
    }

    @Test
    void everyCurlExampleAnswersAsShown() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String instructor = "docs" + tag;
        QuarkusTransaction.requiringNew().run(() -> User.create(instructor, "doc-pass-1", User.INSTRUCTOR, "Docs " + tag));
        Files.createSymbolicLink(work.resolve("exercises"), Path.of("exercises").toAbsolutePath());

        int run = 0;
        for (Path readme : READMES) {
            for (Markdown.Block block : Markdown.blocks(readme, "bash")) {
                if (!block.text().contains("curl ")) {
                    continue;
                }
                Map<String, String> env = new HashMap<>();
                for (Command c : commands(readme.toString(), block)) {
                    Matcher assignment = ASSIGNMENT.matcher(c.text());
                    if (assignment.matches()) {
                        assertEquals("INSTRUCTOR", assignment.group(1), c + ": the examples set only $INSTRUCTOR");
                        env.put("INSTRUCTOR", instructor + ":doc-pass-1");
                        continue;
                    }
                    String output = bash(c.text().replace("localhost:8080", "localhost:" + RestAssured.port), env);
                    if (c.text().startsWith("curl ")) {
                        assertTrue(c.expected() != null, c + ": a curl example shows its answer in a '# →' line");
                        run++;
                    }
                    if (c.expected() != null) {
                        assertTrue(output.contains(c.expected()), c + "\nanswered:\n" + output);
                    }
                }
            }
        }
        assertTrue(run >= 7, "the API examples were found (" + run + ")");
    }

    @Test
    void operatorCommandsNameRealFilesAndSettings() throws Exception {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        assertTrue(readme.contains("mvn -DskipTests package && java -jar target/quarkus-app/quarkus-run.jar"), "the run command");
        assertTrue(readme.contains("QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://localhost:5432/convquiz_test mvn verify"), "the test command");
        String pom = Files.readString(Path.of("pom.xml"));
        assertFalse(pom.contains("<quarkus.package.jar.type>"), "the fast-jar layout (quarkus-app/quarkus-run.jar) the README runs");
        for (Markdown.Block block : Markdown.blocks(Path.of("README.md"), "bash")) {
            for (Command c : commands("README.md", block)) {
                String first = c.text().replaceAll("^([A-Z_]+=\\S+ )+", "").split(" ")[0];
                assertTrue(Set.of("createdb", "export", "mvn", "java", "curl", "sed", "pg_dump", "pg_restore", "INSTRUCTOR=admin:change-me")
                        .contains(first), c + ": a command the README explains");
            }
        }
        // Every file a README points at exists.
        for (Path file : READMES) {
            String paths = file.equals(Path.of("README.md")) ? "|`((?:docs|exercises|src|db|tools)/[^`*{ ]+)`" : "";
            Matcher link = Pattern.compile("\\]\\(([^)#]+)\\)" + paths)
                    .matcher(Files.readString(file, StandardCharsets.UTF_8));
            while (link.find()) {
                String target = link.group(1) != null ? link.group(1) : link.group(2);
                if (!target.startsWith("http")) {
                    Path resolved = file.toAbsolutePath().getParent().resolve(target).normalize();
                    assertTrue(Files.exists(resolved) || Files.exists(Path.of(target)), file + " names " + target);
                }
            }
        }
    }

    /**
     * The backup commands run against the test database: the dump as written (host, user and database
     * swapped for the test's), and the restore command with its options, writing its SQL to a file
     * instead of over the database the other tests use.
     */
    @Test
    void backupCommandsDumpAndRestoreTheDatabase() throws Exception {
        String url = System.getenv("QUARKUS_DATASOURCE_JDBC_URL");
        org.junit.jupiter.api.Assumptions.assumeTrue(url != null, "a PostgreSQL given by QUARKUS_DATASOURCE_JDBC_URL");
        Matcher jdbc = Pattern.compile("jdbc:postgresql://([^:/]+)(?::(\\d+))?/([^?]+)").matcher(url);
        assertTrue(jdbc.find(), url);
        Markdown.Block block = Markdown.blocks(Path.of("README.md"), "bash").stream().filter(b -> b.text().contains("pg_dump")).findFirst().orElseThrow();
        List<Command> commands = commands("README.md", block);
        assertEquals(2, commands.size(), commands.toString());
        String login = "-h " + jdbc.group(1) + (jdbc.group(2) == null ? "" : " -p " + jdbc.group(2)) + " -U " + System.getenv("QUARKUS_DATASOURCE_USERNAME");
        Map<String, String> env = Map.of("PGPASSWORD", System.getenv("QUARKUS_DATASOURCE_PASSWORD"));

        String dump = commands.get(0).text();
        assertTrue(dump.startsWith("pg_dump -h localhost -U postgres ") && dump.endsWith(" convquiz"), dump);
        bash(dump.replace("-h localhost -U postgres", login).replaceFirst(" convquiz$", " " + jdbc.group(3)), env);
        Path file = Files.list(work).filter(f -> f.getFileName().toString().matches("convquiz-\\d{4}-\\d{2}-\\d{2}\\.dump")).findFirst().orElseThrow();
        assertTrue(Files.size(file) > 0);

        String restore = commands.get(1).text();
        Matcher target = Pattern.compile("^pg_restore -h localhost -U postgres (.*) -d convquiz (convquiz-[0-9-]+\\.dump)$").matcher(restore);
        assertTrue(target.matches(), restore);
        bash("pg_restore " + target.group(1) + " -f restore.sql " + file.getFileName(), env);
        String sql = Files.readString(work.resolve("restore.sql"));
        assertTrue(sql.contains("DROP TABLE IF EXISTS public.submission") && sql.contains("CREATE TABLE public.submission ("), "drops and recreates the tables");
    }

    @Test
    void everyVariableTheReadmeNamesIsASetting() throws Exception {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        Set<String> settings = new LinkedHashSet<>();
        collect(ConvQuizConfig.class, "CONVQUIZ", settings);
        Matcher named = Pattern.compile("CONVQUIZ_[A-Z_]+").matcher(readme);
        Set<String> documented = new LinkedHashSet<>();
        while (named.find()) {
            documented.add(named.group());
        }
        assertTrue(settings.containsAll(documented), "README names " + documented + ", settings are " + settings);
        settings.remove("CONVQUIZ_DEMO_PASSWORD"); // dev and test only
        assertTrue(documented.containsAll(settings), "every setting is in the README's table: " + settings);
        String properties = Files.readString(Path.of("src/main/resources/application.properties"));
        assertTrue(properties.contains("encryption-key=${convquiz.session.key}"), "sessions are encrypted with CONVQUIZ_SESSION_KEY");
    }

    /** The environment variable of every leaf of a @ConfigMapping (kebab-case names, as SmallRye derives them). */
    private static void collect(Class<?> type, String prefix, Set<String> out) {
        for (Method m : type.getDeclaredMethods()) {
            String name = prefix + "_" + m.getName().replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase();
            if (m.getReturnType().isInterface() && m.getReturnType().getDeclaringClass() == type) {
                collect(m.getReturnType(), name, out);
            } else {
                out.add(name);
            }
        }
    }

    static List<Command> commands(String file, Markdown.Block block) {
        List<Command> out = new ArrayList<>();
        String[] lines = block.text().split("\n");
        StringBuilder current = null;
        int start = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith("# →")) {
                Command last = out.remove(out.size() - 1);
                out.add(new Command(last.file(), last.line(), last.text(), line.substring(3).trim()));
                continue;
            }
            if (current == null && line.startsWith("#")) {
                continue; // a comment for the reader
            }
            if (current == null) {
                current = new StringBuilder();
                start = block.line() + i + 1;
            }
            String code = line.replaceAll("\\s+#(?! →).*$", "");
            boolean continued = code.endsWith("\\");
            current.append(continued ? code.substring(0, code.length() - 1) : code).append(continued ? " " : "");
            boolean openQuote = count(current, '\'') % 2 == 1;
            if (!continued && !openQuote) {
                String text = current.toString().trim().replaceAll("\\s+", " ");
                if (!text.isEmpty()) {
                    out.add(new Command(file, start, text, null));
                }
                current = null;
            } else if (openQuote) {
                current.append(' ');
            }
        }
        return out;
    }

    private static int count(CharSequence s, char c) {
        return (int) s.chars().filter(x -> x == c).count();
    }

    private String bash(String command, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", "set -euo pipefail; " + command).directory(work.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), command + " finishes");
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), command + "\n" + output);
        return output;
    }
}
