package org.convquiz.engine;

/** NCHW view of an HW / CHW / NCHW tensor, remembering the original rank to restore it. */
final class Image {
    final int n;
    final int c;
    final int h;
    final int w;
    final int rank;
    final double[] data;

    private Image(int n, int c, int h, int w, int rank, double[] data) {
        this.n = n;
        this.c = c;
        this.h = h;
        this.w = w;
        this.rank = rank;
        this.data = data;
    }

    static Image of(Tensor t, int minRank, String op) {
        int[] s = t.rawShape();
        if (s.length < minRank || s.length > 4) {
            throw EngineException.invalid(op + " expects " + (minRank == 2 ? "an H×W, C×H×W or N×C×H×W" : "a C×H×W or N×C×H×W")
                    + " input, got shape " + t.shapeString());
        }
        int r = s.length;
        return new Image(r == 4 ? s[0] : 1, r >= 3 ? s[r - 3] : 1, s[r - 2], s[r - 1], r, t.raw());
    }

    int[] inShape() {
        return shapeFor(c, h, w);
    }

    /** Shape with this image's leading layout but new channel/spatial sizes. */
    int[] shapeFor(int ch, int hh, int ww) {
        return switch (rank) {
            case 4 -> new int[] {n, ch, hh, ww};
            case 3 -> new int[] {ch, hh, ww};
            default -> new int[] {hh, ww};
        };
    }

    /** Index map of a padded axis: padded position → source position, or −1 for a zero. */
    static int[] padMap(int n, int before, int after, PaddingMode mode) {
        int[] map = new int[n + before + after];
        for (int i = 0; i < map.length; i++) {
            int src = i - before;
            if (src < 0 || src >= n) {
                switch (mode) {
                    case ZEROS -> src = -1;
                    // reflect mirrors around the edge element without repeating it
                    case REFLECT -> src = src < 0 ? -src : 2 * (n - 1) - src;
                    case REPLICATE -> src = src < 0 ? 0 : n - 1;
                    case CIRCULAR -> src = Math.floorMod(src, n);
                    default -> throw new IllegalStateException();
                }
            }
            map[i] = src;
        }
        return map;
    }

    /**
     * Padded copy as (n·c) planes of hp×wp, followed by {@code slack} zeros so that the flat
     * shifted-row trick in the conv fast path can read slightly past the last plane.
     */
    static double[] padPlanes(double[] x, int planes, int h, int w, int[] rowMap, int[] colMap, int slack) {
        int hp = rowMap.length;
        int wp = colMap.length;
        double[] out = new double[planes * hp * wp + slack];
        for (int p = 0; p < planes; p++) {
            int src = p * h * w;
            int dst = p * hp * wp;
            for (int i = 0; i < hp; i++) {
                int r = rowMap[i];
                if (r < 0) {
                    continue;
                }
                int rowSrc = src + r * w;
                int rowDst = dst + i * wp;
                for (int j = 0; j < wp; j++) {
                    int cc = colMap[j];
                    if (cc >= 0) {
                        out[rowDst + j] = x[rowSrc + cc];
                    }
                }
            }
        }
        return out;
    }
}
