package org.convquiz.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Exercise expressions are an allow-list: the known escapes of the JEXL era (object creation, class
 * access, method calls, lambdas and loops, string building) and resource bombs (huge numbers, deep
 * nesting, very long text) are refused when parsed, with a message that never carries a computed value.
 */
class ExpressionSandboxTest {
    /** Each of these reached a Java class, spun a thread or ate memory through JEXL (issue 9). */
    static Stream<String> escapes() {
        return Stream.of(
                "new('java.io.BufferedReader', new('java.io.FileReader', '/proc/self/environ')).readLine()",
                "new('java.io.FileWriter', '/tmp/convquiz-pwned').write('x')",
                "new('java.io.FileOutputStream', '/tmp/convquiz-pwned')",
                "new java.io.File('/etc/passwd')",
                "java.lang.Runtime.getRuntime().exec('id')",
                "Runtime.getRuntime()",
                "Class.forName('java.lang.Runtime')",
                "''.getClass().forName('java.lang.Runtime')",
                "''.class",
                "n.class.forName('java.lang.System')",
                "(x -> { while (true) {} })(1)",
                "function(x) { while (true) {} }",
                "while (true) {}",
                "for (var i : 1..1000000000) {}",
                "'a'.repeat(400000000)",
                "'a' + 'b'",
                "\"text\"",
                "`${n}`",
                "'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!' =~ '(a+)+$'",
                "1..1000000000",
                "size([1, 2, 3])",
                "{'a': 1}",
                "[1, 2, 3]",
                "n = 5",
                "n += 1",
                "var x = 1; x",
                "n ? 1 : 2",
                "n.toString()",
                "math:max(n, k)",
                "empty(n)",
                "System.exit(0)",
                "exit(0)",
                "getClass()");
    }

    @ParameterizedTest
    @MethodSource("escapes")
    void knownEscapesAreRefusedWhenParsed(String expression) {
        String error = assertTimeoutPreemptively(Duration.ofSeconds(1), () -> Expressions.syntaxError(expression));
        assertNotNull(error, expression + " must not parse");
        assertThrows(IllegalArgumentException.class, () -> Expressions.evaluate(expression, Map.of("n", 5, "k", 3)));
    }

    @Test
    void arithmeticComparisonsAndTheAllowedFunctionsWork() {
        Map<String, Integer> v = Map.of("n", 7, "k", 3, "p", 1, "s", 2);
        assertEquals(9L, Expressions.evaluate("n + 2 * p", v));
        assertEquals(4L, Expressions.evaluate("(n + 2 * p - k) / s + 1", v), "⌊(7 + 2 − 3)/2⌋ + 1 = 4");
        assertEquals(1L, Expressions.evaluate("(n+2*p-k+s)/s", Map.of("n", 4, "p", 0, "k", 3, "s", 2)), "tutorial form ⌊(4 − 3 + 2)/2⌋ = 1");
    }

    @Test
    void theTutorialsFormulasGiveHandWorkedValues() {
        Map<String, Integer> v = Map.of("n", 100, "k", 3, "p", 2, "s", 1);
        // Output size of the tutorial's padding example: 100 + 2·2 − 3 + 1 = 102.
        assertEquals(102, Expressions.integer("(n + 2 * p - k) / s + 1", v));
        assertEquals(-4L, Expressions.evaluate("-7 / 2", Map.of()), "/ floors: ⌊−3.5⌋ = −4");
        assertEquals(1L, Expressions.evaluate("-7 % 2", Map.of()), "% is the floor remainder: −7 − 2·(−4) = 1");
        assertEquals(3L, Expressions.evaluate("min(k, n)", v));
        assertEquals(100L, Expressions.evaluate("max(k, n)", v));
        assertEquals(5L, Expressions.evaluate("abs(k - 8)", v));
        assertTrue(Expressions.isTrue("n + 2 * p >= k && !(k == 2) || false", v));
        assertFalse(Expressions.isTrue("k != 3", v));
    }

