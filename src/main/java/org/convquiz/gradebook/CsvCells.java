package org.convquiz.gradebook;

/**
 * Text cells of an exported CSV, made safe for spreadsheets: a cell that starts with = + - @, a tab
 * or a carriage return would be read as a formula (CSV injection, OWASP); it gets a leading
 * apostrophe so the spreadsheet shows it as the text it is. The detail export applies the same rule in SQL
 * ({@code export_csv_text}, migration V23); ExportTest holds the two together.
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
}
