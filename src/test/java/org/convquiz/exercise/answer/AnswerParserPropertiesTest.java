package org.convquiz.exercise.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class AnswerParserPropertiesTest {

    private static ParsedAnswer ok(AnswerKind kind, String raw) {
        ParseOutcome outcome = AnswerParser.parse(kind, raw, List.of());
        return assertInstanceOf(ParseOutcome.Ok.class, outcome, () -> raw + " → " + outcome).answer();
    }

    @Property
    void anyShapeInAnyStyleReadsBackToItself(
            @ForAll @Size(min = 1, max = 6) List<@IntRange(min = 1, max = 100_000) Integer> dims,
            @ForAll @IntRange(min = 0, max = 6) int style) {
        String text = render(dims, style);
        assertEquals(dims, ((ParsedAnswer.ShapeAnswer) ok(AnswerKind.SHAPE, text)).dims(), text);
    }

    private static String render(List<Integer> dims, int style) {
        String[] parts = dims.stream().map(String::valueOf).toArray(String[]::new);
        return switch (style) {
            case 0 -> String.join("×", parts);
            case 1 -> String.join(" x ", parts);
            case 2 -> "(" + String.join(", ", parts) + (parts.length == 1 ? ",)" : ")");
            case 3 -> "[" + String.join(",", parts) + "]";
            case 4 -> "torch.Size([" + String.join(", ", parts) + "])";
            case 5 -> "（" + String.join("，", parts) + "）";
            default -> String.join("*", parts);
        };
    }

    @Property
    void anyIntegerWithThousandsSeparatorsReadsBack(@ForAll("integers") BigInteger value, @ForAll("separators") String separator) {
        String text = grouped(value, separator);
        assertEquals(value, ((ParsedAnswer.IntegerAnswer) ok(AnswerKind.INTEGER, text)).value(), text);
    }

    @Provide
    Arbitrary<BigInteger> integers() {
        BigInteger limit = BigInteger.TEN.pow(40);
        return Arbitraries.oneOf(Arbitraries.bigIntegers().between(limit.negate(), limit),
                Arbitraries.bigIntegers().between(BigInteger.valueOf(-100_000), BigInteger.valueOf(10_000_000)));
    }

    @Provide
    Arbitrary<String> separators() {
        return Arbitraries.of(",", " ", "'", "_", "", "，", "\u00A0", "\u2009");
    }

    private static String grouped(BigInteger value, String separator) {
        String digits = value.abs().toString();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                out.append(separator);
            }
            out.append(digits.charAt(i));
        }
        return (value.signum() < 0 ? "-" : "") + out;
    }

    @Property
    void anyFractionReadsBackThroughItsDisplay(@ForAll @IntRange(min = -100_000, max = 100_000) int p,
                                               @ForAll @IntRange(min = 1, max = 10_000) int q) {
        ParsedAnswer.NumberAnswer n = (ParsedAnswer.NumberAnswer) ok(AnswerKind.NUMBER, p + "/" + q);
        assertEquals((double) p / q, n.asDouble());
        assertEquals(n, ok(AnswerKind.NUMBER, n.display()));
    }

    @Property
    void anyTensorReadsBackThroughItsDisplay(@ForAll("tensors") ParsedAnswer.TensorAnswer tensor) {
        assertEquals(tensor, ok(AnswerKind.TENSOR, tensor.display()));
    }

    @Property
    void anyMatrixTypedOneRowPerLineReadsBack(@ForAll("matrices") ParsedAnswer.TensorAnswer tensor) {
        int cols = tensor.shape().get(1);
        List<String> lines = new ArrayList<>();
        for (int r = 0; r < tensor.shape().get(0); r++) {
            lines.add(tensor.values().subList(r * cols, (r + 1) * cols).stream()
                    .map(v -> ParsedAnswer.TensorAnswer.formatValue(v)).collect(Collectors.joining("\t")));
        }
        assertEquals(tensor, ok(AnswerKind.TENSOR, String.join("\n", lines)));
    }

    @Provide
    Arbitrary<ParsedAnswer.TensorAnswer> tensors() {
        return tensorsOf(Arbitraries.integers().between(1, 4).list().ofMinSize(1).ofMaxSize(3));
    }

    /** Two-dimensional only: every try is a matrix (no silently skipped tries). */
    @Provide
    Arbitrary<ParsedAnswer.TensorAnswer> matrices() {
        return tensorsOf(Arbitraries.integers().between(1, 4).list().ofSize(2));
    }

    private static Arbitrary<ParsedAnswer.TensorAnswer> tensorsOf(Arbitrary<List<Integer>> shapes) {
        Arbitrary<Double> values = Arbitraries.oneOf(
                Arbitraries.integers().between(-1000, 1000).map(Integer::doubleValue),
                Arbitraries.doubles().between(-1e6, 1e6).ofScale(10),
                Arbitraries.doubles().between(-1e-6, 1e-6).ofScale(20),
                Arbitraries.longs().map(Double::longBitsToDouble).filter(Double::isFinite));
        return shapes.flatMap(shape -> {
            int size = shape.stream().reduce(1, (a, b) -> a * b);
            return values.list().ofSize(size).map(v -> new ParsedAnswer.TensorAnswer(shape, v));
        });
    }

    @Property
    void anySetOfOptionLettersReadsBack(@ForAll @Size(min = 1, max = 6) java.util.Set<@IntRange(min = 0, max = 5) Integer> picks,
                                        @ForAll("letterSeparators") String separator) {
        List<String> letters = picks.stream().sorted().map(i -> String.valueOf((char) ('A' + i))).toList();
        String text = String.join(separator, letters);
        ParseOutcome outcome = AnswerParser.parse(AnswerKind.MULTIPLE_CHOICE, text, List.of("A", "B", "C", "D", "E", "F"));
        ParsedAnswer.ChoiceAnswer c = (ParsedAnswer.ChoiceAnswer) assertInstanceOf(ParseOutcome.Ok.class, outcome, text).answer();
        assertEquals(letters, List.copyOf(c.letters()));
    }

    @Provide
    Arbitrary<String> letterSeparators() {
        return Arbitraries.of("", ", ", "、", "和", " and ", " ", ";");
    }

    /** Random junk from the characters that matter: every outcome is Ok, Unreadable or Empty, and Ok round-trips. */
    @Property(tries = 5000)
    void parsingNeverThrows(@ForAll("anyKind") AnswerKind kind, @ForAll("messyText") String raw) {
        ParseOutcome outcome = AnswerParser.parse(kind, raw, List.of("A", "B", "C", "D"));
        if (outcome instanceof ParseOutcome.Ok okOutcome) {
            assertEquals(okOutcome, AnswerParser.parse(kind, okOutcome.answer().display(), List.of("A", "B", "C", "D")));
        }
    }

    @Provide
    Arbitrary<AnswerKind> anyKind() {
        return Arbitraries.of(AnswerKind.class);
    }

    @Provide
    Arbitrary<String> messyText() {
        Arbitrary<Character> chars = Arbitraries.of(Arrays.asList(
                '0', '1', '2', '3', '9', '.', ',', ' ', '\n', ';', '(', ')', '[', ']', '×', 'x', '*', '/', '-', '+', '^', 'e',
                '=', 'A', 'b', '、', '和', '（', '，', '²', '½', '答', ':', '%', '\t', '_', '\'', '⁻', '\u2044', '−', '÷', 'E', '¹'));
        return chars.list().ofMaxSize(40).map(list -> list.stream().map(String::valueOf).collect(Collectors.joining()));
    }
}
