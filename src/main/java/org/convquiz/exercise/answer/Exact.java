package org.convquiz.exercise.answer;

import java.math.BigInteger;
import java.math.MathContext;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Exact numbers for references and derivations. The engine computes in doubles, so 8 split four ways and added
 * back can print as 7.999999999999999; every value in ConvQuiz's exercises is a fraction with a small denominator
 * (integers divided by window sizes), so such a double is turned back into that fraction.
 */
public final class Exact {
    /** Window sizes and their products stay far below this; a larger denominator is not what was meant. */
    private static final long MAX_DENOMINATOR = 100_000;
    /** A decimal with this many digits after the point is floating-point noise, not something a person wrote. */
    private static final Pattern NOISY = Pattern.compile("-?\\d+\\.\\d{9,}(?:[eE][-+]?\\d+)?");

    private Exact() {
    }

    /** The sum of doubles that are small-denominator fractions, as an exact number (8, not 7.999999999999999). */
    public static ParsedAnswer.NumberAnswer sum(double[] values) {
        Rational total = Rational.of(BigInteger.ZERO);
        for (double v : values) {
            total = total.add(rational(v));
        }
        return number(total);
    }

    /** One value as an exact number: 2.5 stays 2.5, 0.3333333333333333 becomes 1/3. */
    public static ParsedAnswer.NumberAnswer number(double v) {
        return number(rational(v));
    }

    /** A value as text: "8", "2.5", "10/3". */
    public static String format(double v) {
        Rational r = rational(v);
        return r.exactDecimal().map(d -> d.stripTrailingZeros().toPlainString()).orElse(r.toString());
    }

    /** Rewrites noisy decimals in a derivation's text ("6.999999999999998" → "7", "0.33333333333" → "1/3"). */
    public static String clean(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        Matcher m = NOISY.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(format(Double.parseDouble(m.group()))));
        }
        m.appendTail(out);
        return out.toString();
    }

    static ParsedAnswer.NumberAnswer number(Rational r) {
        return r.exactDecimal()
                .map(d -> new ParsedAnswer.NumberAnswer(d, null, r.toDouble()))
                .orElseGet(() -> new ParsedAnswer.NumberAnswer(r.toBigDecimal(MathContext.DECIMAL128), r.toString(), r.toDouble()));
    }

    /** The fraction with the smallest denominator within a relative 1e-9 of v (continued fractions), or v itself. */
    static Rational rational(double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("not a finite number: " + v);
        }
        double x = Math.abs(v);
        long h0 = 0, h1 = 1, k0 = 1, k1 = 0;
        double rest = x;
        for (int i = 0; i < 40; i++) {
            double a = Math.floor(rest);
            if (a > 1e15) {
                break;
            }
            long h2 = (long) a * h1 + h0;
            long k2 = (long) a * k1 + k0;
            if (k2 > MAX_DENOMINATOR) {
                break;
            }
            h0 = h1;
            h1 = h2;
            k0 = k1;
            k1 = k2;
            if (Math.abs((double) h1 / k1 - x) <= 1e-9 * Math.max(1, x)) {
                Rational r = new Rational(BigInteger.valueOf(h1), BigInteger.valueOf(k1));
                return v < 0 ? r.negate() : r;
            }
            double frac = rest - a;
            if (frac == 0) {
                break;
            }
            rest = 1 / frac;
        }
        return Rational.of(new java.math.BigDecimal(Double.toString(v)));
    }
}
