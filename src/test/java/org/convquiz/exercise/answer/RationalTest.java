package org.convquiz.exercise.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RationalTest {

    private static Rational r(long p, long q) {
        return new Rational(BigInteger.valueOf(p), BigInteger.valueOf(q));
    }

    @Test
    void keptInLowestTermsWithPositiveDenominator() {
        assertEquals(r(-10, 3), r(20, -6));
        assertEquals("-10/3", r(20, -6).toString());
        assertEquals("0", r(0, -7).toString());
        assertEquals(r(1, 2), r(1, 3).add(r(1, 6)));
        assertEquals(r(1, 6), r(1, 2).subtract(r(1, 3)));
        assertEquals(r(1, 8), r(2, 1).pow(-3));
        assertThrows(ReadException.class, () -> r(1, 0));
    }

    @Test
    void finiteDecimalsAreFoundExactly() {
        assertEquals(Optional.of(new BigDecimal("0.125")), r(1, 8).exactDecimal());
        assertEquals(Optional.of(new BigDecimal("0.075")), r(3, 40).exactDecimal());
        assertEquals(Optional.of(new BigDecimal("-0.0016")), r(-1, 625).exactDecimal());
        assertEquals(Optional.of(new BigDecimal("7")), r(7, 1).exactDecimal().map(BigDecimal::stripTrailingZeros));
        assertEquals(Optional.empty(), r(1, 3).exactDecimal());
        assertEquals(Optional.empty(), r(1, 15).exactDecimal());
        Rational tiny = Rational.of(new BigDecimal("1e-1000"));
        assertEquals(0, new BigDecimal("1e-1000").compareTo(tiny.exactDecimal().orElseThrow()));
    }

    @Test
    void doublesAreCorrectlyRounded() {
        assertEquals(0.1, r(1, 10).toDouble());
        assertEquals(1.0 / 3, r(1, 3).toDouble());
        assertEquals(1e-300, Rational.of(new BigDecimal("1e-300")).toDouble());
        assertEquals(Double.POSITIVE_INFINITY, Rational.of(BigInteger.TEN.pow(400)).toDouble());
    }

    @Test
    void hostileInputStaysFast() {
        String tensor = "1e-1000 ".repeat(2000);
        String sum = "+1e-999".repeat(2000).substring(1);
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            assertInstanceOf(ParseOutcome.Ok.class, AnswerParser.parse(AnswerKind.TENSOR, tensor, List.of()));
            ParseOutcome outcome = AnswerParser.parse(AnswerKind.NUMBER, sum, List.of());
            assertTrue(outcome instanceof ParseOutcome.Ok || outcome instanceof ParseOutcome.Unreadable);
            assertInstanceOf(ParseOutcome.Unreadable.class, AnswerParser.parse(AnswerKind.INTEGER, "9^9999*".repeat(2500) + "9", List.of()));
        });
    }
}
