package org.convquiz.gradebook;

/**
 * Text cells of an exported CSV, made safe for spreadsheets: a cell that starts with = + - @, a tab
 * or a carriage return would be read as a formula (CSV injection, OWASP); it gets a leading
 * apostrophe so the spreadsheet shows it as the text it is.
 */
final class CsvCells {
    private CsvCells() {
    }

    static String safe(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r' ? "'" + text : text;
    }
}
