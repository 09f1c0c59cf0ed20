package org.convquiz.exercise;

import org.convquiz.engine.Phrase;

/** A text in both of ConvQuiz's languages. */
public record Text(String en, String zh) {
    public static Text of(String en, String zh) {
        return new Text(en, zh);
    }

    /** A phrase said in both languages (the words are in the phrase files, see {@link Phrase}). */
    public static Text of(Phrase phrase) {
        return new Text(phrase.en(), phrase.zh());
    }

    /** The phrase of a key filled with arguments, in both languages. */
    public static Text phrase(String key, Object... args) {
        return of(Phrase.of(key, args));
    }

    /** The text in a language tag ("zh" or anything else for English); falls back to the other language. */
    public String in(String lang) {
        String chosen = "zh".equals(lang) ? zh : en;
        return chosen == null || chosen.isBlank() ? ("zh".equals(lang) ? en : zh) : chosen;
    }

    public boolean isComplete() {
        return en != null && !en.isBlank() && zh != null && !zh.isBlank();
    }
}
