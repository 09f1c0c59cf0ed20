package org.convquiz.web;

import java.util.Optional;
import org.convquiz.engine.Backward;
import org.convquiz.engine.Conv2d;
import org.convquiz.engine.Ops;
import org.convquiz.engine.Padding;
import org.convquiz.engine.Phrase;
import org.convquiz.engine.Pool2d;
import org.convquiz.engine.PoolKind;
import org.convquiz.engine.Tensor;
import org.convquiz.exercise.Model;

/**
 * SVG pictures of a question with the student's own numbers: the (padded) input with the first
 * window highlighted and the next one dashed, the kernel, and the output with its first cell; for a
 * pooling backward pass, where the first output gradient goes. Values that would give the answer away
 * are drawn only once the answer may be revealed.
 */
public final class Pictures {
    private static final int CELL = 30;
    private static final int GAP = 46;
    private static final int MAX_CELLS = 14;

    private Pictures() {
    }

    /** A picture and the caption that explains how to read it, in the page's language. */
    public record Picture(String svg, String caption) {
    }

    /**
     * The picture of a question: its numbers in cells when it has values; when it has only sizes (one conv
     * layer on an input shape), a schematic — the weights as blocks for parameter counts, the input, kernel
     * and output to scale for shape questions. Empty when there is nothing useful to draw.
     */
    public static Optional<Picture> forQuestion(Model model, java.util.Set<String> quantities, boolean revealed, String lang) {
        AppMessages msg = ShapePictures.bundle(lang);
        boolean shapeAsked = quantities.contains("output_shape") || quantities.contains("output_height")
                || quantities.contains("output_width");
        boolean fieldAsked = quantities.contains("receptive_field") || quantities.contains("receptive_field_elements");
        // one layer whose output shape is also asked keeps its shape picture (it hides the output's size until revealed)
        if (fieldAsked && !(shapeAsked && model.layers().size() == 1)) {
            // before the answer may be shown, the rows' lengths would give away an output shape that is also asked
            if (shapeAsked && !revealed) {
                return Optional.empty();
            }
            try {
                return ReceptiveFieldPicture.of(model, revealed, lang);
            } catch (RuntimeException e) {
                return Optional.empty(); // a picture is a help, never a reason for a page to fail
            }
        }
        if (model.input() == null && model.inputShape() != null && model.inputShape().length == 3
                && !model.layers().isEmpty() && model.layers().get(0) instanceof org.convquiz.engine.Layer.Flatten) {
            if (model.layers().size() == 1 && shapeAsked) {
                return Optional.of(FlatPictures.flatten(model.inputShape(), revealed, lang));
            }
            if (model.layers().size() == 2 && model.layers().get(1) instanceof org.convquiz.engine.Layer.Linear l
                    && quantities.contains("params")) {
                return Optional.of(FlatPictures.dense(model.inputShape(), l.out(), l.bias(), revealed, lang));
            }
        }
        if (model.input() == null && model.inputShape() != null && model.inputShape().length >= 3 && model.layers().size() == 1) {
            try {
                org.convquiz.engine.Layer layer = model.layers().get(0);
                if (layer instanceof org.convquiz.engine.Layer.Conv c && c.weight() == null
                        && (quantities.contains("params") || quantities.contains("fc_params")) && model.inputShape().length == 3) {
                    return Optional.of(new Picture(ShapePictures.weights(model.inputShape(), c.conv(), quantities.contains("fc_params"),
                            revealed, lang), msg.attempt_picture_caption_weights()
                            + (quantities.contains("fc_params") ? " " + msg.attempt_picture_caption_fc() : "")));
                }
                if (layer instanceof org.convquiz.engine.Layer.Conv c && c.weight() == null && revealed
                        && quantities.contains("weight_shape") && model.inputShape().length == 3) {
                    // the blocks are the weight's shape, the asked answer: drawn only once it may be shown
                    return Optional.of(new Picture(ShapePictures.weights(model.inputShape(), c.conv(), false, true, lang),
                            msg.attempt_picture_caption_weights()));
                }
                if (layer instanceof org.convquiz.engine.Layer.Conv c && c.weight() == null && shapeAsked) {
                    return Optional.of(new Picture(ShapePictures.shape(model.inputShape(), c.conv(), revealed, lang),
                            msg.attempt_picture_caption_shape()));
                }
                if (layer instanceof org.convquiz.engine.Layer.Pool p && shapeAsked) {
                    return Optional.of(new Picture(ShapePictures.shape(model.inputShape(), p.pool(), revealed, lang),
                            msg.attempt_picture_caption_shape()));
                }
            } catch (RuntimeException e) {
                // A picture is a help, never a reason for a page to fail.
            }
            return Optional.empty();
        }
        return forModel(model, revealed, lang).map(svg -> new Picture(svg, msg.attempt_picture_caption()));
    }

    /** The picture of a question's numbers, with a text alternative in {@code lang} that says what it shows. */
    public static Optional<String> forModel(Model model, boolean revealed, String lang) {
        return forModel(model, revealed).map(svg -> labelled(svg, model, lang));
    }

