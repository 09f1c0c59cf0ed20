package org.convquiz.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.convquiz.deploy.Markdown;
import org.convquiz.exercise.answer.AnswerKind;
import org.convquiz.exercise.answer.AnswerParser;
import org.convquiz.exercise.answer.ParseOutcome;
import org.junit.jupiter.api.Test;

/**
 * exercises/README.md cannot drift from the format: its complete example loads and passes its own
 * self-tests, its quiz example is a real quiz file, its model lists only layers and arguments the parser
 * takes, and its tables name exactly the quantities, checks and misconceptions there are.
 */
class ExercisesReadmeTest {
    private static final Path README = Path.of("exercises/README.md");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private final List<Markdown.Block> yaml = Markdown.blocks(README, "yaml");
    private final String text = read(README);

    @Test
    void theCompleteExampleLoadsAndPassesItsSelfTests() {
        Markdown.Block example = yaml.get(0);
        ExerciseDefinition d = ExerciseParser.parse("README.md", example.text());
        assertEquals("padding-output-shape", d.id());
        assertEquals(List.of(), SelfTests.run(d));
        assertTrue(d.spec().selftests().size() >= 3, "the example shows its self-tests");
    }

    @Test
    void theQuizExampleIsARealQuizOfRealExercises() throws Exception {
        Markdown.Block block = yaml.stream().filter(b -> b.text().startsWith("id: tutorial-")).findFirst().orElseThrow();
        QuizSpec example = YAML.readValue(block.text(), QuizSpec.class);
        Path file = Path.of("exercises/quizzes", example.section() + ".yaml");
        assertEquals(YAML.readValue(file.toFile(), QuizSpec.class), example, "the example is " + file);
        for (String id : example.exercises()) {
            assertTrue(Files.exists(Path.of("exercises", id + ".yaml")), "exercise " + id + " exists");
        }
    }

    @Test
    void theModelExampleUsesOnlyLayersAndArgumentsTheParserTakes() throws Exception {
        Markdown.Block block = yaml.stream().filter(b -> b.text().startsWith("model:")).findFirst().orElseThrow();
        JsonNode layers = YAML.readTree(block.text()).at("/model/layers");
        Set<String> shown = new TreeSet<>();
        for (JsonNode layer : layers) {
            String type = layer.fieldNames().next();
            shown.add(type);
            List<String> allowed = LayerArgs.ALLOWED.get(type);
            assertTrue(allowed != null, "layer " + type);
            layer.get(type).fieldNames().forEachRemaining(arg -> assertTrue(allowed.contains(arg), type + "." + arg));
        }
        Set<String> fileLayers = new TreeSet<>(LayerArgs.ALLOWED.keySet());
        assertEquals(fileLayers, shown, "every layer a file may use is shown");
    }

    @Test
    void theTablesNameExactlyTheQuantitiesChecksMisconceptionsAndKinds() {
        assertEquals(Arrays.stream(Quantity.values()).map(Quantity::fileName).collect(Collectors.toCollection(TreeSet::new)),
                firstColumn("| quantity | kind |"));
        assertEquals(new TreeSet<>(Checks.ARGS.keySet()), firstColumn("| check | true when |"));
        assertEquals(Arrays.stream(Misconception.values()).map(Misconception::id).collect(Collectors.toCollection(TreeSet::new)),
                firstColumn("| id | the mistake |"));
        Set<String> kinds = Arrays.stream(AnswerKind.values()).map(k -> k.name().toLowerCase()).collect(Collectors.toCollection(TreeSet::new));
        Matcher kindLine = Pattern.compile("kind: tensor +# (.+)").matcher(text);
        assertTrue(kindLine.find());
        assertEquals(kinds, new TreeSet<>(List.of(kindLine.group(1).split(" \\| "))));
    }

    @Test
    void theAnswersStudentsMayTypeAreReadAsTheSectionSays() {
        String section = text.substring(text.indexOf("## Answers students may type"), text.indexOf("## Misconceptions")).replace('\n', ' ');
        // Each group's spellings read to one value; the values are worked by hand (3×256×256×1000+1000 = 196609000).
        assertSame(AnswerKind.INTEGER, examples(section, "Integers:", "Numbers:"), "196609000");
        assertSame(AnswerKind.SHAPE, examples(section, "Shapes:", "Tensors:"), "4×102×102");
        List<String> tensors = examples(section, "Tensors:", "Choices:");
        // Figure 1's output, written out in full; spellings shown with "…" are abbreviations of it.
        String figure1 = display(AnswerKind.TENSOR, "[[19,25],[37,43]]");
        assertEquals("[[19,25],[37,43]]", tensors.get(0));
        assertEquals(List.of("19 25", "37 43"), tensors.subList(tensors.size() - 2, tensors.size()));
        assertEquals(figure1, display(AnswerKind.TENSOR, "19 25\n37 43"));
        for (String spelling : tensors.subList(1, tensors.size() - 2)) {
            String full = spelling.replace("Y = [[…]]", "Y = [[19,25],[37,43]]").replace("…", "[37., 43.]");
            assertEquals(figure1, display(AnswerKind.TENSOR, full), spelling);
        }
        for (String number : examples(section, "Numbers:", "Shapes:")) {
            display(AnswerKind.NUMBER, number);
        }
        List<String> choices = examples(section, "Choices:", "Full-width");
        assertEquals(display(AnswerKind.SINGLE_CHOICE, choices.get(0)), display(AnswerKind.SINGLE_CHOICE, choices.get(1)));
        display(AnswerKind.MULTIPLE_CHOICE, choices.get(2));
        assertEquals(display(AnswerKind.SHAPE, "4×102×102"), display(AnswerKind.SHAPE, "（4，102，102）"), "full-width punctuation");
    }

    private static List<String> examples(String section, String from, String to) {
        String part = section.substring(section.indexOf(from), section.indexOf(to, section.indexOf(from)));
        Matcher m = Pattern.compile("`([^`]+)`").matcher(part);
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        assertTrue(out.size() >= 2, from + " shows examples");
        return out;
    }

    private static void assertSame(AnswerKind kind, List<String> spellings, String expected) {
        for (String spelling : spellings) {
            assertEquals(display(kind, expected), display(kind, spelling), spelling);
        }
    }

    private static String display(AnswerKind kind, String raw) {
        ParseOutcome outcome = AnswerParser.parse(kind, raw);
        assertTrue(outcome instanceof ParseOutcome.Ok, raw + " is read as " + kind + ": " + outcome);
        return ((ParseOutcome.Ok) outcome).answer().display();
    }

    /** The back-quoted names in the first column of the table under a header line (several per cell allowed). */
    private Set<String> firstColumn(String header) {
        int start = text.indexOf(header);
        assertTrue(start >= 0, header);
        Set<String> names = new TreeSet<>();
        String[] lines = text.substring(start).split("\n");
        for (int i = 2; i < lines.length && lines[i].startsWith("|"); i++) {
            Matcher name = Pattern.compile("`([a-z_]+)`").matcher(lines[i].split("\\|")[1].split("\\(")[0]);
            while (name.find()) {
                names.add(name.group(1));
            }
        }
        return names;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
