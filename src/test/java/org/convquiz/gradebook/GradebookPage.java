package org.convquiz.gradebook;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a served gradebook page the way a student list is seen: its rows' user names and its paging links. */
final class GradebookPage {
    private static final Pattern ROW = Pattern.compile("<th scope=\"row\">(?:<a [^>]*>)?[^<]*(?:</a>)? <span class=\"muted\">\\(([^)]+)\\)</span>");
    private static final Pattern LINK = Pattern.compile("<a rel=\"(prev|next)\" href=\"([^\"]+)\"");

    private GradebookPage() {
    }

    /** The user names of the page's student rows, top to bottom. */
    static List<String> usernames(String page) {
        List<String> out = new ArrayList<>();
        Matcher m = ROW.matcher(page);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** The address of the page's {@code prev} or {@code next} link, or null if it has none. */
    static String link(String page, String rel) {
        Matcher m = LINK.matcher(page);
        while (m.find()) {
            if (m.group(1).equals(rel)) {
                return m.group(2).replace("&amp;", "&");
            }
        }
        return null;
    }
}
