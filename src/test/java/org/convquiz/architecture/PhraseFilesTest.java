package org.convquiz.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Words live in the phrase files, not in Java: every English phrase has its Chinese twin with the same arguments, every
 * key the code names exists, and no Java source outside the allow-list below holds Chinese text.
 */
class PhraseFilesTest {
    private static final Path PHRASES = Path.of("src/main/resources/phrases");
    private static final Path JAVA = Path.of("src/main/java");
    private static final Pattern ARG = Pattern.compile("\\{(\\d+)");
    private static final Pattern KEY_IN_CODE = Pattern.compile("(?:Phrase\\.of|Text\\.phrase)\\(\\s*\"([a-z0-9.-]+)\"\\s*[,)]");
    /** A key one of a ternary's branches picks: {@code Phrase.of(bias ? "params.conv.bias" : "params.conv")}. */
    private static final Pattern KEY_IN_TERNARY = Pattern.compile("[?:]\\s*\"([a-z][a-z0-9-]*(?:\\.[a-z0-9-]+)+)\"(?=\\s*[:,);])");
    private static final Pattern CJK = Pattern.compile("[\\x{3400}-\\x{4DBF}\\x{4E00}-\\x{9FFF}]");

    /**
     * Java files that still hold Chinese words while issue 14 moves them to the phrase files. The list may only
     * shrink: a file that no longer holds Chinese must leave it, and no new file may join it.
     */
    static final Set<String> NOT_YET_MOVED = Set.of();

    /**
     * Java files whose Chinese is not something said to a student but data the code works on; they stay.
     */
    static final Set<String> CHINESE_AS_DATA = Set.of(
            // What students type, recognised by the answer readers: "答：", "选B", "A和C", "1.96609亿", "280 个参数", …
            // (their messages are in answers.properties).
            "org/convquiz/exercise/answer/AnswerParser.java",
            "org/convquiz/exercise/answer/ArithmeticReader.java",
            "org/convquiz/exercise/answer/ChoiceReader.java",
            "org/convquiz/exercise/answer/TextNormalizer.java",
            // Code about characters: turns the ASCII punctuation of the engine's Chinese steps (engine_zh.properties writes
            // ":", ",", "(…)" like the formulas beside them) full-width next to Chinese; its comments show examples.
            "org/convquiz/engine/ChinesePunctuation.java");

    /**
     * Phrases whose languages deliberately take different arguments: a broken layer is explained in English by the
     * engine's own message (PyTorch's words) and in Chinese by what the layer needs, so neither page mixes languages.
     */
    static final Set<String> ONE_LANGUAGE_ARGUMENTS = Set.of("quantities.refused");

    static TreeMap<String, String> load(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        TreeMap<String, String> out = new TreeMap<>();
        p.forEach((k, v) -> out.put((String) k, (String) v));
        return out;
    }

    static Set<String> args(String pattern) {
        Set<String> found = new TreeSet<>();
        Matcher m = ARG.matcher(pattern);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    @Test
    void everyPhraseHasItsTwinWithTheSameArguments() throws IOException {
        List<String> problems = new ArrayList<>();
        List<Path> english;
        try (Stream<Path> files = Files.list(PHRASES)) {
            english = files.filter(f -> f.toString().endsWith(".properties") && !f.toString().endsWith("_zh.properties")).toList();
        }
        assertTrue(!english.isEmpty(), "no phrase files under " + PHRASES);
        Set<String> allKeys = new TreeSet<>();
        for (Path en : english) {
            Path zh = en.resolveSibling(en.getFileName().toString().replace(".properties", "_zh.properties"));
            TreeMap<String, String> e = load(en);
            TreeMap<String, String> z = Files.exists(zh) ? load(zh) : new TreeMap<>();
            for (String key : e.keySet()) {
                if (!allKeys.add(key)) {
                    problems.add(key + " is in two phrase files");
                }
                if (!z.containsKey(key)) {
                    problems.add(en.getFileName() + ": " + key + " has no Chinese twin");
                } else if (!args(e.get(key)).equals(args(z.get(key))) && !ONE_LANGUAGE_ARGUMENTS.contains(key)) {
                    problems.add(key + " takes " + args(e.get(key)) + " in English but " + args(z.get(key)) + " in Chinese");
                }
                for (TreeMap<String, String> lang : List.of(e, z)) {
                    String pattern = lang.get(key);
                    if (pattern != null) {
                        try {
                            new MessageFormat(pattern);
                        } catch (IllegalArgumentException ex) {
                            problems.add(key + " is not a MessageFormat pattern: " + ex.getMessage());
                        }
                        if (pattern.matches(".*[^']'[^'].*") && !pattern.contains("''")) {
                            problems.add(key + " has a single apostrophe (MessageFormat drops it; write '')");
                        }
                    }
                }
            }
            for (String key : z.keySet()) {
                if (!e.containsKey(key)) {
                    problems.add(zh.getFileName() + ": " + key + " has no English twin");
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyKeyTheCodeNamesExists() throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.list(PHRASES)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".properties")).toList()) {
                keys.addAll(load(f).keySet());
            }
        }
        // a ternary's literal counts when it starts like the phrase keys (shape., grading., …), not "quiz.publish"
        Set<String> areas = new TreeSet<>();
        keys.forEach(k -> areas.add(k.substring(0, k.indexOf('.') + 1)));
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(JAVA)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String code = Files.readString(f, StandardCharsets.UTF_8);
                Matcher m = KEY_IN_CODE.matcher(code);
                while (m.find()) {
                    if (!keys.contains(m.group(1))) {
                        missing.add(JAVA.relativize(f) + ": " + m.group(1));
                    }
                }
                Matcher t = KEY_IN_TERNARY.matcher(code);
                while (t.find()) {
                    String key = t.group(1);
                    if (areas.contains(key.substring(0, key.indexOf('.') + 1)) && !keys.contains(key)) {
                        missing.add(JAVA.relativize(f) + ": " + key);
                    }
                }
            }
        }
        assertEquals(List.of(), missing, "phrase keys named in code but in no phrase file");
    }

    /** Keys the code builds from a name (a padding mode) exist for every name. */
    @Test
    void everyPaddingModeIsNamedInBothLanguages() {
        for (org.convquiz.engine.PaddingMode m : org.convquiz.engine.PaddingMode.values()) {
            org.convquiz.engine.Phrase p = org.convquiz.engine.Phrase.of("shape.mode." + m.name().toLowerCase(java.util.Locale.ROOT));
            assertTrue(!p.en().isBlank() && CJK.matcher(p.zh()).find(), m + ": " + p.en() + " / " + p.zh());
        }
    }

    @Test
    void chineseWordsLiveInThePhraseFilesNotInJava() throws IOException {
        Set<String> holding = new TreeSet<>();
        try (Stream<Path> files = Files.walk(JAVA)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                if (CJK.matcher(Files.readString(f, StandardCharsets.UTF_8)).find()) {
                    holding.add(JAVA.relativize(f).toString().replace('\\', '/'));
                }
            }
        }
        Set<String> allowed = new TreeSet<>(NOT_YET_MOVED);
        allowed.addAll(CHINESE_AS_DATA);
        assertEquals(allowed, holding,
                "Java files holding Chinese text (move the words to src/main/resources/phrases; take moved files off NOT_YET_MOVED)");
    }
}