    /** What the picture shows, for screen readers: the grids drawn and their sizes. */
    private static String labelled(String svg, Model model, String lang) {
        Tensor plane = firstPlane(model.input());
        String size = plane.dim(0) + "×" + plane.dim(1);
        boolean backward = model.gradOutput() != null;
        String label = Phrase.of(backward ? "pages.picture.backward" : "pages.picture.forward", size).in(lang);
        String escaped = MathMl.escape(label);
        return svg.replaceFirst("role=\"img\"", "role=\"img\" aria-label=\"" + escaped.replace("$", "\\$") + "\"")
                .replaceFirst("(<svg[^>]*>)", "$1<title>" + escaped.replace("$", "\\$") + "</title>");
    }

    public static Optional<String> forModel(Model model, boolean revealed) {
        if (model.input() == null || model.layers().isEmpty()) {
            return Optional.empty();
        }
        try {
            org.convquiz.engine.Layer layer = model.layers().get(0);
            Tensor plane = firstPlane(model.input());
            if (layer instanceof org.convquiz.engine.Layer.Correlate c) {
                Tensor out = c.flipped() ? Ops.convolve2d(plane, c.kernel()).value() : Ops.correlate2d(plane, c.kernel()).value();
                return Optional.of(sliding(plane, new int[4], c.kernel(), 1, 1, out, revealed, c.flipped() ? "∗" : "⋆"));
            }
            if (layer instanceof org.convquiz.engine.Layer.Conv c && c.weight() != null && model.layers().size() == 1) {
                Conv2d conv = c.conv();
                int[] pad = conv.padAmounts();
                Tensor kernel = firstKernel(c.weight());
                Tensor padded = Ops.pad2d(plane, new Padding.Explicit(pad[0], pad[1], pad[2], pad[3]), conv.paddingMode()).value();
                Tensor out = Ops.correlate2d(padded, kernel).value();
                return Optional.of(sliding(plane, pad, kernel, conv.stride().h(), conv.stride().w(),
                        strided(out, conv.stride().h(), conv.stride().w()), revealed && model.input().shape()[0] == 1, "⋆"));
            }
            if (layer instanceof org.convquiz.engine.Layer.Pool p && model.layers().size() == 1) {
                return Optional.of(pool(model, plane, p.pool(), revealed));
            }
        } catch (RuntimeException e) {
            // A picture is a help, never a reason for a page to fail.
        }
        return Optional.empty();
    }

    private static String pool(Model model, Tensor plane, Pool2d pool, boolean revealed) {
        int[] pad = {pool.padding().h(), pool.padding().h(), pool.padding().w(), pool.padding().w()};
        Tensor out = firstPlane(pool.kind() == PoolKind.MAX ? Ops.maxPool2d(model.input(), pool).output()
                : Ops.avgPool2d(model.input(), pool).output());
        Tensor window = Tensor.zeros(pool.kernel().h(), pool.kernel().w());
        if (model.gradOutput() == null) {
            return sliding(plane, pad, window, pool.stride().h(), pool.stride().w(), out, revealed,
                    pool.kind() == PoolKind.MAX ? "max" : "avg");
        }
        Tensor gradIn = firstPlane(pool.kind() == PoolKind.MAX ? Backward.maxPool2d(model.input(), model.gradOutput(), pool).value()
                : Backward.avgPool2d(model.input(), model.gradOutput(), pool).value());
        Svg svg = new Svg();
        int x = 0;
        int[] win = {0, pool.kernel().h(), 0, pool.kernel().w()};
        x = svg.grid(x, "X", plane, pad, win, null, true, null);
        x = svg.grid(x + GAP, "∂L/∂Y", firstPlane(model.gradOutput()), new int[4], new int[] {0, 1, 0, 1}, null, true, null);
        svg.arrow(x + 6, "←");
        // Where the first gradient goes is part of the answer: marked only once answers may be shown.
        svg.grid(x + GAP, "∂L/∂X", gradIn, new int[4], null, null, revealed, revealed ? firstGradientTargets(plane, pool, model) : null);
        return svg.close();
    }

    /** The input cells that receive the first output gradient (the argmax, or the whole window). */
    private static boolean[][] firstGradientTargets(Tensor plane, Pool2d pool, Model model) {
        int h = plane.dim(0);
        int w = plane.dim(1);
        boolean[][] mark = new boolean[h][w];
        double[] onlyFirst = new double[model.gradOutput().size()];
        onlyFirst[0] = 1;
        Tensor first = firstPlane(pool.kind() == PoolKind.MAX
                ? Backward.maxPool2d(model.input(), Tensor.of(model.gradOutput().shape(), onlyFirst), pool).value()
                : Backward.avgPool2d(model.input(), Tensor.of(model.gradOutput().shape(), onlyFirst), pool).value());
        for (int i = 0; i < h; i++) {
            for (int j = 0; j < w; j++) {
                mark[i][j] = first.get(i, j) != 0;
            }
        }
        return mark;
    }

