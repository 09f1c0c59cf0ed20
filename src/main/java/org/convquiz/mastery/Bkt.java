package org.convquiz.mastery;

/**
 * Bayesian Knowledge Tracing (Corbett &amp; Anderson, 1995) for one student and one concept, with partial credit.
 * The estimate {@code L} is the probability that the student knows the concept; it starts at {@code pInit}.
 * One graded answer with credit {@code c} (the fraction of the part's points, 0 ≤ c ≤ 1) updates it:
 *
 * <pre>
 *   P(L | right) = L(1 − S) / (L(1 − S) + (1 − L)G)
 *   P(L | wrong) = L·S      / (L·S + (1 − L)(1 − G))
 *   posterior    = c·P(L | right) + (1 − c)·P(L | wrong)
 *   L'           = posterior + (1 − posterior)·T
 * </pre>
 *
 * where {@code S} is the slip probability (knows it, answers wrong), {@code G} the guess probability (does not
 * know it, answers right) and {@code T} the probability of learning it at this opportunity. With c = 1 or c = 0
 * this is the classic model; a half-right answer is half the evidence of each. A concept is mastered once
 * {@code L ≥ mastered}.
 */
public record Bkt(double pInit, double pLearn, double pSlip, double pGuess, double mastered) {
    public Bkt {
        for (double p : new double[] {pInit, pLearn, pSlip, pGuess, mastered}) {
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("BKT probabilities lie in [0, 1]: " + p);
            }
        }
        if (pSlip + pGuess >= 1) {
            throw new IllegalArgumentException("slip + guess must be below 1, or an answer says nothing: " + pSlip + " + " + pGuess);
        }
    }

    /** The estimate after one answer with credit {@code credit} (clamped to [0, 1]), from the estimate {@code known} before it. */
    public double update(double known, double credit) {
        double c = Math.max(0, Math.min(1, credit));
        double right = known * (1 - pSlip) / (known * (1 - pSlip) + (1 - known) * pGuess);
        double wrong = known * pSlip / (known * pSlip + (1 - known) * (1 - pGuess));
        double posterior = c * right + (1 - c) * wrong;
        return posterior + (1 - posterior) * pLearn;
    }

    public boolean isMastered(double known) {
        return known >= mastered - 1e-12;
    }
}
