package org.convquiz.security;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.convquiz.exercise.ExerciseFileException;
import org.convquiz.exercise.ExerciseParser;
import org.junit.jupiter.api.Test;

/**
 * Random mutations of the real exercise files (fixed seed): every mutant is either a valid exercise or
 * refused with {@link ExerciseFileException} naming file and line — never another exception, an
 * OutOfMemoryError or a parse that runs for long.
 */
class ExerciseFileFuzzTest {
    private static final long SEED = 20_261_128L;
    private static final int MUTANTS_PER_FILE = 12;
    private static final long MAX_MILLIS = 5_000;
    private static final Pattern NUMBER = Pattern.compile("-?\\b\\d+\\b");
    private static final List<String> HOSTILE_NUMBERS = List.of("0", "-1", "2147483647", "-2147483648", "46340", "99999999999999999999",
            "1e9", "null", "~", "1000", "[]", "{}", "\"n * n * n * n\"", "\"(((((((((1)))))))))\"", "\"'a'.repeat(400000000)\"",
            "\"new('java.io.File', '/')\"", "\"\u0000\"", "\"\uD800\"", ".inf", "[2147483647, 2147483647]", "[-1, 2]", "[3, null, 100]");
    private static final List<String> HOSTILE_LINES = List.of("  - relu: {}", "    - relu: {}", "  X: {shape: [46340, 46340]}",
            "model: null", "parts: []", "params: {n: {range: [null, 3]}}", "&a [*a]", "!!java.io.File [\"/\"]", "\t", "- - -",
            "constraints: [\"n >\"]", "    - conv2d: {dilation: 2147483647}", "  input_shape: [3, null, 100]", "id: ../../etc/passwd");

    @Test
    void mutantsOfTheRealFilesAreValidOrRefusedWithAMessage() throws Exception {
        Random random = new Random(SEED);
        List<Path> files;
        try (Stream<Path> list = Files.list(Path.of("exercises"))) {
            files = list.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
        assertTrue(files.size() > 20, "the real exercise files are found");
        int refused = 0;
        int accepted = 0;
        for (Path file : files) {
            String source = Files.readString(file);
            for (int i = 0; i < MUTANTS_PER_FILE; i++) {
                String mutant = mutate(source, random);
                long start = System.nanoTime();
                try {
                    ExerciseParser.parse(file.toString(), mutant);
                    accepted++;
                } catch (ExerciseFileException e) {
                    refused++;
                    assertTrue(e.problems().stream().allMatch(p -> p.startsWith(file.toString() + ":")), e.problems().toString());
                    // The parser's catch-all is a safety net; validation itself must have found the problem.
                    assertTrue(e.problems().stream().noneMatch(p -> p.contains("cannot be checked")), e.problems() + "\n---\n" + mutant);
                } catch (Throwable t) {
                    fail(file + " mutant " + i + " threw " + t + "\n---\n" + mutant, t);
                }
                long millis = (System.nanoTime() - start) / 1_000_000;
                assertTrue(millis < MAX_MILLIS, file + " mutant " + i + " took " + millis + " ms\n---\n" + mutant);
            }
        }
        assertTrue(refused > files.size() && accepted > 0, "the mutations exercise both outcomes: " + refused + " refused, " + accepted + " accepted");
    }

    private static String mutate(String source, Random random) {
        List<String> lines = new ArrayList<>(List.of(source.split("\n", -1)));
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits && !lines.isEmpty(); e++) {
            int at = random.nextInt(lines.size());
            switch (random.nextInt(6)) {
                case 0 -> lines.remove(at);
                case 1 -> lines.add(at, lines.get(random.nextInt(lines.size())));
                case 2 -> lines.add(at, HOSTILE_LINES.get(random.nextInt(HOSTILE_LINES.size())));
                case 3 -> lines.set(at, replaceNumber(lines.get(at), random));
                case 4 -> {
                    String line = lines.get(at);
                    int cut = line.isEmpty() ? 0 : random.nextInt(line.length());
                    lines.set(at, line.substring(0, cut));
                }
                default -> {
                    // A hostile number in every numeric slot of a line that has one.
                    for (int tries = 0; tries < 20; tries++) {
                        int k = random.nextInt(lines.size());
                        if (NUMBER.matcher(lines.get(k)).find()) {
                            lines.set(k, replaceNumber(lines.get(k), random));
                            break;
                        }
                    }
                }
            }
        }
        return String.join("\n", lines);
    }

    private static String replaceNumber(String line, Random random) {
        Matcher m = NUMBER.matcher(line);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        if (spans.isEmpty()) {
            return line + " " + HOSTILE_NUMBERS.get(random.nextInt(HOSTILE_NUMBERS.size()));
        }
        int[] span = spans.get(random.nextInt(spans.size()));
        return line.substring(0, span[0]) + HOSTILE_NUMBERS.get(random.nextInt(HOSTILE_NUMBERS.size())) + line.substring(span[1]);
    }
}
