package org.convquiz.exercise.answer;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.Optional;
import org.convquiz.engine.Phrase;

/**
 * An exact fraction in lowest terms with a positive denominator. Students' working is evaluated with these so
 * that {@code (104-3)/1+1} or {@code 1.96609×10^8} is never off by a rounding error.
 */
record Rational(BigInteger num, BigInteger den) {

    /** Beyond this many bits a value is no answer to a CNN exercise, and arithmetic on it could be slow. */
    private static final int MAX_BITS = 10_000;

    private static final BigInteger FIVE = BigInteger.valueOf(5);
    private static final double LOG2_5 = Math.log(5) / Math.log(2);

    static final Rational ONE = of(BigInteger.ONE);

    Rational {
        if (den.signum() == 0) {
            throw new ReadException(Phrase.of("answers.divide-by-zero"));
        }
        if (den.signum() < 0) {
            num = num.negate();
            den = den.negate();
        }
        BigInteger g = num.gcd(den);
        if (!g.equals(BigInteger.ONE) && g.signum() != 0) {
            num = num.divide(g);
            den = den.divide(g);
        }
        if (num.bitLength() + den.bitLength() > MAX_BITS) {
            throw new ReadException(Phrase.of("answers.number.large"));
        }
    }

    static Rational of(BigInteger n) {
        return new Rational(n, BigInteger.ONE);
    }

    static Rational of(BigDecimal d) {
        return d.scale() <= 0
                ? of(d.toBigIntegerExact())
                : new Rational(d.unscaledValue(), BigInteger.TEN.pow(d.scale()));
    }

    Rational add(Rational o) {
        return new Rational(num.multiply(o.den).add(o.num.multiply(den)), den.multiply(o.den));
    }

    Rational subtract(Rational o) {
        return add(o.negate());
    }

    Rational multiply(Rational o) {
        return new Rational(num.multiply(o.num), den.multiply(o.den));
    }

    Rational divide(Rational o) {
        return new Rational(num.multiply(o.den), den.multiply(o.num));
    }

    Rational negate() {
        return new Rational(num.negate(), den);
    }

    /** Raises to a whole power; the size check comes first so that {@code 10^99999999} fails fast. */
    Rational pow(int exponent) {
        long bits = (long) Math.max(num.bitLength(), den.bitLength()) * Math.abs((long) exponent);
        if (bits > MAX_BITS) {
            throw new ReadException(Phrase.of("answers.power.large"));
        }
        Rational p = new Rational(num.pow(Math.abs(exponent)), den.pow(Math.abs(exponent)));
        return exponent >= 0 ? p : ONE.divide(p);
    }

    boolean isInteger() {
        return den.equals(BigInteger.ONE);
    }

    /**
     * The value as a finite decimal, if it has one: den = 2^a·5^b gives num·2^(n−a)·5^(n−b) / 10^n with
     * n = max(a, b). Computed by one power rather than repeated division, which matters for 1e-1000.
     */
    Optional<BigDecimal> exactDecimal() {
        int twos = den.getLowestSetBit();
        BigInteger rest = den.shiftRight(twos);
        int fives = (int) Math.round(rest.bitLength() / LOG2_5);
        for (int k = Math.max(0, fives - 1); k <= fives + 1; k++) {
            if (FIVE.pow(k).equals(rest)) {
                int n = Math.max(twos, k);
                BigInteger unscaled = num.multiply(FIVE.pow(n - k)).shiftLeft(n - twos);
                return Optional.of(new BigDecimal(unscaled, n));
            }
        }
        return Optional.empty();
    }

    BigDecimal toBigDecimal(MathContext mc) {
        return new BigDecimal(num).divide(new BigDecimal(den), mc);
    }

    double toDouble() {
        // Both parts exact in a double: one correctly rounded division.
        if (num.bitLength() <= 53 && den.bitLength() <= 53) {
            return num.doubleValue() / den.doubleValue();
        }
        // A finite decimal converts with one correct rounding; otherwise 34 digits are far more than a double holds.
        return exactDecimal().orElseGet(() -> toBigDecimal(MathContext.DECIMAL128)).doubleValue();
    }

    /** "p" or "p/q". */
    @Override
    public String toString() {
        return isInteger() ? num.toString() : num + "/" + den;
    }
}
