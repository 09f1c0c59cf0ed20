package org.convquiz.exercise;

import java.util.Collection;
import java.util.Comparator;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** "did you mean …?" for misspelt names. */
public final class Names {
    private Names() {
    }

    /** " — did you mean 'output_shape'?" when a known name is close enough, else "". */
    public static String suggest(String given, Collection<String> known) {
        if (given == null) {
            return "";
        }
        LevenshteinDistance distance = LevenshteinDistance.getDefaultInstance();
        return known.stream()
                .filter(k -> k != null) // a broken file can hold a null name (e.g. an empty key); it suggests nothing
                .min(Comparator.comparingInt(k -> distance.apply(given, k)))
                .filter(k -> distance.apply(given, k) <= Math.max(2, given.length() / 3))
                .map(k -> " — did you mean '" + k + "'?")
                .orElse("");
    }
}
