package org.convquiz.web;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import org.convquiz.engine.Conv2d;
import org.convquiz.engine.Pool2d;
import org.convquiz.engine.Shapes;

/**
 * Pictures for questions about sizes rather than values, where there are no numbers to draw in cells:
 * <ul>
 * <li>a shape question: the input drawn to scale inside its padding, the kernel's first position and
 * its next one (before the answer may be shown) or its last one (after), and the output, whose size is
 * drawn only once the answer may be shown — before that it is a box marked "?";</li>
 * <li>a parameter count: the weights as blocks, one block of c_in × k_h × k_w per output channel with
 * its bias, and for the conv-vs-FC comparison the two flattened vectors the dense layer would join.</li>
 * </ul>
 * SVG text is numbers and symbols only; what the picture shows is said in the page's language by the
 * aria-label, from the message bundles.
 */
final class ShapePictures {
    /** Largest side of a whole drawn input in px. */
    private static final int SIDE = 300;
    /** Inputs or outputs with more cells a side are drawn as their top-left corner. */
    private static final int CROP = 14;
    private static final int TOP = 26;

    private ShapePictures() {
    }

    /** The input, the kernel's positions and the output of one conv layer on an input of shape (N×)C×H×W. */
    static String shape(int[] inputShape, Conv2d conv, boolean revealed, String lang) {
        int[] out = Shapes.conv2d(inputShape, conv).value();
        return shape(inputShape, conv.padAmounts(), conv.dilation().h() * (conv.kernel().h() - 1) + 1,
                conv.dilation().w() * (conv.kernel().w() - 1) + 1, conv.stride().h(), conv.stride().w(), out, revealed, lang);
    }

    /** The same for one pooling layer; with ceil_mode the last window may hang over the padded input, as drawn. */
    static String shape(int[] inputShape, Pool2d pool, boolean revealed, String lang) {
        int[] out = Shapes.pool2d(inputShape, pool).value();
        int ph = pool.padding().h();
        int pw = pool.padding().w();
        return shape(inputShape, new int[] {ph, ph, pw, pw}, pool.dilation().h() * (pool.kernel().h() - 1) + 1,
                pool.dilation().w() * (pool.kernel().w() - 1) + 1, pool.stride().h(), pool.stride().w(), out, revealed, lang);
    }

