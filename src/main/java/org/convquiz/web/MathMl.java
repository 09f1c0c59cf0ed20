package org.convquiz.web;

/**
 * Typesets the engine's plain-text formulas as presentation MathML, which browsers render natively
 * (nothing to download). The input follows the engine's conventions: {@code n_h}, {@code H_{out}}
 * for subscripts, {@code 10^8} for powers, ⌊ ⌋ ⌈ ⌉ × · − / = and parentheses as operators.
 */
public final class MathMl {
    private MathMl() {
    }

    /** A complete {@code <math>} element for one formula. */
    public static String render(String formula) {
        StringBuilder out = new StringBuilder("<math><mrow>");
        new Tokens(formula == null ? "" : formula, out).all();
        return out.append("</mrow></math>").toString();
    }

    /** Walks the formula once, writing one MathML element per token. */
    private static final class Tokens {
        private final String s;
        private final StringBuilder out;
        private int i;

        Tokens(String s, StringBuilder out) {
            this.s = s;
            this.out = out;
        }

        void all() {
            while (i < s.length()) {
                char c = s.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                } else {
                    String base = atom();
                    out.append(scripted(base));
                }
            }
        }

        /** A base element followed by an optional _subscript and ^superscript. */
        private String scripted(String base) {
            String sub = null;
            String sup = null;
            if (i < s.length() && s.charAt(i) == '_' && i + 1 < s.length()) {
                i++;
                sub = script();
            }
            if (i < s.length() && s.charAt(i) == '^' && i + 1 < s.length()) {
                i++;
                sup = script();
            }
            if (sub != null && sup != null) {
                return "<msubsup>" + base + sub + sup + "</msubsup>";
            } else if (sub != null) {
                return "<msub>" + base + sub + "</msub>";
            } else if (sup != null) {
                return "<msup>" + base + sup + "</msup>";
            }
            return base;
        }

        /** A script: {braced text} or one number/identifier/sign-and-number. */
        private String script() {
            if (s.charAt(i) == '{') {
                int close = s.indexOf('}', i);
                String inner = close < 0 ? s.substring(i + 1) : s.substring(i + 1, close);
                i = close < 0 ? s.length() : close + 1;
                StringBuilder nested = new StringBuilder("<mrow>");
                new Tokens(inner, nested).all();
                return nested.append("</mrow>").toString();
            }
            if ((s.charAt(i) == '−' || s.charAt(i) == '-') && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1))) {
                i++;
                return "<mrow><mo>−</mo>" + atom() + "</mrow>";
            }
            return atom();
        }

        private String atom() {
            char c = s.charAt(i);
            if (Character.isDigit(c) || (c == '.' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1)))) {
                int start = i;
                while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.' || isThousands(i))) {
                    i++;
                }
                return "<mn>" + escape(s.substring(start, i)) + "</mn>";
            }
            if (Character.isLetter(c)) {
                int start = i;
                while (i < s.length() && Character.isLetterOrDigit(s.charAt(i)) && !isCjk(s.charAt(i))) {
                    i++;
                }
                if (i == start) { // a CJK character: keep runs of text together
                    while (i < s.length() && isCjk(s.charAt(i))) {
                        i++;
                    }
                    return "<mtext>" + escape(s.substring(start, i)) + "</mtext>";
                }
                String name = s.substring(start, i);
                // Multi-letter names (out, max, conv2d) are upright text; single letters are italic variables.
                return name.length() > 1 ? "<mi mathvariant=\"normal\">" + escape(name) + "</mi>" : "<mi>" + escape(name) + "</mi>";
            }
            i++;
            if (c == '-') {
                c = '−';
            }
            if (c == '*') {
                c = '×';
            }
            return "<mo>" + escape(String.valueOf(c)) + "</mo>";
        }

        /** A comma between digit groups of three ("196,609,000"), not one between indices ("Y[0,1]"). */
        private boolean isThousands(int at) {
            if (s.charAt(at) != ',') {
                return false;
            }
            for (int k = 1; k <= 3; k++) {
                if (at + k >= s.length() || !Character.isDigit(s.charAt(at + k))) {
                    return false;
                }
            }
            return at + 4 >= s.length() || !Character.isDigit(s.charAt(at + 4));
        }

        private static boolean isCjk(char c) {
            return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
        }
    }

    static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
