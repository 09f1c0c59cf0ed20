package org.convquiz.exercise.answer;

import java.text.Normalizer;
import java.util.regex.Pattern;
import org.convquiz.engine.Phrase;

/**
 * First pass over what the student typed: unify the many ways of writing the same characters, and remove
 * words that only introduce the answer ("答：", "answer:", "=").
 */
final class TextNormalizer {

    private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺";
    private static final String SUPERSCRIPT_VALUES = "0123456789-+";

    /** Words and signs that may introduce an answer; stripped repeatedly, so "答：= 5" works. */
    private static final Pattern PREFIX = Pattern.compile(
            "^(?:(?:the\\s+)?(?:final\\s+)?(?:answer|ans|result|output\\s+shape|shape|output)\\s*(?:is\\b)?\\s*[:=]?"
                    + "|(?:我的)?(?:最终)?(?:答案|答|结果|输出形状|形状|输出)\\s*(?:是|为)?\\s*[:=]?"
                    + "|[=≈~]|约(?:为|是|等于)?"
                    // "Y = [[…]]", "z = 19", "out.shape = …": a name that only labels the answer
                    + "|[A-Za-z_][A-Za-z0-9_]{0,15}(?:\\[[0-9, ]{1,20}\\])?(?:\\.shape)?\\s*=(?!=))\\s*",
            Pattern.CASE_INSENSITIVE);

    private TextNormalizer() {
    }

    /**
     * Compatibility normalisation (NFKC: full-width digits, letters and punctuation such as ，（）［］：； become
     * ASCII), unified line ends, no zero-width characters, no surrounding blanks or trailing "。", no prefixes.
     */
    static String normalize(String raw) {
        String s = raw.replaceAll("[\\u200B-\\u200D\\uFEFF]", "").replace("\r\n", "\n").replace('\r', '\n');
        s = Normalizer.normalize(s, Normalizer.Form.NFKC).strip();
        while (s.endsWith("。")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        return stripPrefixes(s);
    }

    /**
     * Like {@link #normalize} but first rewrites what NFKC would turn into wrong digits: "10⁸" would become
     * "108" (so it becomes "10^(8)"), and "3½" would become "31⁄2" (so it is refused).
     */
    static String normalizeNumeric(String raw) {
        return normalize(protectSuperscriptsAndFractions(raw));
    }

    static String stripPrefixes(String s) {
        String previous;
        do {
            previous = s;
            s = PREFIX.matcher(s).replaceFirst("");
        } while (!s.equals(previous) && !s.isEmpty());
        return s;
    }

    private static String protectSuperscriptsAndFractions(String raw) {
        StringBuilder out = new StringBuilder(raw.length() + 8);
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (SUPERSCRIPTS.indexOf(c) >= 0) {
                i = appendSuperscriptRun(raw, i, out);
                continue;
            }
            if (c >= '\u2080' && c <= '\u2089') {
                throw new ReadException(Phrase.of("answers.subscript", ReadException.quote(String.valueOf(c))));
            }
            if (isVulgarFraction(c)) {
                appendVulgarFraction(c, out);
            } else {
                out.append(c);
            }
            i++;
        }
        return out.toString();
    }

    private static int appendSuperscriptRun(String raw, int start, StringBuilder out) {
        int i = start;
        StringBuilder exponent = new StringBuilder();
        while (i < raw.length() && SUPERSCRIPTS.indexOf(raw.charAt(i)) >= 0) {
            exponent.append(SUPERSCRIPT_VALUES.charAt(SUPERSCRIPTS.indexOf(raw.charAt(i))));
            i++;
        }
        if (i < raw.length() && raw.charAt(i) == '\u2044') {
            // "3¹⁄₂" would otherwise be read as 3^1/2.
            throw new ReadException(Phrase.of("answers.raised-fraction"), Phrase.of("answers.raised-fraction.hint"));
        }
        out.append("^(").append(exponent).append(')');
        return i;
    }

    private static boolean isVulgarFraction(char c) {
        return (c >= '\u00BC' && c <= '\u00BE') || (c >= '\u2150' && c <= '\u215F') || c == '\u2189';
    }

    private static void appendVulgarFraction(char c, StringBuilder out) {
        if (out.length() > 0 && Character.isDigit(out.charAt(out.length() - 1))) {
            // "3½" means 3.5, but NFKC would make it "31⁄2"; refuse rather than guess.
            throw new ReadException(Phrase.of("answers.mixed-number", ReadException.quote(String.valueOf(c))),
                    Phrase.of("answers.mixed-number.hint"));
        }
        String parts = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKC).replace('\u2044', '/');
        out.append('(').append(parts).append(')');
    }
}
