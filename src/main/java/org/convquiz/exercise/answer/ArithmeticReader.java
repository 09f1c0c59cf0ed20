package org.convquiz.exercise.answer;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.convquiz.engine.Phrase;

/**
 * Evaluates a number or a small arithmetic expression exactly, by recursive descent:
 * <pre>
 *   expr    := term (('+' | '-') term)*
 *   term    := unary (('*' | '/') unary)*
 *   unary   := ('+' | '-') unary | power
 *   power   := postfix ('^' unary)?          right-associative; -2^2 = -(2^2)
 *   postfix := primary '%'?
 *   primary := number | '(' expr ')'
 *   number  := digits [groups] ['.' digits] [('e'|'E') ['+'|'-'] digits]
 * </pre>
 * Multiplication may be written × x X * · ⋅ ∙, minus − – — ‐, division ÷ / ∕ ⁄, power ^ or **, brackets
 * ( ) [ ] { }. When grouping is allowed, thousands may be separated by ',', ' ', ''' or '_' (one kind per
 * number, groups of exactly three digits). There is no implicit multiplication: "2(3+4)" is refused, not
 * guessed.
 */
final class ArithmeticReader {

    /** Limit on a written exponent (1e…, 10^…): far beyond any exercise, small enough to stay fast. */
    private static final int MAX_EXPONENT = 1_000;
    private static final String GROUP_SEPARATORS = ", '_";
    /** Every nesting (bracket, sign, power) passes through {@link #unary()}; bounding it bounds the stack. */
    private static final int MAX_DEPTH = 200;

    /** The text with operators unified, one character for one, so positions match {@link #original}. */
    private final String s;
    /** The text as the student wrote it, for quoting in messages. */
    private final String original;
    private final boolean grouping;
    private int pos;
    private int depth;

    private ArithmeticReader(String original, boolean grouping) {
        this.original = original;
        this.s = unifyOperators(original);
        this.grouping = grouping;
    }

    /**
     * Evaluates {@code text} (already NFKC-normalised).
     *
     * @param allowGrouping whether ',' ' ' ''' '_' may separate thousands; off inside tensors, where they
     *                      separate values
     */
    static Rational evaluate(String text, boolean allowGrouping) {
        ArithmeticReader r = new ArithmeticReader(text, allowGrouping);
        r.skipBlanks();
        if (r.atEnd()) {
            throw new ReadException(Phrase.of("answers.no-number"));
        }
        Rational value = r.expr();
        r.skipBlanks();
        if (!r.atEnd()) {
            throw r.unexpected();
        }
        return value;
    }

