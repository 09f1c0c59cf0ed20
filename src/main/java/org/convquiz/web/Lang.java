package org.convquiz.web;

import java.util.Locale;
import java.util.Optional;

/** The two languages ConvQuiz speaks, and how a request's choice is read. */
public enum Lang {
    EN("en"),
    ZH("zh");

    public static final String COOKIE = "lang";
    public static final String PARAM = "lang";

    private final String tag;

    Lang(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }

    public Locale locale() {
        return Locale.forLanguageTag(tag);
    }

    /** "zh", "zh-CN", "ZH_tw" → ZH; anything unknown → empty. */
    public static Optional<Lang> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String primary = value.trim().toLowerCase(Locale.ROOT).split("[-_]")[0];
        for (Lang lang : values()) {
            if (lang.tag.equals(primary)) {
                return Optional.of(lang);
            }
        }
        return Optional.empty();
    }

    /** The request's language, as chosen by {@link LanguageFilter} (written into Accept-Language). */
    public static Lang of(jakarta.ws.rs.core.HttpHeaders headers) {
        return headers.getAcceptableLanguages().stream().map(Lang::of).findFirst().orElse(EN);
    }

    public static Lang of(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage()) ? ZH : EN;
    }
}
