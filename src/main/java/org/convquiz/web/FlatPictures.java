package org.convquiz.web;

import org.convquiz.engine.Phrase;

/**
 * Pictures for a flatten and a dense layer, where there are sizes but no numbers to draw in cells:
 * <ul>
 * <li>flatten: channel 0 of the input with its rows tinted in turn; once the answer may be shown, the vector it
 * becomes, its first two rows laid end to end, with the distance between a pixel and the one below it;</li>
 * <li>a dense layer on a flattened input: the input's vector, the outputs, and a link from every input to every
 * output; the weight count is written out only once the answer may be shown.</li>
 * </ul>
 * SVG text is numbers and symbols only; what the picture shows is said in the page's language by its label.
 */
final class FlatPictures {
    private static final int CELL = 18;
    private static final int MAX = 10;
    private static final int TOP = 26;

    private FlatPictures() {
    }

    /** Flattening a C×H×W input row by row. */
    static Pictures.Picture flatten(int[] shape, boolean revealed, String lang) {
        int c = shape[shape.length - 3];
        int h = shape[shape.length - 2];
        int w = shape[shape.length - 1];
        int rows = Math.min(h, MAX);
        int cols = Math.min(w, MAX);
        StringBuilder b = new StringBuilder();
        b.append(Pictures.Svg.text(Math.max(cols * CELL / 2, 50), 16, "X " + c + "×" + h + "×" + w, "label"));
        for (int r = 0; r < rows; r++) {
            for (int col = 0; col < cols; col++) {
                b.append(Pictures.Svg.rect(col * CELL, TOP + r * CELL, CELL, CELL, r % 2 == 0 ? "cell" : "cell row-b"));
            }
        }
        b.append(Pictures.Svg.rect(0, TOP, CELL, CELL, "target"));
        if (h > 1) {
            b.append(Pictures.Svg.rect(0, TOP + CELL, CELL, CELL, "target"));
        }
        if (w > cols) {
            b.append(Pictures.Svg.text(cols * CELL + 12, TOP + rows * CELL / 2 + 6, "⋯", "op"));
        }
        if (h > rows) {
            b.append(Pictures.Svg.text(cols * CELL / 2, TOP + rows * CELL + 16, "⋮", "op"));
        }
        int bottom = TOP + rows * CELL + (h > rows ? 22 : 8);
        int width = cols * CELL + (w > cols ? 26 : 4);
        if (revealed) {
            // the vector: row 0 then row 1 of channel 0, end to end; the pixel below (0, 0) is w places later
            int y = bottom + 24;
            long n = (long) c * h * w;
            b.append(Pictures.Svg.text(0, y - 8, "x " + n, "label").replace("text-anchor=\"middle\"", "text-anchor=\"start\""));
            int x = 0;
            for (int r = 0; r < Math.min(h, 2); r++) {
                for (int col = 0; col < cols; col++) {
                    String cls = col == 0 ? "target" : r % 2 == 0 ? "cell" : "cell row-b";
                    b.append(Pictures.Svg.rect(x, y, CELL, CELL, cls));
                    x += CELL;
                }
                if (w > cols) {
                    b.append(Pictures.Svg.text(x + 10, y + 14, "…", "note"));
                    x += 20;
                }
            }
            b.append(Pictures.Svg.text(x + 12, y + 14, "…", "note"));
            if (h > 1) {
                int to = (w > cols ? cols * CELL + 20 : w * CELL);
                b.append("<path class=\"bracket\" d=\"M").append(CELL / 2).append(' ').append(y + CELL + 2).append(" v6 H")
                        .append(to + CELL / 2).append(" v-6\"/>");
                b.append(Pictures.Svg.text((to + CELL) / 2, y + CELL + 24, "+" + w, "note"));
            }
            bottom = y + CELL + 30;
            width = Math.max(width, x + 26);
        }
        String label = Phrase.of(revealed ? "pages.picture.flatten.shown" : "pages.picture.flatten", c + "×" + h + "×" + w).in(lang);
        return new Pictures.Picture(ShapePictures.svg(width, bottom + 4, label, b), Phrase.of("pages.picture.flatten.caption").in(lang));
    }

    /** A dense layer of {@code out} outputs on a C×H×W input flattened. */
    static Pictures.Picture dense(int[] shape, int out, boolean bias, boolean revealed, String lang) {
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        String size = String.join("×", java.util.Arrays.stream(shape).mapToObj(Integer::toString).toList());
        StringBuilder b = new StringBuilder();
        b.append(Pictures.Svg.text(100, 16, "x " + size + " = " + n, "label"));
        b.append(Pictures.Svg.rect(0, TOP, 200, 16, "cell"));
        int y = TOP + 70;
        b.append(Pictures.Svg.rect(40, y, 120, 16, "cell"));
        b.append(Pictures.Svg.text(100, y + 34, "y " + out, "label"));
        for (int i = 0; i <= 5; i++) {
            for (int j = 0; j <= 3; j++) {
                b.append("<line class=\"link\" x1=\"").append(8 + 36 * i).append("\" y1=\"").append(TOP + 16).append("\" x2=\"")
                        .append(48 + 34 * j).append("\" y2=\"").append(y).append("\"/>");
            }
        }
        // the count itself is the answer: written out only once it may be shown
        String count = revealed ? "W " + out + "×" + n + (bias ? " + b " + out : "") + " = " + (out * n + (bias ? out : 0)) : "W ?" + (bias ? " + b ?" : "");
        b.append(Pictures.Svg.text(0, y + 60, count, "note").replace("text-anchor=\"middle\"", "text-anchor=\"start\""));
        int width = Math.max(204, count.length() * 8 + 8);
        String label = Phrase.of("pages.picture.dense", size, out).in(lang);
        return new Pictures.Picture(ShapePictures.svg(width, y + 70, label, b), Phrase.of("pages.picture.dense.caption").in(lang));
    }
}
