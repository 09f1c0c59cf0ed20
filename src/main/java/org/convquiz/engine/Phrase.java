package org.convquiz.engine;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * A sentence for a student, named by its key in the phrase files with the numbers and names that fill it: the code
 * says what happened, {@code src/main/resources/phrases/<file>.properties} (English) and {@code <file>_zh.properties}
 * (Chinese) say it. Patterns are {@link MessageFormat}s ({@code {0}}, {@code {1}}; a literal apostrophe is written
 * {@code ''}); an argument may itself be a phrase ("output height"), which is said in the same language. Arguments are
 * kept as text (numbers are formatted by the caller, e.g. {@link Fmt#num}), so MessageFormat adds no grouping.
 *
 * @param key  the key, unique across the phrase files (prefixed by the file's area, e.g. {@code shape.out.height})
 * @param args the values that fill {@code {0}}, {@code {1}}, … (String or Phrase)
 */
public record Phrase(String key, List<Object> args) {
    /** The phrase files, searched in this order for a key. */
    static final List<String> FILES = List.of("engine", "exercise", "answers", "grading", "pages");

    public Phrase {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("a phrase needs a key");
        }
        args = List.copyOf(args.stream().map(a -> a instanceof Phrase ? a : String.valueOf(a)).toList());
    }

    public static Phrase of(String key, Object... args) {
        return new Phrase(key, Arrays.asList(args));
    }


    /** The phrase in English. */
    public String en() {
        return in(Locale.ROOT);
    }

    /** The phrase in Chinese. */
    public String zh() {
        return in(Locale.CHINESE);
    }

    /** The phrase in a language tag ("zh" or anything else for English). */
    public String in(String lang) {
        return "zh".equals(lang) ? zh() : en();
    }

    private String in(Locale locale) {
        List<Object> filled = new ArrayList<>(args.size());
        for (Object a : args) {
            filled.add(a instanceof Phrase p ? p.in(locale) : a);
        }
        return new MessageFormat(pattern(key, locale), Locale.ROOT).format(filled.toArray());
    }

    /** The pattern of a key in a language; a key no file has is a programming error, named. */
    static String pattern(String key, Locale locale) {
        for (String file : FILES) {
            ResourceBundle bundle = bundle(file, locale);
            if (bundle != null && bundle.containsKey(key)) {
                return bundle.getString(key);
            }
        }
        throw new MissingResourceException("no phrase file has the key " + key, Phrase.class.getName(), key);
    }

    static ResourceBundle bundle(String file, Locale locale) {
        try {
            // no fallback to the machine's default locale: English is the root file, Chinese the _zh one
            return ResourceBundle.getBundle("phrases." + file, locale, Phrase.class.getClassLoader(),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        } catch (MissingResourceException e) {
            return null;
        }
    }
}
