package org.convquiz.exercise;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The expressions of exercise files ({@code n + 2 * p >= k}, {@code (k - 1) / 2}, {@code min(n, 8)}): whole
 * numbers, the file's own parameter names, {@code + - * / %} ({@code /} and {@code %} floor), comparisons,
 * {@code && || !}, {@code true}/{@code false} and the functions {@code min}, {@code max}, {@code abs}.
 *
 * <p>An allow-list sandbox by construction: the grammar has no strings, no objects, no property access, no
 * method calls, no lambdas, loops or assignments, so an author's text cannot reach a Java class. It is
 * evaluated by this class rather than by a scripting library: a general-purpose language (JEXL was used
 * before) keeps string literals, regular-expression matches, ranges and property access that no switch
 * turns off, so locking it down is a deny-list of operators; this grammar is an allow-list.
 * Work is bounded: the text is at most {@link #MAX_LENGTH} characters and {@link #MAX_DEPTH} levels deep,
 * so evaluation is at most a few hundred steps with no loop; every value stays within ±{@link #MAX_MAGNITUDE}.
 * Error messages name the problem and the position in the author's text, never an evaluated value.
 */
final class Expressions {
    static final int MAX_LENGTH = 500;
    static final int MAX_DEPTH = 32;
    static final long MAX_MAGNITUDE = 1_000_000_000_000L;
    static final Set<String> FUNCTIONS = Set.of("min", "max", "abs");
    private static final int CACHE_SIZE = 512;

    /** Parsed expressions by source text; they are immutable, so sharing them is safe. */
    private static final Map<String, Node> CACHE = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Node> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    private Expressions() {
    }

    /** An expression that cannot be parsed or evaluated; the message names the problem and its column. */
    static final class ExpressionException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        ExpressionException(String message) {
            super(message);
        }
    }

    /** Checks the syntax; returns what is wrong (with the column), or null when the expression is well formed. */
    static String syntaxError(String source) {
        try {
            parse(source);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** The names an expression uses that are neither parameters nor functions; checked when a file is loaded. */
    static List<String> unknownNames(String source, Set<String> parameters) {
        List<String> unknown = new ArrayList<>();
        collectNames(parse(source), parameters, unknown);
        return unknown;
    }

    private static void collectNames(Node node, Set<String> parameters, List<String> unknown) {
        if (node instanceof Name n) {
            if (!parameters.contains(n.name()) && !unknown.contains(n.name())) {
                unknown.add(n.name());
            }
        } else if (node instanceof Unary u) {
            collectNames(u.operand(), parameters, unknown);
        } else if (node instanceof Binary b) {
            collectNames(b.left(), parameters, unknown);
            collectNames(b.right(), parameters, unknown);
        } else if (node instanceof Call c) {
            c.args().forEach(a -> collectNames(a, parameters, unknown));
        }
    }

    /** The value: a Long or a Boolean. */
    static Object evaluate(String source, Map<String, Integer> values) {
        return parse(source).eval(values == null ? Map.of() : values);
    }

    static boolean isTrue(String source, Map<String, Integer> values) {
        if (evaluate(source, values) instanceof Boolean b) {
            return b;
        }
        throw new ExpressionException("condition '" + shortly(source) + "' is a number, not a comparison (write e.g. n >= k)");
    }

    /** An integer-valued expression that fits an int. */
    static int integer(String source, Map<String, Integer> values) {
        Object result = evaluate(source, values);
        if (!(result instanceof Long n)) {
            throw new ExpressionException("'" + shortly(source) + "' is a condition, but a whole number is needed here");
        }
        if (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE) {
            throw new ExpressionException("'" + shortly(source) + "' gives a number out of range here");
        }
        return n.intValue();
    }

    private static Node parse(String source) {
        if (source == null || source.isBlank()) {
            throw new ExpressionException("the expression is empty");
        }
        if (source.length() > MAX_LENGTH) {
            throw new ExpressionException("the expression is too long (" + source.length() + " characters; at most " + MAX_LENGTH + ")");
        }
        synchronized (CACHE) {
            Node cached = CACHE.get(source);
            if (cached != null) {
                return cached;
            }
        }
        Node node = new Parser(source).parseAll();
        synchronized (CACHE) {
            CACHE.put(source, node);
        }
        return node;
    }

    /** The author's text for messages: it is theirs, not a value, but a long one is cut. */
    static String shortly(String source) {
        return source.length() <= 80 ? source : source.substring(0, 77) + "…";
    }

    // ---- the tree -------------------------------------------------------------------------------------------

    private sealed interface Node permits Num, Bool, Name, Unary, Binary, Call {
        Object eval(Map<String, Integer> values);
    }

    private record Num(long value) implements Node {
        public Object eval(Map<String, Integer> values) {
            return value;
        }
    }

    private record Bool(boolean value) implements Node {
        public Object eval(Map<String, Integer> values) {
            return value;
        }
    }

    private record Name(String name, int column) implements Node {
        public Object eval(Map<String, Integer> values) {
            Integer v = values.get(name);
            if (v == null) {
                throw new ExpressionException("unknown name '" + name + "' at column " + column + " (not a parameter)");
            }
            return (long) v;
        }
    }

    private record Unary(String op, Node operand, int column) implements Node {
        public Object eval(Map<String, Integer> values) {
            Object v = operand.eval(values);
            if (op.equals("!")) {
                return !bool(v, op, column);
            }
            long n = number(v, op, column);
            return op.equals("-") ? bounded(-n, column) : n;
        }
    }

    private record Binary(String op, Node left, Node right, int column) implements Node {
        public Object eval(Map<String, Integer> values) {
            switch (op) {
                case "&&":
                    return bool(left.eval(values), op, column) && bool(right.eval(values), op, column);
                case "||":
                    return bool(left.eval(values), op, column) || bool(right.eval(values), op, column);
                case "==", "!=": {
                    Object a = left.eval(values);
                    Object b = right.eval(values);
                    if (a.getClass() != b.getClass()) {
                        throw new ExpressionException("'" + op + "' at column " + column + " compares a number with a condition");
                    }
                    return op.equals("==") == a.equals(b);
                }
                default:
                    break;
            }
            long a = number(left.eval(values), op, column);
            long b = number(right.eval(values), op, column);
            return switch (op) {
                case "<" -> a < b;
                case "<=" -> a <= b;
                case ">" -> a > b;
                case ">=" -> a >= b;
                case "+" -> bounded(a + b, column);
                case "-" -> bounded(a - b, column);
                case "*" -> bounded(safeMultiply(a, b, column), column);
                case "/" -> Math.floorDiv(a, nonZero(b, column));
                case "%" -> Math.floorMod(a, nonZero(b, column));
                default -> throw new IllegalStateException(op);
            };
        }
    }

    private record Call(String function, List<Node> args, int column) implements Node {
        public Object eval(Map<String, Integer> values) {
            long[] v = new long[args.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = number(args.get(i).eval(values), function, column);
            }
            return switch (function) {
                case "abs" -> Math.abs(v[0]);
                case "min" -> Math.min(v[0], v[1]);
                case "max" -> Math.max(v[0], v[1]);
                default -> throw new IllegalStateException(function);
            };
        }
    }

    private static long safeMultiply(long a, long b, int column) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            return tooLarge(column);
        }
    }

    private static long bounded(long n, int column) {
        return Math.abs(n) > MAX_MAGNITUDE ? tooLarge(column) : n;
    }

    private static long tooLarge(int column) {
        throw new ExpressionException("the result at column " + column + " is larger than " + MAX_MAGNITUDE + " in size");
    }

    private static long nonZero(long b, int column) {
        if (b == 0) {
            throw new ExpressionException("division by zero at column " + column);
        }
        return b;
    }

    private static long number(Object v, String op, int column) {
        if (v instanceof Long n) {
            return n;
        }
        throw new ExpressionException("'" + op + "' at column " + column + " needs a number, not a condition");
    }

    private static boolean bool(Object v, String op, int column) {
        if (v instanceof Boolean b) {
            return b;
        }
        throw new ExpressionException("'" + op + "' at column " + column + " needs a condition (a comparison), not a number");
    }

    // ---- the parser: recursive descent, depth-limited -------------------------------------------------------

    private static final class Parser {
        private final String s;
        private int pos;
        private int depth;

        Parser(String s) {
            this.s = s;
        }

        Node parseAll() {
            Node node = or();
            skipBlanks();
            if (pos < s.length()) {
                throw unexpected();
            }
            return node;
        }

        private Node or() {
            Node left = and();
            for (int at; (at = accept("||")) > 0; ) {
                left = new Binary("||", left, and(), at);
            }
            return left;
        }

        private Node and() {
            Node left = equality();
            for (int at; (at = accept("&&")) > 0; ) {
                left = new Binary("&&", left, equality(), at);
            }
            return left;
        }

        private Node equality() {
            Node left = comparison();
            while (true) {
                int at;
                if ((at = accept("==")) > 0) {
                    left = new Binary("==", left, comparison(), at);
                } else if ((at = accept("!=")) > 0) {
                    left = new Binary("!=", left, comparison(), at);
                } else {
                    return left;
                }
            }
        }

        private Node comparison() {
            Node left = additive();
            for (String op : List.of("<=", ">=", "<", ">")) {
                int at = accept(op);
                if (at > 0) {
                    return new Binary(op, left, additive(), at);
                }
            }
            return left;
        }

        private Node additive() {
            Node left = term();
            while (true) {
                int at;
                if ((at = accept("+")) > 0) {
                    left = new Binary("+", left, term(), at);
                } else if ((at = accept("-")) > 0) {
                    left = new Binary("-", left, term(), at);
                } else {
                    return left;
                }
            }
        }

        private Node term() {
            Node left = unary();
            while (true) {
                int at;
                if ((at = accept("*")) > 0) {
                    left = new Binary("*", left, unary(), at);
                } else if ((at = accept("/")) > 0) {
                    left = new Binary("/", left, unary(), at);
                } else if ((at = accept("%")) > 0) {
                    left = new Binary("%", left, unary(), at);
                } else {
                    return left;
                }
            }
        }

        private Node unary() {
            enter();
            try {
                int at;
                if ((at = accept("!")) > 0) {
                    return new Unary("!", unary(), at);
                }
                if ((at = accept("-")) > 0) {
                    return new Unary("-", unary(), at);
                }
                if ((at = accept("+")) > 0) {
                    return new Unary("+", unary(), at);
                }
                return primary();
            } finally {
                depth--;
            }
        }

        private Node primary() {
            skipBlanks();
            if (pos >= s.length()) {
                throw new ExpressionException("the expression ends too early at column " + (pos + 1));
            }
            int column = pos + 1;
            char c = s.charAt(pos);
            if (c == '(') {
                pos++;
                Node inner = or();
                expect(")");
                return inner;
            }
            if (c >= '0' && c <= '9') {
                int start = pos;
                while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
                    pos++;
                }
                if (pos - start > 13 || Long.parseLong(s.substring(start, pos)) > MAX_MAGNITUDE) {
                    throw new ExpressionException("the number at column " + column + " is larger than " + MAX_MAGNITUDE);
                }
                if (pos < s.length() && (Character.isLetter(s.charAt(pos)) || s.charAt(pos) == '.')) {
                    throw new ExpressionException("only whole numbers are allowed (column " + column + ")");
                }
                return new Num(Long.parseLong(s.substring(start, pos)));
            }
            if (c == '_' || (c < 128 && Character.isLetter(c))) {
                int start = pos;
                while (pos < s.length() && (s.charAt(pos) == '_' || (s.charAt(pos) < 128 && Character.isLetterOrDigit(s.charAt(pos))))) {
                    pos++;
                }
                String name = s.substring(start, pos);
                skipBlanks();
                boolean call = pos < s.length() && s.charAt(pos) == '(';
                if (call) {
                    return call(name, column);
                }
                return switch (name) {
                    case "true" -> new Bool(true);
                    case "false" -> new Bool(false);
                    default -> new Name(name, column);
                };
            }
            throw unexpected();
        }

        private Node call(String name, int column) {
            if (!FUNCTIONS.contains(name)) {
                throw new ExpressionException("'" + name + "' at column " + column + " is not a function here; the functions are "
                        + String.join(", ", FUNCTIONS.stream().sorted().toList()));
            }
            pos++; // (
            List<Node> args = new ArrayList<>();
            args.add(or());
            while (accept(",") > 0) {
                args.add(or());
            }
            expect(")");
            int wanted = name.equals("abs") ? 1 : 2;
            if (args.size() != wanted) {
                throw new ExpressionException(name + " at column " + column + " takes " + wanted + " argument" + (wanted == 1 ? "" : "s"));
            }
            return new Call(name, List.copyOf(args), column);
        }

        private void enter() {
            if (++depth > MAX_DEPTH) {
                throw new ExpressionException("the expression is nested too deeply (more than " + MAX_DEPTH + " levels)");
            }
        }

        /** Skips blanks and consumes {@code token} if it comes next; its 1-based column, or 0. */
        private int accept(String token) {
            skipBlanks();
            if (!s.startsWith(token, pos)) {
                return 0;
            }
            // '<' must not eat the start of '<=', '!' not of '!=', '=' alone is not an operator.
            int end = pos + token.length();
            if (token.length() == 1 && "<>!".indexOf(token.charAt(0)) >= 0 && end < s.length() && s.charAt(end) == '=') {
                return 0;
            }
            int column = pos + 1;
            pos = end;
            return column;
        }

        private void expect(String token) {
            if (accept(token) == 0) {
                if (pos >= s.length()) {
                    throw new ExpressionException("'" + token + "' is missing at the end");
                }
                throw new ExpressionException("expected '" + token + "' at column " + (pos + 1));
            }
        }

        private void skipBlanks() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        private IllegalArgumentException unexpected() {
            char c = s.charAt(pos);
            String shown = c >= 32 && c < 127 ? "'" + c + "'" : String.format("U+%04X", (int) c);
            String hint = switch (c) {
                case '\'', '"', '`' -> " (text is not allowed in expressions)";
                case '=' -> " (write == to compare)";
                case '.' -> " (only whole numbers, no '.')";
                case '{', ';', '[' -> " (only arithmetic and comparisons)";
                default -> "";
            };
            return new ExpressionException("unexpected " + shown + " at column " + (pos + 1) + hint);
        }
    }
}
