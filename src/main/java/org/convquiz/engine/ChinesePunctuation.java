package org.convquiz.engine;

/**
 * Chinese derivation text reads as Chinese: the engine writes its steps with ASCII punctuation (":", ",", ";",
 * "(…)"), which next to Chinese characters become full-width (：，；（…）). Punctuation between Latin letters,
 * digits and formulas ("(4, 102)", "c_i/g") stays as it is.
 */
public final class ChinesePunctuation {
    private ChinesePunctuation() {
    }

    /** The text with ASCII punctuation next to Chinese made full-width; text without Chinese is returned as it is. */
    public static String apply(String text) {
        if (text == null || text.codePoints().noneMatch(ChinesePunctuation::isCjk)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        java.util.ArrayDeque<Boolean> open = new java.util.ArrayDeque<>();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean nearCjk = isCjk(before(text, i)) || isCjk(after(text, i));
            switch (c) {
                case '(' -> {
                    // "位置(max id)" is an aside; "输出 (4, 102)" is a tuple after a blank
                    open.push((i > 0 && isCjk(text.charAt(i - 1))) || containsCjkUntilClose(text, i));
                    out.append(open.peek() ? '（' : '(');
                }
                case ')' -> out.append(!open.isEmpty() && open.pop() ? '）' : ')');
                case ':' -> out.append(nearCjk ? '：' : ':');
                case ',' -> out.append(nearCjk ? '，' : ',');
                case ';' -> out.append(nearCjk ? '；' : ';');
                default -> {
                    // no blank after a full-width mark: "：每" not "： 每"
                    if (c == ' ' && out.length() > 0 && "：，；（".indexOf(out.charAt(out.length() - 1)) >= 0) {
                        continue;
                    }
                    out.append(c);
                }
            }
        }
        return out.toString();
    }

    /** The nearest non-blank character before position i (0 if none). */
    private static int before(String s, int i) {
        for (int j = i - 1; j >= 0; j--) {
            if (s.charAt(j) != ' ') {
                return s.charAt(j);
            }
        }
        return 0;
    }

    private static int after(String s, int i) {
        for (int j = i + 1; j < s.length(); j++) {
            if (s.charAt(j) != ' ') {
                return s.charAt(j);
            }
        }
        return 0;
    }

    private static boolean containsCjkUntilClose(String s, int open) {
        int depth = 0;
        for (int j = open; j < s.length(); j++) {
            char c = s.charAt(j);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return false;
            } else if (isCjk(c)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isCjk(int c) {
        return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF);
    }
}