    @Test
    void everyExpressionInTheExerciseFilesStillParses() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("exercises"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                ExerciseParser.parse(file.toString(), Files.readString(file)); // throws on any refused expression
            }
        }
    }

    @Test
    void numbersAreBoundedAndNeverWrapAround() {
        assertThrows(IllegalArgumentException.class, () -> Expressions.evaluate("99999999999999999999", Map.of()));
        assertThrows(IllegalArgumentException.class, () -> Expressions.evaluate("1000000 * 1000000 * 1000000", Map.of()));
        assertThrows(IllegalArgumentException.class, () -> Expressions.evaluate("n * n * n * n * n", Map.of("n", 2_000_000_000)));
        assertThrows(IllegalArgumentException.class, () -> Expressions.integer("1000000 * 1000000", Map.of()), "beyond an int");
        assertThrows(IllegalArgumentException.class, () -> Expressions.evaluate("1 / (n - n)", Map.of("n", 3)));
        assertThrows(IllegalArgumentException.class, () -> Expressions.evaluate("2.5", Map.of()));
    }

    @Test
    void lengthAndNestingAreBounded() {
        String deep = "(".repeat(10_000) + "1" + ")".repeat(10_000);
        String negations = "!".repeat(100_000) + "true";
        String long1 = "1" + " + 1".repeat(200);
        for (String s : List.of(deep, negations, long1)) {
            String error = assertTimeoutPreemptively(Duration.ofSeconds(1), () -> Expressions.syntaxError(s));
            assertNotNull(error);
            assertTrue(error.length() < 200, "the message does not echo the text: " + error);
        }
        assertNotNull(Expressions.syntaxError("(".repeat(40) + "1" + ")".repeat(40)), "40 levels is beyond the limit of 32");
        assertEquals(null, Expressions.syntaxError("(".repeat(20) + "1" + ")".repeat(20)));
    }

    @Test
    void errorsNameTheProblemButNeverAComputedValue() {
        Map<String, Integer> v = Map.of("secret", 987_654_321);
        IllegalArgumentException notBool = assertThrows(IllegalArgumentException.class, () -> Expressions.isTrue("secret + 1", v));
        assertFalse(notBool.getMessage().contains("987654322"), notBool.getMessage());
        IllegalArgumentException tooLarge = assertThrows(IllegalArgumentException.class, () -> Expressions.integer("secret * 1000", v));
        assertFalse(tooLarge.getMessage().contains("987654321000"), tooLarge.getMessage());
        IllegalArgumentException wrongType = assertThrows(IllegalArgumentException.class, () -> Expressions.evaluate("secret && true", v));
        assertFalse(wrongType.getMessage().contains("987654321"), wrongType.getMessage());
        assertTrue(wrongType.getMessage().contains("column"), wrongType.getMessage());
    }

    @Test
    void aFileWithAnEscapeIsRefusedWithItsLineAndNothingRunsFromIt() throws Exception {
        String source = Files.readString(Path.of("exercises/padding-output-shape.yaml"));
        String hostile = source.replace("  - c_in != c_out",
                "  - \"new('java.io.FileWriter', '/tmp/convquiz-sandbox-probe').write('x') == null\"");
        ExerciseFileException e = assertThrows(ExerciseFileException.class, () -> ExerciseParser.parse("x.yaml", hostile));
        assertTrue(e.problems().get(0).startsWith("x.yaml:21:"), e.problems().toString());
        assertTrue(e.problems().get(0).contains("'new' at column 1 is not a function here"), e.problems().toString());
        assertFalse(Files.exists(Path.of("/tmp/convquiz-sandbox-probe")));

        String unknownName = source.replace("  - c_in != c_out", "  - c_in != c_outt");
        ExerciseFileException u = assertThrows(ExerciseFileException.class, () -> ExerciseParser.parse("x.yaml", unknownName));
        assertTrue(u.problems().get(0).contains("c_outt") && u.problems().get(0).contains("did you mean 'c_out'"), u.problems().toString());
    }
}
