package org.convquiz.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The engine must stay a plain-Java library: no Quarkus, Jakarta, JPA, HTTP or Jackson imports. */
class EngineIsolationTest {
    private static final Path ENGINE = Path.of("src/main/java/org/convquiz/engine");
    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(static\\s+)?([\\w.]+(\\.\\*)?)\\s*;", Pattern.MULTILINE);

    static List<String> foreignImports(String source) {
        List<String> bad = new ArrayList<>();
        Matcher m = IMPORT.matcher(source);
        while (m.find()) {
            String name = m.group(2);
            if (!name.startsWith("java.") && !name.startsWith("org.convquiz.engine.")) {
                bad.add(name);
            }
        }
        // fully qualified references would dodge the import check
        for (String prefix : List.of("io.quarkus.", "jakarta.", "javax.persistence", "com.fasterxml.", "org.hibernate.")) {
            if (source.contains(prefix)) {
                bad.add(prefix + "…");
            }
        }
        return bad;
    }

    @Test
    void engineImportsOnlyJava() throws IOException {
        assertTrue(Files.isDirectory(ENGINE), "run from the project root: " + ENGINE.toAbsolutePath());
        List<String> problems = new ArrayList<>();
        int files = 0;
        try (Stream<Path> s = Files.walk(ENGINE)) {
            for (Path p : s.filter(f -> f.toString().endsWith(".java")).toList()) {
                files++;
                for (String bad : foreignImports(Files.readString(p, StandardCharsets.UTF_8))) {
                    problems.add(p.getFileName() + ": " + bad);
                }
            }
        }
        assertTrue(files >= 10, "expected the engine sources, found " + files);
        assertTrue(problems.isEmpty(), "engine must import only java.*: " + problems);
    }

    @Test
    void checkerCatchesForeignImports() {
        assertFalse(foreignImports("package x;\nimport com.fasterxml.jackson.databind.ObjectMapper;\n").isEmpty());
        assertFalse(foreignImports("import jakarta.ws.rs.GET;").isEmpty());
        assertFalse(foreignImports("import static io.quarkus.Foo.bar;").isEmpty());
        assertTrue(foreignImports("import java.util.List;\nimport java.util.*;").isEmpty());
    }
}