    /** Maps the many spellings of operators onto one ASCII character each. */
    static String unifyOperators(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            out.append(switch (c) {
                case '×', 'x', 'X', '·', '⋅', '∙', '∗', '✕', '✖' -> '*';
                case '−', '–', '—', '‐', '‑', '‒', '﹣' -> '-';
                case '÷', '∕', '⁄' -> '/';
                case '[', '{' -> '(';
                case ']', '}' -> ')';
                case '\t' -> ' ';
                default -> c;
            });
        }
        return out.toString();
    }

    private Rational expr() {
        Rational value = term();
        while (true) {
            skipBlanks();
            if (accept('+')) {
                value = value.add(term());
            } else if (accept('-')) {
                value = value.subtract(term());
            } else {
                return value;
            }
        }
    }

    private Rational term() {
        Rational value = unary();
        while (true) {
            skipBlanks();
            if (accept('*')) {
                value = value.multiply(unary());
            } else if (accept('/')) {
                value = value.divide(unary());
            } else {
                return value;
            }
        }
    }

    private Rational unary() {
        if (++depth > MAX_DEPTH) {
            throw new ReadException(Phrase.of("answers.nested"));
        }
        try {
            skipBlanks();
            if (accept('-')) {
                return unary().negate();
            }
            if (accept('+')) {
                return unary();
            }
            return power();
        } finally {
            depth--;
        }
    }

    private Rational power() {
        Rational base = postfix();
        skipBlanks();
        if (!accept('^') && !acceptPair('*', '*')) {
            return base;
        }
        Rational exponent = unary();
        if (!exponent.isInteger() || exponent.num().abs().compareTo(BigInteger.valueOf(MAX_EXPONENT)) > 0) {
            throw new ReadException(Phrase.of("answers.power.size", ReadException.quote(exponent.toString())));
        }
        return base.pow(exponent.num().intValueExact());
    }

    private Rational postfix() {
        Rational value = primary();
        skipBlanks();
        return accept('%') ? value.divide(Rational.of(BigInteger.valueOf(100))) : value;
    }

    private Rational primary() {
        skipBlanks();
        if (accept('(')) {
            Rational inner = expr();
            skipBlanks();
            if (!accept(')')) {
                if (atEnd()) {
                    String q = ReadException.quote(original);
                    throw new ReadException(Phrase.of("answers.paren.unclosed", q));
                }
                throw unexpected();
            }
            return inner;
        }
        if (!atEnd() && (isDigit(peek()) || (peek() == '.' && pos + 1 < s.length() && isDigit(s.charAt(pos + 1))))) {
            return number();
        }
        throw unexpected();
    }

    private Rational number() {
        String digits = integerPart();
        StringBuilder literal = new StringBuilder(digits);
        if (!atEnd() && peek() == '.') {
            pos++;
            literal.append('.').append(digitRun());
        }
        int exponent = exponentPart() + magnitude();
        BigDecimal d = new BigDecimal(literal.toString()).scaleByPowerOfTen(exponent);
        return Rational.of(d);
    }

    /** A magnitude right after a number: k (10³), M (10⁶), G (10⁹), 千, 万 (10⁴), 百万, 千万, 亿 (10⁸). */
    private int magnitude() {
        String[] words = {"百万", "千万", "k", "K", "M", "G", "千", "万", "亿"};
        int[] powers = {6, 7, 3, 3, 6, 9, 3, 4, 8};
        for (int i = 0; i < words.length; i++) {
            if (s.startsWith(words[i], pos)) {
                pos += words[i].length();
                return powers[i];
            }
        }
        return 0;
    }

    /** Digits, with thousands separators removed after checking they group in threes. */
    private String integerPart() {
        int start = pos;
        List<String> groups = new ArrayList<>();
        groups.add(digitRun());
        char separator = 0;
        while (grouping && pos + 1 < s.length() && GROUP_SEPARATORS.indexOf(peek()) >= 0
                && isDigit(s.charAt(pos + 1))) {
            char sep = peek();
            if (separator != 0 && sep != separator) {
                throw badGrouping(start);
            }
            separator = sep;
            pos++;
            groups.add(digitRun());
        }
        if (groups.size() > 1) {
            boolean ok = groups.get(0).length() >= 1 && groups.get(0).length() <= 3
                    && groups.stream().skip(1).allMatch(g -> g.length() == 3);
            if (!ok) {
                throw badGrouping(start);
            }
        }
        return String.join("", groups);
    }

    private ReadException badGrouping(int start) {
        int end = pos;
        while (end < s.length() && (isDigit(s.charAt(end)) || GROUP_SEPARATORS.indexOf(s.charAt(end)) >= 0)) {
            end++;
        }
        String q = ReadException.quote(original.substring(start, end));
        return new ReadException(Phrase.of("answers.grouping", q), Phrase.of("answers.grouping.hint"));
    }

    private int exponentPart() {
        if (atEnd() || (peek() != 'e' && peek() != 'E')) {
            return 0;
        }
        int mark = pos;
        pos++;
        boolean negative = false;
        if (!atEnd() && (peek() == '+' || peek() == '-')) {
            negative = peek() == '-';
            pos++;
        }
        String digits = digitRun();
        if (digits.isEmpty()) {
            throw unexpectedAt(mark);
        }
        if (digits.length() > 5 || Integer.parseInt(digits) > MAX_EXPONENT) {
            throw new ReadException(Phrase.of("answers.exponent.large"));
        }
        return negative ? -Integer.parseInt(digits) : Integer.parseInt(digits);
    }

    private String digitRun() {
        int start = pos;
        while (!atEnd() && isDigit(peek())) {
            pos++;
        }
        return s.substring(start, pos);
    }

    private ReadException unexpected() {
        return unexpectedAt(pos);
    }

    private ReadException unexpectedAt(int at) {
        if (at >= s.length()) {
            return new ReadException(Phrase.of("answers.ends-early", ReadException.quoteTail(original)));
        }
        String c = ReadException.quote(String.valueOf(original.charAt(at)));
        if (at == 0) {
            return new ReadException(Phrase.of("answers.bad-start", c));
        }
        String before = ReadException.quoteTail(original.substring(0, at));
        return new ReadException(Phrase.of("answers.unexpected", c, before));
    }

    /** ASCII only: NFKC has already mapped full-width digits, and other scripts' digits are not read. */
    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private void skipBlanks() {
        while (!atEnd() && peek() == ' ') {
            pos++;
        }
    }

    private boolean accept(char c) {
        if (!atEnd() && peek() == c) {
            pos++;
            return true;
        }
        return false;
    }

    private boolean acceptPair(char first, char second) {
        if (pos + 1 < s.length() && s.charAt(pos) == first && s.charAt(pos + 1) == second) {
            pos += 2;
            return true;
        }
        return false;
    }

    private char peek() {
        return s.charAt(pos);
    }

    private boolean atEnd() {
        return pos >= s.length();
    }
}
