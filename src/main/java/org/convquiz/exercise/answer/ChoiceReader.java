package org.convquiz.exercise.answer;

import java.util.List;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads option letters. Single choice: {@code B}, {@code b}, {@code (B)}, {@code B.}, {@code B)}, {@code 选B},
 * {@code 答：B}, {@code 选项B}, {@code option B}, full-width {@code Ｂ}. Multiple choice: the same, with letters
 * run together or separated by commas, blanks, {@code 、}, {@code ;}, {@code &}, {@code /}, {@code +},
 * {@code 和}, {@code 与}, {@code 及} or "and": {@code A, C}, {@code AC}, {@code a c}, {@code A、C},
 * {@code A和C}. Letters are upper-cased; repeats are ignored.
 */
final class ChoiceReader {

    private static final Pattern CHOICE_PREFIX = Pattern.compile(
            "^(?:(?:i\\s+)?(?:choose|pick)|options?|choices?|(?:我)?(?:选择|选项|选)|正确(?:答案|选项)?(?:是|为)?)\\s*[:=]?\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CHOICE_SUFFIX = Pattern.compile("\\s*(?:选项|项)$");
    private static final Pattern BRACKETS_AND_STOPS = Pattern.compile("[()\\[\\]{}<>.。!]");
    // One separator per match: a repeated group "(?:…|…)+" recurses once per repetition in java.util.regex,
    // and 2,000 ", " blew the stack. The letters are read with all blanks removed, so one blank per separator is the same.
    private static final Pattern SEPARATORS = Pattern.compile("[,、;&/+|和与及\\s]|以及|\\bAND\\b");

    private ChoiceReader() {
    }

    /** The letters chosen, each checked against {@code options} (any A–Z when no options are given). */
    static SortedSet<String> read(String text, List<String> options) {
        String s = CHOICE_SUFFIX.matcher(CHOICE_PREFIX.matcher(text).replaceFirst("")).replaceFirst("");
        s = BRACKETS_AND_STOPS.matcher(s.toUpperCase(Locale.ROOT)).replaceAll(" ");
        s = SEPARATORS.matcher(s).replaceAll(" ").strip();
        if (s.isEmpty()) {
            throw new ReadException("there is no option letter in it.", "其中没有选项字母。");
        }
        SortedSet<String> letters = new TreeSet<>();
        for (char c : s.replace(" ", "").toCharArray()) {
            letters.add(letter(c, options));
        }
        return letters;
    }

    private static String letter(char c, List<String> options) {
        String letter = String.valueOf(c);
        if (c < 'A' || c > 'Z') {
            throw new ReadException(ReadException.quote(letter) + " is not an option letter.",
                    ReadException.quote(letter) + "不是选项字母。");
        }
        if (!options.isEmpty() && !options.contains(letter)) {
            String list = String.join(", ", options);
            throw new ReadException(ReadException.quote(letter) + " is not one of the options " + list + ".",
                    ReadException.quote(letter) + "不是选项 " + list + " 之一。",
                    "choose from " + list + ".", "请从 " + list + " 中选择。");
        }
        return letter;
    }
}
