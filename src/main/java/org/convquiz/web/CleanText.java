package org.convquiz.web;

/**
 * What a user typed, made storable: NUL (which PostgreSQL's text type cannot hold) and lone UTF-16
 * surrogates (which have no UTF-8 form) become U+FFFD, the Unicode replacement character. Everything
 * else, including right-to-left marks and other invisible characters, is kept as typed.
 */
public final class CleanText {
    public static final char REPLACEMENT = '\uFFFD';

    private CleanText() {
    }

    /** The same string when there is nothing to replace (the common case allocates nothing). */
    public static String of(String s) {
        if (s == null || isClean(s)) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0) {
                out.append(REPLACEMENT);
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                out.append(c).append(s.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                out.append(REPLACEMENT);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    public static boolean isClean(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0) {
                return false;
            }
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    return false;
                }
            }
        }
        return true;
    }
}
