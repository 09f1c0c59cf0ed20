package org.convquiz.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * torchsummary-like walk over a sequential network: output shape, parameter count and receptive field
 * per layer. Receptive fields use the standard recurrence (see {@link ReceptiveField#next}); flatten
 * and linear layers see the whole remaining feature map (kernel = its size); a transposed conv with
 * kernel k and stride s is approximated by r_out = r_in + (⌈k_eff/s⌉ − 1)·j_in, j_out = max(1, j_in/s).
 */
public final class Network {
    private Network() {
    }

    public static Summary summarize(int[] inputShape, List<Layer> layers) {
        if (inputShape == null || inputShape.length < 1 || inputShape.length > 4 || layers == null) {
            throw EngineException.invalid("summarize needs an input shape of rank 1 to 4 and a list of layers, got "
                    + (inputShape == null ? "null" : Fmt.shape(inputShape)));
        }
        int[] shape = inputShape.clone();
        ReceptiveField rh = ReceptiveField.input();
        ReceptiveField rw = ReceptiveField.input();
        List<LayerSummary> rows = new ArrayList<>();
        long total = 0;
        StringBuilder sum = new StringBuilder();
        int i = 0;
        for (Layer layer : layers) {
            i++;
            if (layer == null) {
                throw EngineException.invalid("layer " + i + " is null");
            }
            List<Step> steps = new ArrayList<>();
            long params = 0;
            String name;
            ReceptiveField nh = rh;
            ReceptiveField nw = rw;
            try {
                if (layer instanceof Layer.Conv l) {
                    name = "Conv2d";
                    Conv2d c = l.conv();
                    Result<int[]> r = Shapes.conv2d(shape, c);
                    Result<Long> p = Params.conv2d(c);
                    steps.addAll(r.steps());
                    steps.addAll(p.steps());
                    shape = r.value();
                    params = p.value();
                    int[] pad = c.padAmounts();
                    nh = rh.next(c.kernel().h(), c.stride().h(), pad[0], c.dilation().h());
                    nw = rw.next(c.kernel().w(), c.stride().w(), pad[2], c.dilation().w());
                    steps.add(rfStep(rh, nh, c.kernel().h(), c.dilation().h()));
                } else if (layer instanceof Layer.ConvTranspose l) {
                    name = "ConvTranspose2d";
                    ConvTranspose2d c = l.conv();
                    Result<int[]> r = Shapes.convTranspose2d(shape, c);
                    Result<Long> p = Params.convTranspose2d(c);
                    steps.addAll(r.steps());
                    steps.addAll(p.steps());
                    shape = r.value();
                    params = p.value();
                    nh = transposedRf(rh, c.kernel().h(), c.stride().h(), c.dilation().h());
                    nw = transposedRf(rw, c.kernel().w(), c.stride().w(), c.dilation().w());
                } else if (layer instanceof Layer.Pool l) {
                    Pool2d pl = l.pool();
                    name = pl.name();
                    Result<int[]> r = Shapes.pool2d(shape, pl);
                    steps.addAll(r.steps());
                    steps.addAll(Params.pool2d(pl).steps());
                    shape = r.value();
                    nh = rh.next(pl.kernel().h(), pl.stride().h(), pl.padding().h(), pl.dilation().h());
                    nw = rw.next(pl.kernel().w(), pl.stride().w(), pl.padding().w(), pl.dilation().w());
                    steps.add(rfStep(rh, nh, pl.kernel().h(), pl.dilation().h()));
                } else if (layer instanceof Layer.Linear l) {
                    name = "Linear";
                    Result<int[]> r = Shapes.linear(shape, l.in(), l.out());
                    Result<Long> p = Params.linear(l.in(), l.out(), l.bias());
                    steps.addAll(r.steps());
                    steps.addAll(p.steps());
                    shape = r.value();
                    params = p.value();
                } else if (layer instanceof Layer.Flatten) {
                    name = "Flatten";
                    if (shape.length >= 2) {
                        // every flattened value feeds every later unit: the whole map is one window
                        int h = shape[shape.length - 2];
                        int w = shape[shape.length - 1];
                        if (shape.length >= 3) {
                            nh = rh.next(h, 1, 0, 1);
                            nw = rw.next(w, 1, 0, 1);
                        }
                    }
                    Result<int[]> r = Shapes.flatten(shape);
                    steps.addAll(r.steps());
                    shape = r.value();
                } else {
                    name = "ReLU";
                    steps.add(new Step("ReLU is elementwise: shape unchanged, no parameters", "ReLU 逐元素计算:形状不变,无参数",
                            "y = max(0, x)", "", Fmt.shape(shape)));
                }
            } catch (EngineException e) {
                // name the layer so the student knows where the network breaks
                throw new EngineException(e.kind(), "layer " + i + " (" + layer.getClass().getSimpleName() + "): " + e.getMessage());
            }
            rh = nh;
            rw = nw;
            total += params;
            sum.append(sum.length() > 0 ? " + " : "").append(params);
            rows.add(new LayerSummary(name + "-" + i, shape, params, rh, rw, steps));
        }
        List<Step> steps = new ArrayList<>();
        steps.add(new Step("Total parameters: sum over the layers", "参数总数:各层参数之和", "total = Σ params",
                sum.length() == 0 ? "0" : sum.toString(), Fmt.num(total)));
        steps.add(new Step("Receptive field of the last layer (height × width)", "最后一层的感受野(高 × 宽)",
                "r_{out} = r_{in} + (k_{eff} − 1)×j_{in}", "", Fmt.pair(rh.size(), rw.size())));
        return new Summary(rows, total, steps);
    }

    private static Step rfStep(ReceptiveField in, ReceptiveField out, int k, int d) {
        int keff = d * (k - 1) + 1;
        return new Step("Receptive field (height): each layer widens it by (k_eff − 1) input jumps",
                "感受野(高):每层增加 (k_eff − 1) 个输入步长",
                "r_{out} = r_{in} + (k_{eff} − 1)×j_{in}",
                "r_{out} = " + in.size() + " + (" + keff + " − 1)×" + in.jump(), Fmt.num(out.size()));
    }

    private static ReceptiveField transposedRf(ReceptiveField in, int k, int s, int d) {
        int keff = d * (k - 1) + 1;
        int touched = (keff + s - 1) / s;
        int jump = in.jump() % s == 0 ? in.jump() / s : Math.max(1, in.jump() / s);
        return new ReceptiveField(in.size() + (touched - 1) * in.jump(), jump, in.start());
    }
}
