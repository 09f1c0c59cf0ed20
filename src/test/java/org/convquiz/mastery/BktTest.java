package org.convquiz.mastery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Posteriors worked by hand with P(L0) = 0.2, P(T) = 0.15, P(S) = 0.1, P(G) = 0.2 (the defaults). */
class BktTest {
    private final Bkt bkt = new Bkt(0.2, 0.15, 0.1, 0.2, 0.95);

    @Test
    void aRightAnswerFromTheStart() {
        // P(L|right) = 0.2·0.9 / (0.2·0.9 + 0.8·0.2) = 0.18 / 0.34 = 9/17; L' = 9/17 + (8/17)·0.15 = 0.6
        assertEquals(0.6, bkt.update(0.2, 1), 1e-12);
    }

    @Test
    void aWrongAnswerFromTheStart() {
        // P(L|wrong) = 0.2·0.1 / (0.2·0.1 + 0.8·0.8) = 0.02 / 0.66 = 1/33; L' = 1/33 + (32/33)·0.15 = 0.175757…
        assertEquals(1.0 / 33 + 32.0 / 33 * 0.15, bkt.update(0.2, 0), 1e-12);
        assertEquals(0.1757576, bkt.update(0.2, 0), 1e-7);
    }

    @Test
    void halfCreditIsHalfTheEvidenceOfEach() {
        // posterior = (9/17 + 1/33)/2 = 157/561 = 0.279857…; L' = 0.15 + 0.85·157/561 = 0.387879…
        assertEquals(0.3878788, bkt.update(0.2, 0.5), 1e-7);
    }

    @Test
    void threeRightAnswersMasterAConceptTwoDoNot() {
        // 0.6 → 0.54/0.62 = 0.870968 → +0.129032·0.15 = 0.890323 → 0.801290/0.823226 = 0.973354 → 0.977351
        double l = bkt.update(bkt.update(0.2, 1), 1);
        assertEquals(0.890323, l, 1e-6);
        assertFalse(bkt.isMastered(l));
        l = bkt.update(l, 1);
        assertEquals(0.977351, l, 1e-6);
        assertTrue(bkt.isMastered(l));
    }

    @Test
    void creditOutsideZeroToOneIsClamped() {
        assertEquals(bkt.update(0.2, 1), bkt.update(0.2, 3), 1e-15);
        assertEquals(bkt.update(0.2, 0), bkt.update(0.2, -1), 1e-15);
    }

    @Test
    void nonsenseParametersAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Bkt(1.2, 0.1, 0.1, 0.2, 0.95));
        assertThrows(IllegalArgumentException.class, () -> new Bkt(0.2, 0.1, 0.5, 0.5, 0.95));
    }
}
