package org.convquiz.exercise.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.convquiz.engine.Phrase;

/**
 * Reads a tensor shape: {@code 4×102×102}, {@code 4x102x102}, {@code 4 * 102 * 102}, {@code (4, 102, 102)},
 * {@code [4,102,102]}, {@code 4,102,102}, {@code 4 102 102}, {@code 4、102、102}, {@code 4;102;102}, {@code 4✕102✕102},
 * {@code 【4，102，102】}, {@code torch.Size([4, 102, 102])}, or one
 * dimension {@code 7}. A comma here separates dimensions, never thousands. Dimensions are plain positive whole
 * numbers; one shape uses one kind of separator.
 */
final class ShapeReader {

    private static final Pattern WRAPPER = Pattern.compile("^(?:torch\\s*\\.\\s*)?size\\s*\\((.*)\\)$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern SEPARATOR = Pattern.compile("\\s*([×xX*·⋅∙∗✕✖,;、])\\s*|\\s+");
    private static final String TIMES = "×xX*·⋅∙∗✕✖";

    private ShapeReader() {
    }

    static List<Integer> read(String raw) {
        String text = raw.replace('【', '[').replace('】', ']').replace('〔', '(').replace('〕', ')');
        Matcher wrapper = WRAPPER.matcher(text);
        String s = wrapper.matches() ? wrapper.group(1).strip() : text;
        String unwrapped = stripBrackets(s);
        if (!unwrapped.equals(s) && unwrapped.endsWith(",")) {
            unwrapped = unwrapped.substring(0, unwrapped.length() - 1).strip(); // Python's one-element "(7,)"
        }
        if (count(unwrapped, "([{") != count(unwrapped, ")]}")) {
            throw new ReadException(Phrase.of("answers.shape.brackets"));
        }
        return dims(unwrapped);
    }

    private static long count(String s, String chars) {
        return s.chars().filter(c -> chars.indexOf(c) >= 0).count();
    }

    /** Removes matching outer brackets, however many: "([4, 102])" → "4, 102". */
    private static String stripBrackets(String s) {
        while (s.length() >= 2 && closerOf(s.charAt(0)) == s.charAt(s.length() - 1)) {
            s = s.substring(1, s.length() - 1).strip();
        }
        return s;
    }

    private static char closerOf(char open) {
        return switch (open) {
            case '(' -> ')';
            case '[' -> ']';
            case '{' -> '}';
            default -> 0;
        };
    }

    private static List<Integer> dims(String s) {
        if (s.isEmpty()) {
            throw new ReadException(Phrase.of("answers.shape.none"));
        }
        Matcher m = SEPARATOR.matcher(s);
        List<Integer> dims = new ArrayList<>();
        String kind = null;
        int start = 0;
        while (m.find()) {
            kind = checkSameSeparator(kind, m.group(1), s);
            dims.add(dim(s.substring(start, m.start()), dims.size() + 1));
            start = m.end();
        }
        dims.add(dim(s.substring(start), dims.size() + 1));
        return dims;
    }

    /** "4×102, 102" or "4, 102 102" is refused: a student who mixes separators may have meant something else. */
    private static String checkSameSeparator(String kindSoFar, String separator, String s) {
        String kind = separator == null ? " " : TIMES.contains(separator) ? "×" : separator;
        if (kindSoFar != null && !kindSoFar.equals(kind)) {
            throw new ReadException(Phrase.of("answers.shape.separators", ReadException.quote(s)));
        }
        return kind;
    }

    private static int dim(String token, int index) {
        if (token.isEmpty()) {
            throw new ReadException(Phrase.of("answers.shape.missing", index));
        }
        if (!token.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new ReadException(Phrase.of("answers.shape.not-whole", index, ReadException.quote(token)));
        }
        int value;
        try {
            value = Integer.parseInt(token);
        } catch (NumberFormatException e) {
            throw new ReadException(Phrase.of("answers.shape.large", index));
        }
        if (value == 0) {
            throw new ReadException(Phrase.of("answers.shape.zero", index));
        }
        return value;
    }
}
