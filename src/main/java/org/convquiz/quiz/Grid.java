package org.convquiz.quiz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Matrix answers typed cell by cell: the cells of a grid to one answer text and back. */
final class Grid {
    private Grid() {
    }

    /** The cells a form sent for one part ("name.r.c" fields) as "[[a, b], [c, d]]"; null when the part has no cells. */
    static String join(Map<String, List<String>> form, String name) {
        int rows = 0;
        int cols = 0;
        for (String key : form.keySet()) {
            if (key.startsWith(name + ".")) {
                String[] rc = key.substring(name.length() + 1).split("\\.");
                if (rc.length == 2 && rc[0].matches("\\d{1,3}") && rc[1].matches("\\d{1,3}")) {
                    rows = Math.max(rows, Integer.parseInt(rc[0]) + 1);
                    cols = Math.max(cols, Integer.parseInt(rc[1]) + 1);
                }
            }
        }
        if (rows == 0) {
            return null;
        }
        StringBuilder out = new StringBuilder("[");
        boolean any = false;
        for (int r = 0; r < rows; r++) {
            out.append(r == 0 ? "[" : ", [");
            for (int c = 0; c < cols; c++) {
                List<String> v = form.get(name + "." + r + "." + c);
                String cell = v == null || v.isEmpty() ? "" : v.get(0).trim();
                any |= !cell.isEmpty();
                out.append(c == 0 ? "" : ", ").append(cell.isEmpty() ? "?" : cell);
            }
            out.append(']');
        }
        return any ? out.append(']').toString() : "";
    }

    /** A stored answer text back into cells, when it has exactly this grid's shape; otherwise empty cells. */
    static List<List<String>> split(String value, int rows, int cols) {
        List<List<String>> out = new ArrayList<>();
        String[] numbers = value == null ? new String[0] : value.replaceAll("[\\[\\]]", " ").trim().split("[\\s,]+");
        boolean fits = numbers.length == rows * cols && !value.isBlank();
        for (int r = 0; r < rows; r++) {
            List<String> row = new ArrayList<>();
            for (int c = 0; c < cols; c++) {
                row.add(fits ? numbers[r * cols + c].replace("?", "") : "");
            }
            out.add(row);
        }
        return out;
    }
}
