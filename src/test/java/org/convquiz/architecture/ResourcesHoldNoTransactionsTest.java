package org.convquiz.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Resources only translate HTTP: the transaction boundary (and every rule inside it) is a service method, so
 * no class named *Resource, nor any of its methods, is {@code @Transactional} or {@code @ReadOnly}.
 */
class ResourcesHoldNoTransactionsTest {
    private static final Path ROOT = Path.of("src/main/java/org/convquiz");
    private static final Pattern BOUNDARY = Pattern.compile(
            "@\\s*(jakarta\\.transaction\\.|javax\\.transaction\\.|io\\.quarkus\\.narayana\\.jta\\.|org\\.convquiz\\.)?(Transactional|ReadOnly)\\b");

    static boolean marksATransaction(String source) {
        return BOUNDARY.matcher(source.replaceAll("(?s)/\\*.*?\\*/|//[^\\n]*", "")).find();
    }

    @Test
    void noResourceIsATransactionBoundary() throws IOException {
        List<String> problems = new ArrayList<>();
        int resources = 0;
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith("Resource.java")).toList()) {
                resources++;
                if (marksATransaction(Files.readString(f, StandardCharsets.UTF_8))) {
                    problems.add(ROOT.relativize(f).toString());
                }
            }
        }
        assertTrue(resources >= 11, "run from the project root: found " + resources + " resources");
        assertEquals(List.of(), problems, "resources that open transactions; move the work into a service method");
    }

    @Test
    void theCheckSeesEveryFormButNotComments() {
        assertTrue(marksATransaction("class AResource {\n    @Transactional\n    public void f() {}\n}"));
        assertTrue(marksATransaction("@jakarta.transaction.Transactional(Transactional.TxType.REQUIRES_NEW) class AResource {}"));
        assertTrue(marksATransaction("class AResource { @org.convquiz.ReadOnly Object page() { return null; } }"));
        assertFalse(marksATransaction("/** Calls a {@code @Transactional} service. */ class AResource { // not @Transactional\n}"));
        assertFalse(marksATransaction("import jakarta.transaction.Transactional;\nclass AResource {}"));
    }
}
