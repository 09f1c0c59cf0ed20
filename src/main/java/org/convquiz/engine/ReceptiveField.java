package org.convquiz.engine;

/**
 * Receptive field along one axis, in input pixels.
 *
 * @param size  r: how many input pixels one output element sees
 * @param jump  j: distance in input pixels between adjacent output elements
 * @param start centre of the first output element's receptive field (input pixel k's centre is k + 0.5)
 */
public record ReceptiveField(int size, int jump, double start) {
    /** An input pixel sees itself: r = 1, j = 1, centre 0.5. */
    public static ReceptiveField input() {
        return new ReceptiveField(1, 1, 0.5);
    }

    /**
     * A conv/pool layer with kernel k, stride s, padding p (before) and dilation d:
     * k_eff = d(k − 1) + 1, j_out = j_in·s, r_out = r_in + (k_eff − 1)·j_in,
     * start_out = start_in + ((k_eff − 1)/2 − p)·j_in.
     */
    public ReceptiveField next(int k, int s, int p, int d) {
        // In long: many strided layers multiply the jump past an int, which must be a message, not a wrapped number.
        long keff = (long) d * (k - 1) + 1;
        return new ReceptiveField(Shapes.fit(size + (keff - 1) * jump), Shapes.fit((long) jump * s),
                start + ((keff - 1) / 2.0 - p) * jump);
    }
}