    /** pad = top, bottom, left, right; kh, kw = the window's extent (dilation included). */
    private static String shape(int[] inputShape, int[] pad, int kh, int kw, int sh, int sw, int[] out, boolean revealed, String lang) {
        int h = inputShape[inputShape.length - 2];
        int w = inputShape[inputShape.length - 1];
        int oh = out[out.length - 2];
        int ow = out[out.length - 1];
        int hp = h + pad[0] + pad[1];
        int wp = w + pad[2] + pad[3];
        // Large inputs are drawn as their top-left corner (CROP cells a side) so padding and kernel stay visible.
        boolean cropped = Math.max(hp, wp) > CROP || Math.max(oh, ow) > CROP;
        int cell = cropped ? 16 : Math.max(12, Math.min(24, SIDE / Math.max(hp, wp)));
        int rows = Math.min(hp, CROP);
        int cols = Math.min(wp, CROP);

        StringBuilder b = new StringBuilder();
        b.append(text(Math.max(cols * cell / 2, 45), 16, "X " + h + "×" + w, "label"));
        b.append(rect(0, TOP, cols * cell, rows * cell, "pad"));
        b.append(rect(pad[2] * cell, TOP + pad[0] * cell, (Math.min(cols, pad[2] + w) - pad[2]) * cell,
                (Math.min(rows, pad[0] + h) - pad[0]) * cell, "cell"));
        gridLines(b, 0, TOP, rows, cols, cell);
        b.append(rect(0, TOP, kw * cell, kh * cell, "window"));
        int lastRow = (oh - 1) * sh;
        int lastCol = (ow - 1) * sw;
        if (revealed && !cropped) {
            // the last position: the window's top-left corner at ((o_h − 1)·s_h, (o_w − 1)·s_w)
            b.append(rect(lastCol * cell, TOP + lastRow * cell, kw * cell, kh * cell, "window next"));
        } else if (sw + kw <= cols) {
            b.append(rect(sw * cell, TOP, kw * cell, kh * cell, "window next"));
        }
        int shownRows = revealed && !cropped ? Math.max(rows, lastRow + kh) : rows;
        int shownCols = revealed && !cropped ? Math.max(cols, lastCol + kw) : cols;
        if (hp > rows) {
            b.append(text(cols * cell / 2, TOP + rows * cell + 16, "⋮", "op"));
        }
        if (wp > cols) {
            b.append(text(cols * cell + 14, TOP + rows * cell / 2 + 6, "⋯", "op"));
        }
        int bottom = TOP + shownRows * cell + (hp > rows ? 18 : 0);
        String padText = pad[0] == pad[1] && pad[2] == pad[3] ? pad[0] + "×" + pad[2]
                : pad[0] + "+" + pad[1] + " × " + pad[2] + "+" + pad[3];
        String note = "p " + padText + " · k " + kh + "×" + kw + " · s " + sh + "×" + sw;
        b.append(text(0, bottom + 18, note, "note").replace("text-anchor=\"middle\"", "text-anchor=\"start\""));

        int x = Math.max(shownCols * cell + (wp > cols ? 30 : 0), 90) + 46;
        b.append(text(x - 23, TOP + Math.min(rows * cell, 60) / 2 + 6, "→", "op"));
        int width;
        int height = bottom + 26;
        if (revealed) {
            int orows = Math.min(oh, CROP);
            int ocols = Math.min(ow, CROP);
            b.append(text(x + Math.max(ocols * cell, 70) / 2, 16, "Y " + oh + "×" + ow, "label"));
            b.append(rect(x, TOP, ocols * cell, orows * cell, "cell"));
            gridLines(b, x, TOP, orows, ocols, cell);
            b.append(rect(x, TOP, cell, cell, "window"));
            if (oh > orows) {
                b.append(text(x + ocols * cell / 2, TOP + orows * cell + 16, "⋮", "op"));
            }
            if (ow > ocols) {
                b.append(text(x + ocols * cell + 14, TOP + orows * cell / 2 + 6, "⋯", "op"));
            }
            width = x + Math.max(ocols * cell + (ow > ocols ? 30 : 0), 70);
        } else {
            b.append(text(x + 30, 16, "Y ?×?", "label"));
            b.append(rect(x, TOP, 60, 60, "unknown"));
            b.append(text(x + 30, TOP + 36, "?", "op"));
            width = x + 60;
        }
        width = Math.max(width, note.length() * 7);
        String label = bundle(lang).picture_shape_label(h + "×" + w, padText, kh + "×" + kw, sh + "×" + sw);
        return svg(width + 4, Math.max(height, TOP + 70), label, b);
    }

