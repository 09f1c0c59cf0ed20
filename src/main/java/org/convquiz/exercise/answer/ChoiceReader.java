package org.convquiz.exercise.answer;

import java.util.List;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.convquiz.engine.Phrase;

/**
 * Reads option letters. Single choice: {@code B}, {@code b}, {@code (B)}, {@code B.}, {@code B)}, {@code B：},
 * {@code 'B'}, {@code 选B}, {@code 答：B}, {@code 选项B}, {@code option B}, full-width {@code Ｂ}, or the option's
 * position as the tutorial's answer key writes it: {@code 选项1} or {@code 1} for A. Multiple choice: the same,
 * with letters run together or separated by commas, blanks, {@code 、}, {@code ;}, {@code &}, {@code /},
 * {@code +}, {@code 和}, {@code 与}, {@code 及} or "and": {@code A, C}, {@code AC}, {@code a c}, {@code A、C},
 * {@code A和C}. Letters are upper-cased; repeats are ignored.
 *
 * <p>One left-to-right scan, no backtracking regex over the whole text: the input is bounded and the stack
 * depth is constant whatever is typed ("A, , , , …").
 */
final class ChoiceReader {

    /** A choice answer is a few letters; anything longer is refused before scanning. */
    static final int MAX_LENGTH = 200;

    private static final Pattern CHOICE_PREFIX = Pattern.compile(
            "^(?:(?:i\\s+)?(?:choose|pick)|options?|choices?|(?:我)?(?:选择|选项|选)|正确(?:答案|选项)?(?:是|为)?)\\s*[:=]?\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CHOICE_SUFFIX = Pattern.compile("\\s*(?:选项|项)$");
    /** Marks that only frame or separate the letters: brackets, stops, quotes, colons, list signs. */
    private static final String SEPARATORS = " \t\n,、;&/+|()[]{}<>.。!:'\"‘’“”「」『』【】〔〕《》";
    private static final List<String> WORD_SEPARATORS = List.of("以及", "和", "与", "及");

    private ChoiceReader() {
    }

    /** The letters chosen, each checked against {@code options} (any A–Z when no options are given). */
    static SortedSet<String> read(String text, List<String> options) {
        if (text.length() > MAX_LENGTH) {
            throw new ReadException(Phrase.of("answers.choice.too-long", text.length()));
        }
        String s = CHOICE_SUFFIX.matcher(CHOICE_PREFIX.matcher(text).replaceFirst("")).replaceFirst("");
        s = s.toUpperCase(Locale.ROOT);
        SortedSet<String> letters = new TreeSet<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            String word = wordAt(s, i);
            if (word != null) {
                i += word.length();
            } else if (SEPARATORS.indexOf(c) >= 0 || Character.isWhitespace(c)) {
                i++;
            } else if (c >= 'A' && c <= 'Z') {
                int end = i;
                while (end < s.length() && s.charAt(end) >= 'A' && s.charAt(end) <= 'Z') {
                    end++;
                }
                String run = s.substring(i, end);
                if (!run.equals("AND")) {
                    for (char letter : run.toCharArray()) {
                        letters.add(letter(String.valueOf(letter), options));
                    }
                }
                i = end;
            } else if (c >= '0' && c <= '9') {
                int end = i;
                while (end < s.length() && s.charAt(end) >= '0' && s.charAt(end) <= '9') {
                    end++;
                }
                letters.add(position(s.substring(i, end), options));
                i = end;
            } else {
                String bad = ReadException.quote(String.valueOf(c));
                throw new ReadException(Phrase.of("answers.choice.not-letter", bad));
            }
        }
        if (letters.isEmpty()) {
            throw new ReadException(Phrase.of("answers.choice.none"));
        }
        return letters;
    }

    private static String wordAt(String s, int i) {
        for (String w : WORD_SEPARATORS) {
            if (s.startsWith(w, i)) {
                return w;
            }
        }
        return null;
    }

    /** "1" is the first option (the tutorial's key says 选项1 for A); "13" among fewer than 10 options is refused, not guessed. */
    private static String position(String digits, List<String> options) {
        int count = options.isEmpty() ? 26 : options.size();
        if (digits.length() > 1 && count < 10) {
            throw notAnOptionNumber(digits, count);
        }
        int n = digits.length() > 3 ? Integer.MAX_VALUE : Integer.parseInt(digits);
        if (n < 1 || n > count) {
            throw notAnOptionNumber(digits, count);
        }
        return options.isEmpty() ? String.valueOf((char) ('A' + n - 1)) : options.get(n - 1);
    }

    private static ReadException notAnOptionNumber(String digits, int count) {
        return new ReadException(Phrase.of("answers.choice.not-number", ReadException.quote(digits), count),
                Phrase.of("answers.choice.not-number.hint"));
    }

    private static String letter(String letter, List<String> options) {
        if (!options.isEmpty() && !options.contains(letter)) {
            String list = String.join(", ", options);
            throw new ReadException(Phrase.of("answers.choice.not-option", ReadException.quote(letter), list),
                    Phrase.of("answers.choice.not-option.hint", list));
        }
        return letter;
    }
}
