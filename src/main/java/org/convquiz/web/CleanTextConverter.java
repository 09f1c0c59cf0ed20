package org.convquiz.web;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * The last line before PostgreSQL: every String attribute of every entity (and every query parameter
 * compared with one) goes through {@link CleanText}, so a NUL typed anywhere is stored as U+FFFD instead
 * of failing the transaction with a 500. The request filter ({@link CleanRequestFilter}) already cleans
 * what arrives over HTTP; this catches what other paths bring.
 */
@Converter(autoApply = true)
public class CleanTextConverter implements AttributeConverter<String, String> {
    @Override
    public String convertToDatabaseColumn(String attribute) {
        return CleanText.of(attribute);
    }

    @Override
    public String convertToEntityAttribute(String column) {
        return column;
    }
}
