package org.convquiz.exercise;

/** A text in both of ConvQuiz's languages. */
public record Text(String en, String zh) {
    public static Text of(String en, String zh) {
        return new Text(en, zh);
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
