package org.convquiz.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Packages depend downward only, so none can form a cycle: each feature package lists the packages it may
 * use (a reference by import or by fully qualified name counts). The root package's typed configuration
 * ({@code org.convquiz.ConvQuizConfig}) may be used by all.
 */
class PackageLayersTest {
    private static final Path ROOT = Path.of("src/main/java/org/convquiz");
    private static final Pattern REFERENCE = Pattern.compile("org\\.convquiz\\.([a-z]+)\\.");

    /** Lowest first: engine and audit depend on nothing of ours; setup (first start, demo data) sits on top of all. */
    static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("engine", Set.of()),
            Map.entry("audit", Set.of()),
            Map.entry("exercise", Set.of("engine", "audit")),
            Map.entry("account", Set.of("audit")),
            Map.entry("web", Set.of("engine", "exercise")),
            Map.entry("calculator", Set.of("engine", "exercise", "web")),
            Map.entry("mastery", Set.of("engine", "exercise", "account", "audit", "web")),
            Map.entry("quiz", Set.of("engine", "exercise", "account", "audit", "web", "mastery")),
            Map.entry("gradebook", Set.of("engine", "exercise", "account", "audit", "quiz", "web")),
            Map.entry("authoring", Set.of("engine", "exercise", "account", "audit", "quiz", "web")),
            Map.entry("people", Set.of("account", "audit", "web")),
            Map.entry("setup", Set.of("engine", "exercise", "account", "audit", "quiz", "web", "people")));

    static Set<String> uses(String source, String self) {
        Set<String> used = new TreeSet<>();
        Matcher m = REFERENCE.matcher(source);
        while (m.find()) {
            if (!m.group(1).equals(self)) {
                used.add(m.group(1));
            }
        }
        return used;
    }

    @Test
    void everyPackageUsesOnlyThePackagesBelowIt() throws IOException {
        List<String> problems = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        try (Stream<Path> dirs = Files.list(ROOT)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                String pkg = dir.getFileName().toString();
                seen.add(pkg);
                Set<String> allowed = ALLOWED.get(pkg);
                if (allowed == null) {
                    problems.add("package " + pkg + " has no place in the layers; add it to ALLOWED");
                    continue;
                }
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                        for (String used : uses(Files.readString(f, StandardCharsets.UTF_8), pkg)) {
                            if (!allowed.contains(used)) {
                                problems.add(ROOT.relativize(f) + " uses " + used);
                            }
                        }
                    }
                }
            }
        }
        assertTrue(seen.containsAll(List.of("engine", "exercise", "quiz", "account", "gradebook", "web")), "run from the project root: " + seen);
        assertEquals(List.of(), problems, "upward or sideways package references");
    }

    /** The allowed graph itself has no cycle (so passing the check above means the code has none). */
    @Test
    void theLayersHaveNoCycle() {
        for (String start : ALLOWED.keySet()) {
            List<String> stack = new ArrayList<>(ALLOWED.get(start));
            Set<String> reached = new TreeSet<>();
            while (!stack.isEmpty()) {
                String next = stack.remove(stack.size() - 1);
                assertTrue(!next.equals(start), start + " reaches itself");
                if (reached.add(next)) {
                    stack.addAll(ALLOWED.getOrDefault(next, Set.of()));
                }
            }
        }
    }

    @Test
    void theCheckSeesImportsAndQualifiedNames() {
        assertEquals(Set.of("quiz", "account"), uses("package org.convquiz.exercise;\nimport org.convquiz.quiz.Quiz;\n"
                + "class X { org.convquiz.account.User u; org.convquiz.exercise.Model m; }", "exercise"));
    }
}
