package org.convquiz.security;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.convquiz.exercise.ExerciseFileException;
import org.convquiz.exercise.ExerciseParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sizes an exercise may ask for are checked when it is validated (issue 9): each hostile file is
 * refused with a message that names the problem — never an OutOfMemoryError, an overflow or a 500 —
 * and quickly.
 */
class ExerciseLimitsTest {
    private static final String SHAPE_FILE = "exercises/padding-output-shape.yaml";
    private static final String TENSOR_FILE = "exercises/fig1-cross-correlation.yaml";
    private static final String X = "  X: {shape: [n, n], random: [0, 9], pinned: [[0, 1, 2], [3, 4, 5], [6, 7, 8]]}";

    static Stream<Arguments> hostileFiles() {
        return Stream.of(
                Arguments.of(TENSOR_FILE, X, "  X: {shape: [2147483647], random: [0, 9]}", "larger than the limit of 64"),
                Arguments.of(TENSOR_FILE, X, "  X: {shape: [-1, 2], random: [0, 9]}", "at least 1"),
                Arguments.of(TENSOR_FILE, X, "  X: {shape: [46340, 46340], random: [0, 9]}", "larger than the limit of 64"),
                Arguments.of(TENSOR_FILE, X, "  X: {shape: [64, 64, 64], random: [0, 9]}", "more than the limit of 4096"),
                Arguments.of(TENSOR_FILE, X, "  X: {shape: [1000, 1000], random: [0, 9]}", "it is drawn on the page"),
                Arguments.of(TENSOR_FILE, X, "  X: {shape: [n, null], random: [0, 9]}", "whole number or an expression"),
                Arguments.of(TENSOR_FILE, X, "  X: {shape: [n, n], random: [0, 2147483647]}", "random must be [min, max]"),
                Arguments.of(TENSOR_FILE, X, "  X: {shape: [n, n], random: [-2147483648, 2147483647]}", "random must be [min, max]"),
                Arguments.of(TENSOR_FILE, "  n: {range: [3, 4]}", "  n: {range: [3, null]}", "whole number between"),
                Arguments.of(SHAPE_FILE, "  n: {range: [8, 128], step: 4}", "  n: {range: [-2147483648, 2147483647]}", "whole number between"),
                Arguments.of(SHAPE_FILE, "  k: {choices: [2, 3, 4, 5, 7]}", "  k: {choices: [2, null]}", "whole number between"),
                Arguments.of(SHAPE_FILE, "  input_shape: [c_in, n, n]", "  input_shape: [3, null, 100]", "input_shape"),
                Arguments.of(SHAPE_FILE, "  input_shape: [c_in, n, n]", "  input_shape: [c_in, 1000, 1000]", "larger than the limit of 512"),
                Arguments.of(SHAPE_FILE, "  input_shape: [c_in, n, n]", "  input_shape: [c_in, 2147483647, n]", "larger than the limit"),
                Arguments.of(SHAPE_FILE, "  input_shape: [c_in, n, n]", "  input_shape: [c_in, 99999999999, n]", "out of range"),
                Arguments.of(SHAPE_FILE, "kernel_size: k, padding: p}", "kernel_size: k, padding: p, dilation: 2147483647}", "dilation is larger than the limit"),
                Arguments.of(SHAPE_FILE, "kernel_size: k, padding: p}", "kernel_size: k, padding: p, stride: \"n * n * n * n\"}", "stride is larger than the limit"),
                Arguments.of(SHAPE_FILE, "out_channels: c_out,", "out_channels: 2147483647,", "out_channels is larger than the limit"),
                Arguments.of(SHAPE_FILE, "    - conv2d: {in_channels: c_in, out_channels: c_out, kernel_size: k, padding: p}",
                        "    - conv2d: {in_channels: c_in, out_channels: c_out, kernel_size: k, padding: p}\n" + "    - relu: {}\n".repeat(100),
                        "more than the limit of 64"));
    }

    @ParameterizedTest
    @MethodSource("hostileFiles")
    void refusedAtValidationWithAMessage(String file, String original, String hostile, String expected) throws Exception {
        String source = Files.readString(Path.of(file));
        assertTrue(source.contains(original), "the test edits a line that exists: " + original);
        String yaml = source.replace(original, hostile);
        ExerciseFileException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(ExerciseFileException.class, () -> ExerciseParser.parse("hostile.yaml", yaml)));
        String problems = String.join("\n", e.problems());
        assertTrue(problems.contains(expected), "expected '" + expected + "' in:\n" + problems);
        assertTrue(problems.startsWith("hostile.yaml:"), problems);
    }
}
