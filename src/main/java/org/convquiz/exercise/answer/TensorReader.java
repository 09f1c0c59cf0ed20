package org.convquiz.exercise.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.convquiz.engine.Phrase;

/**
 * Reads a matrix or higher-order tensor.
 * <ul>
 *   <li>Brackets, nested to any depth: {@code [[19,25],[37,43]]}, NumPy's {@code [[19 25]\n [37 43]]},
 *       {@code [[[5,6],[7,8]],[[1,2],[3,4]]]}, MATLAB's {@code [19 25; 37 43]}, several lists in a row
 *       {@code [19,25],[37,43]}, wrapped {@code tensor([[…]])} or {@code np.array([[…]])}; full-width or
 *       【】 brackets; Python's tuples {@code ((19,25),(37,43))} and C's {@code {{19,25},{37,43}}}; values such
 *       as {@code 19.} (as PyTorch prints them).</li>
 *   <li>No brackets: one row per line or per {@code ;}, values separated by spaces, tabs or commas; a blank
 *       line starts the next matrix of a 3-D tensor. Without brackets the result is always at least 2-D, so
 *       {@code 1 2 3} has shape 1×3 while {@code [1, 2, 3]} has shape 3.</li>
 * </ul>
 * A value is a number or a small exact expression without spaces ({@code -0.5}, {@code 1/4}, {@code 3e-2}), or
 * {@code ?} for a cell left blank (the answer grid sends one for each empty cell; it is graded as wrong).
 * Rows of different lengths are refused, with the row and its count.
 */
final class TensorReader {

    private static final Pattern WRAPPER = Pattern.compile("^[A-Za-z_][\\w.]*\\s*\\((\\s*\\[.*\\])\\s*\\)$", Pattern.DOTALL);
    /** Far beyond any exercise's tensors; keeps the recursion shallow on hostile input. */
    private static final int MAX_DEPTH = 16;
    private static final Phrase RAGGED_HINT = Phrase.of("answers.tensor.ragged.hint");

    private sealed interface Node permits Leaf, Branch {
    }

    private record Leaf(List<Rational> values) implements Node {
    }

    private record Branch(List<Node> children) implements Node {
    }

    private TensorReader() {
    }

    static ParsedAnswer.TensorAnswer read(String text) {
        String t = text.replace('【', '[').replace('】', ']').strip();
        Matcher wrapper = WRAPPER.matcher(t);
        String s = (wrapper.matches() ? wrapper.group(1) : t).strip();
        if (s.startsWith("(") || s.startsWith("{")) {
            s = asSquareBrackets(s); // Python's tuples "((19,25),(37,43))", C's "{{19,25},{37,43}}"
        }
        Node root = s.startsWith("[") ? new Brackets(s).top() : lines(s);
        List<Integer> shape = shapeOf(root, List.of());
        List<Double> values = new ArrayList<>();
        flatten(root, values);
        return new ParsedAnswer.TensorAnswer(shape, values);
    }

    /**
     * "((19,25),(37,43))" or "{{19,25},{37,43}}" as square brackets; refused when the round or curly
     * brackets do not pair up, so a "(" inside a value is never taken for a row.
     */
    private static String asSquareBrackets(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int depth = 0;
        for (char c : s.toCharArray()) {
            if (c == '[' || c == ']') {
                throw new ReadException(Phrase.of("answers.tensor.mixed-brackets"), Phrase.of("answers.tensor.mixed-brackets.hint"));
            }
            if (c == '(' || c == '{') {
                depth++;
                out.append('[');
            } else if (c == ')' || c == '}') {
                if (--depth < 0) {
                    break;
                }
                out.append(']');
            } else {
                out.append(c);
            }
        }
        if (depth != 0) {
            throw new ReadException(Phrase.of(depth > 0 ? "answers.tensor.unpaired.open" : "answers.tensor.unpaired.close"),
                    Phrase.of("answers.tensor.unpaired.hint"));
        }
        return out.toString();
    }

    /** Rows are lines or ';'-separated; blank lines separate the matrices of a 3-D tensor. */
    private static Node lines(String s) {
        List<Node> blocks = new ArrayList<>();
        List<Node> rows = new ArrayList<>();
        for (String line : s.split("\n", -1)) {
            if (line.isBlank() && !rows.isEmpty()) {
                blocks.add(new Branch(rows));
                rows = new ArrayList<>();
            }
            for (String row : line.split(";")) {
                if (!row.isBlank()) {
                    rows.add(new Leaf(values(row)));
                }
            }
        }
        if (!rows.isEmpty()) {
            blocks.add(new Branch(rows));
        }
        return blocks.size() == 1 ? blocks.get(0) : new Branch(blocks);
    }

