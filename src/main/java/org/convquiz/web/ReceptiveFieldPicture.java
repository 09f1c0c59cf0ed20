package org.convquiz.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.convquiz.engine.Layer;
import org.convquiz.engine.Network;
import org.convquiz.engine.Phrase;
import org.convquiz.engine.ReceptiveField;
import org.convquiz.exercise.Model;

/**
 * A stack of sliding-window layers seen from the side (height only), for receptive-field questions: one row of cells
 * per layer output, the input at the bottom with each layer's padding dashed, every cell placed over the centre of
 * the input pixels it sees (so a stride spreads the rows out). The middle element of the top row is marked; once
 * the answer may be shown, the cells it depends on are marked layer by layer down to the input, where a bracket
 * gives the receptive field's size. Sizes come from the engine ({@link Network}, {@link ReceptiveField}).
 */
final class ReceptiveFieldPicture {
    /** Wider stacks (in input pixels, padding included) are not drawn. */
    private static final int MAX_SPAN = 48;
    private static final int LEFT = 34;
    private static final int TOP = 8;

    private ReceptiveFieldPicture() {
    }

    /** The picture, or empty when a layer is not a sliding window or the stack is too wide to draw. */
    static Optional<Pictures.Picture> of(Model model, boolean revealed, String lang) {
        int[] shape = model.inputShape() != null ? model.inputShape() : model.input() == null ? null : model.input().shape();
        if (shape == null || shape.length < 2 || model.layers().isEmpty()) {
            return Optional.empty();
        }
        int layers = model.layers().size();
        int[] size = new int[layers + 1]; // height after each layer; [0] is the input's
        int[][] window = new int[layers + 1][]; // k, s, p, d of the layer that makes row l
        ReceptiveField[] rf = new ReceptiveField[layers + 1];
        size[0] = shape[shape.length - 2];
        rf[0] = ReceptiveField.input();
        for (int l = 1; l <= layers; l++) {
            int[] w = Network.window(model.layers().get(l - 1));
            if (w == null) {
                return Optional.empty();
            }
            window[l] = new int[] {w[0], w[1], w[2], w[3]};
            int[] out = Network.outputShape(shape, model.layers().subList(0, l)).value();
            size[l] = out[out.length - 2];
            rf[l] = rf[l - 1].next(w[0], w[1], w[2], w[3]);
        }
        // the cells each row depends on, from the top row's middle element down (indices may fall in the padding)
        List<TreeSet<Integer>> seen = new ArrayList<>();
        for (int l = 0; l <= layers; l++) {
            seen.add(new TreeSet<>());
        }
        seen.get(layers).add((size[layers] - 1) / 2);
        for (int l = layers; l >= 1; l--) {
            int k = window[l][0], s = window[l][1], p = window[l][2], d = window[l][3];
            for (int j : seen.get(l)) {
                for (int t = 0; t < k; t++) {
                    seen.get(l - 1).add(j * s - p + t * d);
                }
            }
        }
        // every drawn cell's centre in input pixels: row l's cell j is centred over what it sees
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (int l = 0; l <= layers; l++) {
            int pad = l < layers ? window[l + 1][2] : 0;
            min = Math.min(min, centre(rf[l], -pad));
            max = Math.max(max, centre(rf[l], size[l] - 1 + pad));
        }
        double span = max - min + 1;
        if (span > MAX_SPAN) {
            return Optional.empty();
        }
        int u = (int) Math.max(10, Math.min(26, 460 / span)); // px per input pixel
        int gap = 14;
        StringBuilder b = new StringBuilder();
        for (int l = layers; l >= 0; l--) {
            int y = TOP + (layers - l) * (u + gap);
            b.append(Pictures.Svg.text(LEFT / 2, y + u / 2 + 5, l == 0 ? "X" : l == layers ? "Y" : Integer.toString(l), "label"));
            int pad = l < layers ? window[l + 1][2] : 0;
            for (int j = -pad; j < size[l] + pad; j++) {
                boolean inside = j >= 0 && j < size[l];
                boolean marked = l == layers ? seen.get(l).contains(j) : revealed && seen.get(l).contains(j);
                String cls = marked ? (inside ? "target" : "pad target") : (inside ? "cell" : "pad");
                int x = LEFT + (int) Math.round((centre(rf[l], j) - min) * u);
                b.append(Pictures.Svg.rect(x + 1, y, Math.max(4, u - 2), u, cls));
            }
        }
        int bottom = TOP + (layers + 1) * (u + gap);
        int first = seen.get(0).first();
        int last = seen.get(0).last();
        int x0 = LEFT + (int) Math.round((centre(rf[0], first) - min) * u);
        int x1 = LEFT + (int) Math.round((centre(rf[0], last) - min) * u) + u;
        String r = revealed ? Integer.toString(last - first + 1) : "?";
        if (revealed) {
            b.append("<path class=\"bracket\" d=\"M").append(x0 + 1).append(' ').append(bottom - gap + 2).append(" v6 H").append(x1 - 1)
                    .append(" v-6\"/>");
        }
        int width = LEFT + (int) Math.round(span * u) + 4;
        b.append(Pictures.Svg.text(revealed ? (x0 + x1) / 2 : width / 2, bottom + 10, "r " + r, "note"));
        String label = (revealed ? Phrase.of("pages.picture.receptive-field.shown", layers, size[0], last - first + 1)
                : Phrase.of("pages.picture.receptive-field", layers, size[0])).in(lang);
        String svg = ShapePictures.svg(width, bottom + 16, label, b);
        return Optional.of(new Pictures.Picture(svg, Phrase.of("pages.picture.receptive-field.caption").in(lang)));
    }

    /** The centre, in input pixels, of what cell j of a row with receptive field {@code rf} sees. */
    private static double centre(ReceptiveField rf, int j) {
        return rf.start() - 0.5 + (double) j * rf.jump();
    }
}
