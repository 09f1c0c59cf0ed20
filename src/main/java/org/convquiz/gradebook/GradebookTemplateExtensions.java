package org.convquiz.gradebook;

import io.quarkus.qute.TemplateExtension;
import java.util.Map;
import java.util.stream.Collectors;
import org.convquiz.exercise.Grader;

/** Display values of the gradebook pages. */
@TemplateExtension
public final class GradebookTemplateExtensions {
    private GradebookTemplateExtensions() {
    }

    /** 3.0 → "3", 2.5 → "2.5". */
    static String points(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.valueOf(Grader.round(v));
    }

    /** A query-string value (a username, a filter) as it goes into a link. */
    static String urlEncode(String value) {
        return java.net.URLEncoder.encode(value == null ? "" : value, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The most named mistakes, by the names students see in the page's language: "Forgot the + 1 × 12, …". */
    static String mistakesText(GradebookService.PartStats stats, String lang) {
        Map<String, Long> named = stats.misconceptions();
        return named.isEmpty() ? "—" : named.entrySet().stream().limit(3)
                .map(e -> org.convquiz.exercise.Misconception.parse(e.getKey()).map(m -> m.title().in(lang)).orElse(e.getKey())
                        + " × " + e.getValue()).collect(Collectors.joining("zh".equals(lang) ? "；" : "; "));
    }

    /** Comma-separated misconception ids as students see them in the page's language ("—" for none). */
    static String mistakes(StudentRecord.Answer answer, String lang) {
        return mistakeNames(answer.misconceptions(), lang);
    }

    static String mistakeNames(String ids, String lang) {
        if (ids == null || ids.isBlank()) {
            return "—";
        }
        return java.util.Arrays.stream(ids.split(",")).map(String::strip).filter(id -> !id.isEmpty())
                .map(id -> org.convquiz.exercise.Misconception.parse(id).map(m -> m.title().in(lang)).orElse(id))
                .collect(Collectors.joining("zh".equals(lang) ? "；" : "; "));
    }

    /** A 0-based position as people count: 0 → 1. */
    static int plusOne(int position) {
        return position + 1;
    }
}
