package org.convquiz.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Backward passes (gradients of a scalar loss L) for the pooling and conv2d layers, matching
 * PyTorch autograd. The tutorial's principle: the sum of the gradients is preserved through pooling.
 */
public final class Backward {
    private Backward() {
    }

    private static void requireGradShape(String op, Tensor gradOutput, int[] expected) {
        if (gradOutput == null) {
            throw EngineException.invalid(op + " backward needs gradOutput");
        }
        if (!Arrays.equals(gradOutput.rawShape(), expected)) {
            throw EngineException.invalid("gradOutput has shape " + gradOutput.shapeString() + " but the " + op
                    + " output has shape " + Fmt.shape(expected));
        }
    }

    /**
     * Max pooling: ∂L/∂X[idx(r,c)] += ∂L/∂Y[r,c], where idx(r,c) is the window's argmax ("max id",
     * first maximum on ties); every other input gets nothing from that window. Where windows
     * overlap, gradients landing on the same input add up.
     */
    public static Result<Tensor> maxPool2d(Tensor input, Tensor gradOutput, Pool2d p) {
        PoolResult fwd = Ops.maxPool2d(input, p);
        requireGradShape("max_pool2d", gradOutput, fwd.output().rawShape());
        Image im = Image.of(input, 2, "maxPool2d");
        int planes = im.n * im.c;
        int plane = im.h * im.w;
        int outPlane = gradOutput.size() / planes;
        double[] g = gradOutput.raw();
        double[] idx = fwd.indices().raw();
        double[] gx = new double[input.size()];
        boolean detail = g.length <= Ops.STEP_LIMIT;
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(Phrase.of("backward.max"),
                "∂L/∂X[m] = Σ_{(r,c): idx(r,c) = m} ∂L/∂Y[r,c]", "", ""));
        for (int pl = 0; pl < planes; pl++) {
            for (int q = 0; q < outPlane; q++) {
                int k = pl * outPlane + q;
                int m = (int) idx[k];
                gx[pl * plane + m] += g[k];
                if (detail) {
                    steps.add(new Step(Phrase.of(planes > 1 ? "backward.max.to.plane" : "backward.max.to", Fmt.num(g[k]), q, m / im.w, m % im.w,
                                    Fmt.num(im.data[pl * plane + m]), pl),
                            "∂L/∂X[" + m / im.w + "," + m % im.w + "] = ∂L/∂X[" + m / im.w + "," + m % im.w + "] + ∂L/∂Y",
                            Fmt.num(gx[pl * plane + m] - g[k]) + " + " + Fmt.factor(g[k]), Fmt.num(gx[pl * plane + m])));
                }
            }
        }
        steps.add(sumStep(g, gx));
        return new Result<>(Tensor.wrap(input.shape(), gx), steps);
    }

    /**
     * Average pooling: each ∂L/∂Y[r,c] is divided by its window's forward divisor D and added to every
     * in-input position of the window: ∂L/∂X[y,x] += ∂L/∂Y[r,c]/D. Splitting (not copying) keeps the
     * gradient sum unchanged when D equals the number of positions (the tutorial's Fig. 7).
     */
    public static Result<Tensor> avgPool2d(Tensor input, Tensor gradOutput, Pool2d p) {
        if (input == null || p == null) {
            throw EngineException.invalid("avgPool2d backward needs an input and pool parameters");
        }
        if (p.kind() != PoolKind.AVG) {
            throw EngineException.invalid("avgPool2d was given " + p.name() + " parameters");
        }
        int[] outShape = Shapes.pool2d(input.rawShape(), p).value();
        requireGradShape("avg_pool2d", gradOutput, outShape);
        Image im = Image.of(input, 2, "avgPool2d");
        int planes = im.n * im.c;
        int oh = outShape[outShape.length - 2];
        int ow = outShape[outShape.length - 1];
        double[] g = gradOutput.raw();
        double[] gx = new double[input.size()];
        boolean detail = g.length <= Ops.STEP_LIMIT;
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(Phrase.of("backward.avg"),
                "∂L/∂X[y,x] = Σ_{windows ∋ (y,x)} ∂L/∂Y[r,c]/D", "", ""));
        for (int r = 0; r < oh; r++) {
            for (int c = 0; c < ow; c++) {
                int[] win = PoolKernels.avgWindow(r, c, im.h, im.w, p);
                for (int pl = 0; pl < planes; pl++) {
                    double gv = g[pl * oh * ow + r * ow + c];
                    double share = gv / win[4];
                    for (int y = win[0]; y < win[1]; y++) {
                        for (int x = win[2]; x < win[3]; x++) {
                            gx[pl * im.h * im.w + y * im.w + x] += share;
                        }
                    }
                    if (detail) {
                        steps.add(new Step(Phrase.of(planes > 1 ? "backward.avg.split.plane" : "backward.avg.split", r, c, win[0], win[1] - 1, win[2],
                                        win[3] - 1, pl),
                                "∂L/∂Y[" + r + "," + c + "]/D", Fmt.num(gv) + "/" + win[4], Fmt.num(share)));
                    }
                }
            }
        }
        steps.add(sumStep(g, gx));
        return new Result<>(Tensor.wrap(input.shape(), gx), steps);
    }

    private static Step sumStep(double[] g, double[] gx) {
        double a = 0;
        double b = 0;
        for (double v : g) {
            a += v;
        }
        for (double v : gx) {
            b += v;
        }
        return new Step(Phrase.of("backward.sum"),
                "Σ ∂L/∂X = Σ ∂L/∂Y", Fmt.num(b) + " = " + Fmt.num(a), Fmt.num(b));
    }

    /**
     * conv2d backward with G = ∂L/∂Y:
     * ∂L/∂b[o] = Σ_{n,r,c} G[n,o,r,c];
     * ∂L/∂K[o,k,i,j] = Σ_{n,r,c} G[n,o,r,c]·X_p[n,k,r·s_h + i·d_h,c·s_w + j·d_w];
     * ∂L/∂X = fold(Σ_o G[n,o,r,c]·K[o,k,i,j]) where fold adds each padded position's gradient to the
     * input position it was copied from (reflect/replicate/circular), zero padding receives none.
     */
    public static ConvGrads conv2d(Tensor input, Tensor weight, Tensor gradOutput, Conv2d c) {
        ConvPlan plan = ConvPlan.of("conv2d", input, weight, null, c);
        requireGradShape("conv2d", gradOutput, plan.outShape);
        double[][] gr = ConvKernels.backward(plan, input.raw(), weight.raw(), gradOutput.raw());
        List<Step> steps = new ArrayList<>();
        StringBuilder bsub = new StringBuilder();
        for (int o = 0; o < plan.co && o < 8; o++) {
            bsub.append(o > 0 ? ", " : "").append(Fmt.num(gr[2][o]));
        }
        steps.add(new Step(Phrase.of("backward.bias"),
                "∂L/∂b[o] = Σ_{n,r,c} G[n,o,r,c]", c.bias() ? bsub + (plan.co > 8 ? ", …" : "") : "no bias (bias=False)",
                c.bias() ? Fmt.shape(plan.co) : "—"));
        steps.add(new Step(Phrase.of("backward.weight"),
                "∂L/∂K[o,k,i,j] = Σ_{n,r,c} G[n,o,r,c]·X_p[n,k,r·s_h + i·d_h,c·s_w + j·d_w]", "", Fmt.shape(c.weightShape())));
        steps.add(new Step(Phrase.of("backward.input"),
                "∂L/∂X_p[n,k,r·s_h + i·d_h,c·s_w + j·d_w] = Σ_o G[n,o,r,c]·K[o,k,i,j]", "", input.shapeString()));
        return new ConvGrads(Tensor.wrap(input.shape(), gr[0]), Tensor.wrap(c.weightShape(), gr[1]),
                c.bias() ? Tensor.wrap(new int[] {plan.co}, gr[2]) : null, steps);
    }
}