    private static String sliding(Tensor input, int[] pad, Tensor kernel, int sh, int sw, Tensor out, boolean revealed, String op) {
        int kh = kernel.dim(0);
        int kw = kernel.dim(1);
        Svg svg = new Svg();
        int[] first = {0, kh, 0, kw};
        int[] next = input.dim(1) + pad[2] + pad[3] >= sw + kw ? new int[] {0, kh, sw, sw + kw} : null;
        int x = svg.grid(0, "X", input, pad, first, next, true, null);
        svg.arrow(x + 6, op);
        boolean showKernel = !op.equals("max") && !op.equals("avg");
        if (showKernel) {
            x = svg.grid(x + GAP, "K", kernel, new int[4], null, null, true, null);
            svg.arrow(x + 6, "=");
        }
        svg.grid(x + GAP, "Y", out, new int[4], new int[] {0, 1, 0, 1}, null, revealed, null);
        return svg.close();
    }

    private static Tensor strided(Tensor full, int sh, int sw) {
        int h = (full.dim(0) - 1) / sh + 1;
        int w = (full.dim(1) - 1) / sw + 1;
        double[] d = new double[h * w];
        for (int i = 0; i < h; i++) {
            for (int j = 0; j < w; j++) {
                d[i * w + j] = full.get(i * sh, j * sw);
            }
        }
        return Tensor.of(new int[] {h, w}, d);
    }

    /** The first H×W plane of an HW, CHW or NCHW tensor. */
    static Tensor firstPlane(Tensor t) {
        int h = t.dim(t.rank() - 2);
        int w = t.dim(t.rank() - 1);
        double[] d = new double[h * w];
        System.arraycopy(t.data(), 0, d, 0, h * w);
        return Tensor.of(new int[] {h, w}, d);
    }

    private static Tensor firstKernel(Tensor weight) {
        return firstPlane(weight);
    }

    /** A small SVG writer: grids of numbered cells side by side. */
    static final class Svg {
        private final StringBuilder body = new StringBuilder();
        private int height;
        private int width;

        /** Draws a grid at x; returns its right edge. pad = top, bottom, left, right; window = r0, r1, c0, c1. */
        int grid(int x, String label, Tensor t, int[] pad, int[] window, int[] next, boolean showValues, boolean[][] marked) {
            int rows = t.dim(0) + pad[0] + pad[1];
            int cols = t.dim(1) + pad[2] + pad[3];
            if (rows > MAX_CELLS || cols > MAX_CELLS) {
                throw new IllegalArgumentException("too large to draw");
            }
            int top = 26;
            body.append(text(x + cols * CELL / 2, 16, label, "label"));
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    int i = r - pad[0];
                    int j = c - pad[2];
                    boolean inside = i >= 0 && j >= 0 && i < t.dim(0) && j < t.dim(1);
                    boolean mark = marked != null && inside && marked[i][j];
                    String cls = !inside ? "pad" : mark ? "target" : "cell";
                    body.append("<rect class=\"").append(cls).append("\" x=\"").append(x + c * CELL).append("\" y=\"")
                            .append(top + r * CELL).append("\" width=\"").append(CELL).append("\" height=\"").append(CELL).append("\"/>");
                    String value = !inside ? "0" : showValues ? number(t.get(i, j)) : "?";
                    body.append(text(x + c * CELL + CELL / 2, top + r * CELL + CELL / 2 + 5, value, inside ? "value" : "value pad-value"));
                }
            }
            if (window != null) {
                body.append(rect(x + window[2] * CELL, top + window[0] * CELL, (window[3] - window[2]) * CELL,
                        (window[1] - window[0]) * CELL, "window"));
            }
            if (next != null) {
                body.append(rect(x + next[2] * CELL, top + next[0] * CELL, (next[3] - next[2]) * CELL,
                        (next[1] - next[0]) * CELL, "window next"));
            }
            height = Math.max(height, top + rows * CELL + 4);
            width = Math.max(width, x + cols * CELL + 4);
            return x + cols * CELL;
        }

        void arrow(int x, String symbol) {
            body.append(text(x + GAP / 2 - 6, 26 + CELL, symbol, "op"));
        }

        String close() {
            return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"picture\" role=\"img\" viewBox=\"-2 0 " + (width + 4) + " "
                    + (height + 2) + "\" width=\"" + (width + 4) + "\" height=\"" + (height + 2) + "\">" + body + "</svg>";
        }

        static String rect(int x, int y, int w, int h, String cls) {
            return "<rect class=\"" + cls + "\" x=\"" + x + "\" y=\"" + y + "\" width=\"" + w + "\" height=\"" + h + "\"/>";
        }

        static String text(int x, int y, String s, String cls) {
            return "<text class=\"" + cls + "\" x=\"" + x + "\" y=\"" + y + "\" text-anchor=\"middle\">" + MathMl.escape(s) + "</text>";
        }

        private static String number(double v) {
            return v == Math.rint(v) ? Long.toString((long) v) : String.format(java.util.Locale.ROOT, "%.2f", v);
        }
    }
}
