package org.convquiz.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Validated geometry of one conv2d call, shared by the forward and backward passes. */
final class ConvPlan {
    final int n, c, h, w, co, groups, cig, cog, kh, kw, sh, sw, dh, dw, hp, wp, oh, ow, rank;
    final int[] pad;
    final int[] rowMap;
    final int[] colMap;
    final int[] outShape;
    final List<Step> shapeSteps;

    private ConvPlan(Image im, Conv2d p, Result<int[]> shape) {
        n = im.n;
        c = im.c;
        h = im.h;
        w = im.w;
        rank = im.rank;
        co = p.outChannels();
        groups = p.groups();
        cig = c / groups;
        cog = co / groups;
        kh = p.kernel().h();
        kw = p.kernel().w();
        sh = p.stride().h();
        sw = p.stride().w();
        dh = p.dilation().h();
        dw = p.dilation().w();
        pad = p.padAmounts();
        rowMap = Image.padMap(h, pad[0], pad[1], p.paddingMode());
        colMap = Image.padMap(w, pad[2], pad[3], p.paddingMode());
        hp = rowMap.length;
        wp = colMap.length;
        outShape = shape.value();
        oh = outShape[outShape.length - 2];
        ow = outShape[outShape.length - 1];
        shapeSteps = shape.steps();
    }

    /** Precondition checks shared by forward and backward; messages name the shapes involved. */
    static ConvPlan of(String op, Tensor input, Tensor weight, Tensor bias, Conv2d c) {
        if (input == null || weight == null || c == null) {
            throw EngineException.invalid(op + " needs an input, a weight and parameters");
        }
        Result<int[]> shape = Shapes.conv2d(input.rawShape(), c);
        int[] ws = c.weightShape();
        if (!Arrays.equals(weight.rawShape(), ws)) {
            throw EngineException.invalid("weight of shape " + weight.shapeString() + " doesn't match " + c.describe()
                    + ": expected " + Fmt.shape(ws));
        }
        Ops.checkBias(bias, c.outChannels(), c.bias(), op);
        Tensor.checkedSize(shape.value());
        ConvPlan plan = new ConvPlan(Image.of(input, 3, op), c, shape);
        Ops.checkMacs((long) plan.n * plan.co * plan.oh * plan.ow * plan.cig * plan.kh * plan.kw, op);
        return plan;
    }

    double[] padded(double[] x, int slack) {
        return Image.padPlanes(x, n * c, h, w, rowMap, colMap, slack);
    }

    /** One step per output element listing every product (only called for small outputs). */
    List<Step> elementSteps(double[] x, double[] weight, double[] bias, double[] out) {
        double[] xp = padded(x, 0);
        List<Step> steps = new ArrayList<>();
        for (int b = 0; b < n; b++) {
            for (int oc = 0; oc < co; oc++) {
                int g = oc / cog;
                for (int r = 0; r < oh; r++) {
                    for (int cc = 0; cc < ow; cc++) {
                        StringBuilder sub = new StringBuilder();
                        for (int k = 0; k < cig; k++) {
                            int ci = g * cig + k;
                            for (int i = 0; i < kh; i++) {
                                for (int j = 0; j < kw; j++) {
                                    double xv = xp[((b * c + ci) * hp + r * sh + i * dh) * wp + cc * sw + j * dw];
                                    double wv = weight[((oc * cig + k) * kh + i) * kw + j];
                                    sub.append(sub.length() > 0 ? " + " : "").append(Fmt.factor(xv)).append('·').append(Fmt.factor(wv));
                                }
                            }
                        }
                        if (bias != null) {
                            sub.append(" + ").append(Fmt.factor(bias[oc]));
                        }
                        String idx = (rank == 4 ? b + "," : "") + oc + "," + r + "," + cc;
                        String xIdx = (rank == 4 ? b + "," : "") + Ops.offset(g * cig, 1, "k") + ","
                                + Ops.offset(r * sh, dh, "i") + "," + Ops.offset(cc * sw, dw, "j");
                        double v = out[((b * co + oc) * oh + r) * ow + cc];
                        steps.add(new Step(Phrase.of(groups > 1 ? (bias != null ? "conv.element.group.bias" : "conv.element.group")
                                        : bias != null ? "conv.element.bias" : "conv.element", idx, g),
                                "Y[" + idx + "] = Σ X_p[" + xIdx + "]·K[" + oc + ",k,i,j]" + (bias != null ? " + b[" + oc + "]" : ""),
                                sub.toString(), Fmt.num(v)));
                    }
                }
            }
        }
        return steps;
    }
}