    /** Values separated by commas and/or blanks; a trailing comma is allowed, an empty value between commas is not. */
    private static List<Rational> values(String row) {
        String[] parts = row.split(",", -1);
        int count = parts.length > 1 && parts[parts.length - 1].isBlank() ? parts.length - 1 : parts.length;
        List<Rational> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (parts[i].isBlank()) {
                throw new ReadException(Phrase.of("answers.tensor.empty-value", ReadException.quote(row)));
            }
            for (String token : parts[i].strip().split("\\s+")) {
                values.add(value(token));
            }
        }
        return values;
    }

    /** A number, or null for a blank cell. */
    private static Rational value(String token) {
        if (token.equals(ParsedAnswer.TensorAnswer.BLANK)) {
            return null;
        }
        try {
            return ArithmeticReader.evaluate(token, false);
        } catch (ReadException e) {
            throw new ReadException(Phrase.of("answers.tensor.not-number", ReadException.quote(token), e.problem));
        }
    }

    /** Shape of a node, checking the innermost parts first so the message names the first ragged row. */
    private static List<Integer> shapeOf(Node node, List<Integer> path) {
        if (node instanceof Leaf leaf) {
            return List.of(leaf.values().size());
        }
        List<Node> children = ((Branch) node).children();
        if (children.isEmpty()) { // e.g. ";" or "[;]": separators without values
            throw new ReadException(Phrase.of("answers.tensor.no-values"));
        }
        List<Integer> first = null;
        for (int i = 0; i < children.size(); i++) {
            List<Integer> childPath = new ArrayList<>(path);
            childPath.add(i);
            List<Integer> shape = shapeOf(children.get(i), childPath);
            if (first == null) {
                first = shape;
            } else if (!shape.equals(first)) {
                throw ragged(children.get(i) instanceof Leaf, path, i, first, shape);
            }
        }
        List<Integer> shape = new ArrayList<>();
        shape.add(children.size());
        shape.addAll(first);
        return shape;
    }

    private static ReadException ragged(boolean rows, List<Integer> path, int i, List<Integer> first, List<Integer> other) {
        if (first.size() != other.size()) {
            return new ReadException(Phrase.of("answers.tensor.depths"), RAGGED_HINT);
        }
        boolean top = path.isEmpty();
        if (rows) {
            return new ReadException(Phrase.of(top ? "answers.tensor.ragged.rows" : "answers.tensor.ragged.rows.in-block",
                    i + 1, count(other.get(0)), first.get(0), blockName(path)), RAGGED_HINT);
        }
        return new ReadException(Phrase.of(top ? "answers.tensor.ragged.blocks" : "answers.tensor.ragged.blocks.in-block",
                i + 1, times(other), times(first), blockName(path)),
                Phrase.of("answers.tensor.ragged.blocks.hint"));
    }

    private static String blockName(List<Integer> path) {
        return path.stream().map(p -> String.valueOf(p + 1)).collect(Collectors.joining("."));
    }

    private static Phrase count(int n) {
        return Phrase.of(n == 1 ? "answers.values.one" : "answers.values.many", n);
    }

    private static String times(List<Integer> shape) {
        return shape.stream().map(String::valueOf).collect(Collectors.joining("×"));
    }

    private static void flatten(Node node, List<Double> out) {
        if (node instanceof Leaf leaf) {
            for (Rational r : leaf.values()) {
                if (r == null) {
                    out.add(Double.NaN); // blank
                    continue;
                }
                double d = r.toDouble();
                if (!Double.isFinite(d)) {
                    throw new ReadException(Phrase.of("answers.tensor.value.large", ReadException.quote(r.toString())));
                }
                out.add(d);
            }
        } else {
            ((Branch) node).children().forEach(child -> flatten(child, out));
        }
    }

    /** Recursive descent over nested brackets. */
    private static final class Brackets {
        private final String s;
        private int pos;

        Brackets(String s) {
            this.s = s;
        }

        /** One list, or several side by side ("[1,2],[3,4]" or one per line) taken as the rows of one more level. */
        Node top() {
            List<Node> lists = new ArrayList<>();
            skipSeparators();
            while (pos < s.length()) {
                if (s.charAt(pos) != '[') {
                    throw unexpected();
                }
                lists.add(list(1));
                skipSeparators();
            }
            return lists.size() == 1 ? lists.get(0) : new Branch(lists);
        }

        private Node list(int depth) {
            if (depth > MAX_DEPTH) {
                throw new ReadException(Phrase.of("answers.tensor.nested"));
            }
            int open = pos++;
            skipBlanks();
            if (pos < s.length() && s.charAt(pos) == '[') {
                List<Node> children = new ArrayList<>();
                while (true) {
                    children.add(list(depth + 1));
                    skipSeparators();
                    if (pos >= s.length()) {
                        throw unclosed(open);
                    }
                    if (s.charAt(pos) == ']') {
                        pos++;
                        return new Branch(children);
                    }
                    if (s.charAt(pos) != '[') {
                        throw mixed();
                    }
                }
            }
            return innermost(open);
        }

        /** "[19, 25]" → a row; "[19 25; 37 43]" → rows. */
        private Node innermost(int open) {
            int close = s.indexOf(']', pos);
            int nextOpen = s.indexOf('[', pos);
            if (close < 0) {
                throw unclosed(open);
            }
            if (nextOpen >= 0 && nextOpen < close) {
                throw mixed();
            }
            String content = s.substring(pos, close);
            pos = close + 1;
            if (content.isBlank()) {
                throw new ReadException(Phrase.of("answers.tensor.empty-brackets"));
            }
            if (!content.contains(";")) {
                return new Leaf(values(content));
            }
            List<Node> rows = new ArrayList<>();
            for (String row : content.split(";")) {
                if (!row.isBlank()) {
                    rows.add(new Leaf(values(row)));
                }
            }
            return new Branch(rows);
        }

        private void skipBlanks() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        private void skipSeparators() {
            while (pos < s.length() && (Character.isWhitespace(s.charAt(pos)) || s.charAt(pos) == ',' || s.charAt(pos) == ';')) {
                pos++;
            }
        }

        private ReadException unclosed(int open) {
            String at = ReadException.quote(s.substring(open));
            return new ReadException(Phrase.of("answers.tensor.unclosed", at));
        }

        private ReadException mixed() {
            return new ReadException(Phrase.of("answers.tensor.mixed-list", ReadException.quote(s.substring(pos))));
        }

        private ReadException unexpected() {
            String near = ReadException.quote(s.substring(pos));
            return new ReadException(Phrase.of("answers.tensor.outside", near));
        }
    }
}