    /** The weights of one conv layer as blocks; with {@code fc}, the flattened input and output a dense layer would join. */
    static String weights(int[] inputShape, Conv2d conv, boolean fc, boolean revealed, String lang) {
        int cin = conv.inChannels() / conv.groups();
        int cout = conv.outChannels();
        int kh = conv.kernel().h();
        int kw = conv.kernel().w();
        int cs = Math.max(4, Math.min(14, 56 / Math.max(kh, kw)));
        int slices = Math.min(cin, 4);
        int blockW = kw * cs + 5 * (slices - 1);
        int blockH = kh * cs + 5 * (slices - 1);
        int[] shown = cout <= 4 ? range(cout) : new int[] {0, 1, 2, -1, cout - 1};
        StringBuilder b = new StringBuilder();
        int x = 0;
        int rowTop = TOP + 4;
        for (int f : shown) {
            if (f < 0) {
                b.append(text(x + 14, rowTop + blockH / 2 + 6, "…", "op"));
                x += 34;
                continue;
            }
            b.append(text(x + blockW / 2, 16, "W" + (f + 1), "label"));
            for (int s = slices - 1; s >= 0; s--) {
                int sx = x + 5 * s;
                int sy = rowTop + 5 * (slices - 1 - s);
                b.append(rect(sx, sy, kw * cs, kh * cs, "cell"));
                if (cs >= 8) {
                    gridLines(b, sx, sy, kh, kw, cs);
                }
            }
            if (conv.bias()) {
                b.append(rect(x + blockW / 2 - 7, rowTop + blockH + 8, 14, 14, "target"));
                b.append(text(x + blockW / 2, rowTop + blockH + 36, "b" + (f + 1), "note"));
            }
            x += Math.max(blockW, 30) + 16;
        }
        int blocksRight = Math.max(x, 60);
        int below = rowTop + blockH + (conv.bias() ? 44 : 12);
        if (revealed) {
            // the count itself is the answer: written out only once it may be shown
            String count = cout + " × (" + cin + "×" + kh + "×" + kw + ")" + (conv.bias() ? " + " + cout : "");
            b.append(text(0, below + 14, count, "note").replace("text-anchor=\"middle\"", "text-anchor=\"start\""));
            blocksRight = Math.max(blocksRight, count.length() * 7);
        }
        int height = below + 24;
        int width = blocksRight;
        if (fc) {
            int[] out = Shapes.conv2d(inputShape, conv).value();
            long in = (long) inputShape[0] * inputShape[1] * inputShape[2];
            long outs = (long) out[0] * out[1] * out[2];
            int y = height + 10;
            int fx = 0;
            b.append(text(fx + 80, y + 14, "x " + inputShape[0] + "×" + inputShape[1] + "×" + inputShape[2] + " = " + in, "label"));
            b.append(rect(fx, y + 22, 160, 16, "cell"));
            String outText = revealed ? out[0] + "×" + out[1] + "×" + out[2] + " = " + outs : "?";
            b.append(text(fx + 80, y + 98, "y " + outText, "label"));
            b.append(rect(fx, y + 70, 160, 16, revealed ? "cell" : "unknown"));
            for (int i = 0; i <= 4; i++) {
                for (int j = 0; j <= 4; j++) {
                    b.append("<line class=\"link\" x1=\"").append(8 + 36 * i).append("\" y1=\"").append(y + 38)
                            .append("\" x2=\"").append(8 + 36 * j).append("\" y2=\"").append(y + 70).append("\"/>");
                }
            }
            height = y + 106;
            width = Math.max(width, 170);
        }
        String label = bundle(lang).picture_weights_label(cout, cin + "×" + kh + "×" + kw, conv.bias() ? cout : 0)
                + (fc ? " " + bundle(lang).picture_weights_fc_label() : "");
        return svg(width + 4, height, label, b);
    }

    private static int[] range(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }

    private static void gridLines(StringBuilder b, int x, int y, int rows, int cols, int cell) {
        for (int r = 1; r < rows; r++) {
            b.append("<line class=\"gridline\" x1=\"").append(x).append("\" y1=\"").append(y + r * cell).append("\" x2=\"")
                    .append(x + cols * cell).append("\" y2=\"").append(y + r * cell).append("\"/>");
        }
        for (int c = 1; c < cols; c++) {
            b.append("<line class=\"gridline\" x1=\"").append(x + c * cell).append("\" y1=\"").append(y).append("\" x2=\"")
                    .append(x + c * cell).append("\" y2=\"").append(y + rows * cell).append("\"/>");
        }
    }

    static AppMessages bundle(String lang) {
        return MessageBundles.get(AppMessages.class, Localized.Literal.of("zh".equals(lang) ? "zh" : "en"));
    }

    /** A picture's SVG document with its text alternative (aria-label and title) in the page's language. */
    static String svg(int width, int height, String label, StringBuilder body) {
        String l = MathMl.escape(label);
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"picture\" role=\"img\" aria-label=\"" + l + "\" viewBox=\"-2 0 "
                + (width + 2) + " " + height + "\" width=\"" + (width + 2) + "\" height=\"" + height + "\"><title>" + l + "</title>"
                + body + "</svg>";
    }

    private static String rect(int x, int y, int w, int h, String cls) {
        return Pictures.Svg.rect(x, y, w, h, cls);
    }

    private static String text(int x, int y, String s, String cls) {
        return Pictures.Svg.text(x, y, s, cls);
    }
}
