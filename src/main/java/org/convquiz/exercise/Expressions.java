package org.convquiz.exercise;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import org.apache.commons.jexl3.JexlBuilder;
import org.apache.commons.jexl3.JexlEngine;
import org.apache.commons.jexl3.JexlException;
import org.apache.commons.jexl3.JexlExpression;
import org.apache.commons.jexl3.MapContext;
import org.apache.commons.jexl3.introspection.JexlPermissions;

/**
 * Arithmetic and comparisons over an exercise's integer parameters ({@code n + 2 * p >= k},
 * {@code (k - 1) / 2}), evaluated by Apache Commons JEXL with no access to Java classes.
 */
final class Expressions {
    private static final JexlEngine JEXL = new JexlBuilder()
            .permissions(JexlPermissions.RESTRICTED)
            .strict(true)
            .silent(false)
            .safe(false)
            .cache(512)
            .create();

    private Expressions() {
    }

    /** Checks the syntax; returns the parse error's message, or null when the expression is well formed. */
    static String syntaxError(String source) {
        try {
            JEXL.createExpression(source);
            return null;
        } catch (JexlException e) {
            return e.getMessage();
        }
    }

    static Object evaluate(String source, Map<String, Integer> values) {
        try {
            JexlExpression expression = JEXL.createExpression(source);
            return expression.evaluate(new MapContext(Map.copyOf(values)));
        } catch (JexlException e) {
            throw new IllegalArgumentException("cannot evaluate '" + source + "': " + cleanMessage(e), e);
        }
    }

    static boolean isTrue(String source, Map<String, Integer> values) {
        Object result = evaluate(source, values);
        if (result instanceof Boolean b) {
            return b;
        }
        throw new IllegalArgumentException("constraint '" + source + "' is not a comparison (it gave " + result + ")");
    }

    /** An integer-valued expression; a fraction or a non-number is an error. */
    static int integer(String source, Map<String, Integer> values) {
        Object result = evaluate(source, values);
        if (result instanceof Integer || result instanceof Long || result instanceof Short || result instanceof BigInteger) {
            return Math.toIntExact(((Number) result).longValue());
        }
        if (result instanceof Number n && new BigDecimal(n.toString()).stripTrailingZeros().scale() <= 0) {
            return Math.toIntExact(n.longValue());
        }
        throw new IllegalArgumentException("'" + source + "' must give a whole number, but gave " + result);
    }

    private static String cleanMessage(JexlException e) {
        // JEXL prefixes its messages with the engine's class and a position; keep the words.
        return e.getMessage().replaceFirst("^\\S*@\\S*\\s*", "");
    }
}
