package org.convquiz.gradebook;

import io.quarkus.qute.TemplateExtension;
import java.util.ArrayList;
import java.util.List;
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

    /** A discrimination index as shown: "+0.5", "−0.25", "0". */
    static String signed(double v) {
        String text = points(Math.abs(v));
        return v > 0 ? "+" + text : v < 0 ? "−" + text : text;
    }

    /** One bar of a score histogram, in the SVG's coordinates (bars stand on y = 120, the tallest 100 high). */
    public record Bar(int x, int y, int height, long count, String label) {
    }

    static List<Bar> bars(Analytics.PartAnalytics part) {
        long max = part.histogram().stream().mapToLong(Long::longValue).max().orElse(0);
        List<Bar> out = new ArrayList<>();
        for (int i = 0; i < part.histogram().size(); i++) {
            long n = part.histogram().get(i);
            int height = max == 0 ? 0 : (int) Math.round(100.0 * n / max);
            out.add(new Bar(30 + 60 * i, 120 - height, height, n, bucket(i)));
        }
        return out;
    }

    /** "0–20 %" … "80–100 %". */
    static String bucket(int i) {
        int width = 100 / Analytics.BUCKETS;
        return (i * width) + "–" + ((i + 1) * width) + " %";
    }

    /** The histogram's numbers for its text alternative: "0–20 %: 1; 20–40 %: 0; …". */
    static String histogramText(Analytics.PartAnalytics part) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < part.histogram().size(); i++) {
            out.add(bucket(i) + ": " + part.histogram().get(i));
        }
        return String.join("; ", out);
    }

    /** How hot a heat-map cell is, 0 (none) to 4 (as often as the most frequent cell of the page). */
    static int heat(Long count, long max) {
        return count == null || count == 0 || max == 0 ? 0 : (int) Math.max(1, Math.ceil(4.0 * count / max));
    }
}
