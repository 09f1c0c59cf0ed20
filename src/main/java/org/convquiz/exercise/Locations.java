package org.convquiz.exercise;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each value of a YAML document starts, by JSON pointer ("/parts/0/quantity" → line 23,
 * column 15), so that errors found after binding can still name a line and column.
 */
final class Locations {
    private final Map<String, JsonLocation> byPointer = new HashMap<>();
    private final Map<String, JsonLocation> keyByPointer = new HashMap<>();

    private Locations() {
    }

    static Locations of(String yaml) {
        Locations locations = new Locations();
        try (JsonParser parser = new YAMLFactory().createParser(yaml)) {
            locations.walk(parser);
        } catch (IOException e) {
            // A syntax error is reported by the binder with its own location; keep what was indexed.
        }
        return locations;
    }

    private void walk(JsonParser parser) throws IOException {
        Deque<Object> path = new ArrayDeque<>(); // String field names and int[] array counters
        JsonToken token;
        while ((token = parser.nextToken()) != null) {
            if (token == JsonToken.FIELD_NAME) {
                path.push(parser.currentName());
                keyByPointer.putIfAbsent(pointer(path), parser.currentTokenLocation());
                continue;
            }
            if (!path.isEmpty() && path.peek() instanceof int[] counter) {
                path.pop();
                path.push(new int[] {counter[0] + 1});
            }
            if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                if (token == JsonToken.END_ARRAY) {
                    path.pop(); // the counter
                }
                if (!path.isEmpty() && path.peek() instanceof String) {
                    path.pop(); // the field this container was the value of
                }
                continue;
            }
            byPointer.putIfAbsent(pointer(path), parser.currentTokenLocation());
            if (token == JsonToken.START_ARRAY) {
                path.push(new int[] {-1});
            } else if (token != JsonToken.START_OBJECT && !path.isEmpty() && path.peek() instanceof String) {
                path.pop(); // a scalar field value is complete
            }
        }
    }

    private static String pointer(Deque<Object> path) {
        StringBuilder b = new StringBuilder();
        var it = path.descendingIterator();
        while (it.hasNext()) {
            Object part = it.next();
            b.append('/').append(part instanceof int[] counter ? String.valueOf(counter[0]) : part);
        }
        return b.toString();
    }

    /** "line:column" of the key of the field at the pointer (where an unknown field is written), else as {@link #at}. */
    String atKey(String pointer) {
        JsonLocation location = keyByPointer.get(pointer);
        return location != null ? location.getLineNr() + ":" + location.getColumnNr() : at(pointer);
    }

    /** "line:column" of the value at the pointer, or of its nearest indexed ancestor. */
    String at(String pointer) {
        for (String p = pointer; ; p = p.substring(0, p.lastIndexOf('/'))) {
            JsonLocation location = byPointer.get(p);
            if (location != null) {
                return location.getLineNr() + ":" + location.getColumnNr();
            }
            if (p.isEmpty()) {
                return "1:1";
            }
        }
    }
}
