package org.convquiz.gradebook;

/**
 * Text cells of an exported CSV, made safe for spreadsheets: a cell that starts with = + - @, a tab
 * or a carriage return would be read as a formula (CSV injection, OWASP); it gets a leading
 * apostrophe so the spreadsheet shows it as the text it is.
 */
final class CsvCells {
    /** The first characters that make a spreadsheet read a cell as a formula. */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private CsvCells() {
    }

    static String safe(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        return FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    /**
     * The same rule as a PostgreSQL expression over a text expression, for the export PostgreSQL writes itself
     * (COPY). {@code ascii} reads the first character's code point (0 for '', null for null, which stays null).
     */
    static String sql(String expression) {
        String codes = FORMULA_STARTS.chars().mapToObj(Integer::toString).collect(java.util.stream.Collectors.joining(", "));
        return "case when ascii(" + expression + ") in (" + codes + ") then '''' || " + expression + " else " + expression + " end";
    }
}
