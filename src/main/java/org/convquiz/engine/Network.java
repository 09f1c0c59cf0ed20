package org.convquiz.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * torchsummary-like walk over a sequential network: output shape, parameter count, multiply-accumulate
 * count ({@link Macs}) and receptive field per layer. Receptive fields use the standard recurrence (see
 * {@link ReceptiveField#next}); flatten and linear layers see the whole remaining feature map (kernel = its
 * size); a transposed conv with kernel k and stride s is approximated by r_out = r_in + (⌈k_eff/s⌉ − 1)·j_in,
 * j_out = max(1, j_in/s); a residual block sees what the wider of its two paths sees (its main path).
 */
public final class Network {
    private Network() {
    }

    /**
     * The first layer whose input does not fit it.
     *
     * @param layer      its position, from 1
     * @param name       its PyTorch name (Conv2d, Linear, …)
     * @param inputShape the shape that reaches it (the previous layer's output)
     * @param message    what does not fit, naming the shapes
     */
    public record Break(int layer, String name, int[] inputShape, String message) {
        public Break {
            inputShape = inputShape.clone();
        }

        @Override
        public int[] inputShape() {
            return inputShape.clone();
        }
    }

    public static Summary summarize(int[] inputShape, List<Layer> layers) {
        requireInput(inputShape, layers);
        List<LayerSummary> rows = walk(inputShape, ReceptiveField.input(), ReceptiveField.input(), layers);
        long total = 0;
        long macs = 0;
        StringBuilder sum = new StringBuilder();
        for (LayerSummary row : rows) {
            total += row.params();
            macs = Macs.add(macs, row.macs());
            sum.append(sum.length() > 0 ? " + " : "").append(row.params());
        }
        ReceptiveField rh = rows.isEmpty() ? ReceptiveField.input() : rows.get(rows.size() - 1).rfH();
        ReceptiveField rw = rows.isEmpty() ? ReceptiveField.input() : rows.get(rows.size() - 1).rfW();
        List<Step> steps = new ArrayList<>();
        steps.add(new Step("Total parameters: sum over the layers", "参数总数:各层参数之和", "total = Σ params",
                sum.length() == 0 ? "0" : sum.toString(), Fmt.num(total)));
        steps.add(new Step("Total multiply-accumulates: sum over the layers", "乘加总数:各层乘加次数之和", "total = Σ MACs",
                "", Fmt.grouped(macs)));
        steps.add(new Step("Receptive field of the last layer (height × width)", "最后一层的感受野(高 × 宽)",
                "r_{out} = r_{in} + (k_{eff} − 1)×j_{in}", "", Fmt.pair(rh.size(), rw.size())));
        return new Summary(rows, total, macs, steps);
    }

    /** The first layer that cannot take the shape arriving at it, or empty when the whole network fits. */
    public static Optional<Break> firstBreak(int[] inputShape, List<Layer> layers) {
        requireInput(inputShape, layers);
        int[] shape = inputShape.clone();
        ReceptiveField rh = ReceptiveField.input();
        ReceptiveField rw = ReceptiveField.input();
        int i = 0;
        for (Layer layer : layers) {
            i++;
            LayerSummary row;
            try {
                row = row(i, layer, shape, rh, rw);
            } catch (EngineException e) {
                if (e.kind() == EngineException.Kind.TOO_LARGE) {
                    throw e;
                }
                return Optional.of(new Break(i, name(layer), shape, e.getMessage()));
            }
            shape = row.outputShape();
            rh = row.rfH();
            rw = row.rfW();
        }
        return Optional.empty();
    }

    /**
     * The smallest symmetric padding p (0 ≤ p ≤ max) that, given to the Conv2d at position {@code layer}
     * (from 1), makes the whole network fit; empty if none does.
     */
    public static OptionalInt paddingThatFits(int[] inputShape, List<Layer> layers, int layer, int max) {
        if (layer < 1 || layer > layers.size() || !(layers.get(layer - 1) instanceof Layer.Conv c)) {
            throw EngineException.invalid("layer " + layer + " is not a Conv2d of this network");
        }
        for (int p = 0; p <= max; p++) {
            List<Layer> fixed = new ArrayList<>(layers);
            fixed.set(layer - 1, new Layer.Conv(c.conv().withPadding(Padding.perSide(p, p))));
            if (firstBreak(inputShape, fixed).isEmpty()) {
                return OptionalInt.of(p);
            }
        }
        return OptionalInt.empty();
    }

    /** PyTorch's class name of a layer, as a summary row names it. */
    public static String name(Layer layer) {
        if (layer instanceof Layer.Conv) {
            return "Conv2d";
        } else if (layer instanceof Layer.ConvTranspose) {
            return "ConvTranspose2d";
        } else if (layer instanceof Layer.Pool p) {
            return p.pool().name();
        } else if (layer instanceof Layer.Linear) {
            return "Linear";
        } else if (layer instanceof Layer.Flatten) {
            return "Flatten";
        } else if (layer instanceof Layer.BatchNorm) {
            return "BatchNorm2d";
        } else if (layer instanceof Layer.Residual r) {
            return r.name();
        }
        return "ReLU";
    }

    private static void requireInput(int[] inputShape, List<Layer> layers) {
        if (inputShape == null || inputShape.length < 1 || inputShape.length > 4 || layers == null) {
            throw EngineException.invalid("summarize needs an input shape of rank 1 to 4 and a list of layers, got "
                    + (inputShape == null ? "null" : Fmt.shape(inputShape)));
        }
    }

    private static List<LayerSummary> walk(int[] input, ReceptiveField rh, ReceptiveField rw, List<Layer> layers) {
        int[] shape = input.clone();
        List<LayerSummary> rows = new ArrayList<>();
        int i = 0;
        for (Layer layer : layers) {
            i++;
            LayerSummary row = row(i, layer, shape, rh, rw);
            rows.add(row);
            shape = row.outputShape();
            rh = row.rfH();
            rw = row.rfW();
        }
        return rows;
    }

    /** One layer applied to {@code shape}; an engine rule it breaks is reported with the layer's position and name. */
    private static LayerSummary row(int i, Layer layer, int[] shape, ReceptiveField rh, ReceptiveField rw) {
        if (layer == null) {
            throw EngineException.invalid("layer " + i + " is null");
        }
        String name = name(layer);
        List<Step> steps = new ArrayList<>();
        long params = 0;
        long macs = 0;
        ReceptiveField nh = rh;
        ReceptiveField nw = rw;
        int[] out;
        try {
            if (layer instanceof Layer.Conv l) {
                Conv2d c = l.conv();
                Result<int[]> r = Shapes.conv2d(shape, c);
                Result<Long> p = Params.conv2d(c);
                out = r.value();
                Result<Long> m = Macs.conv2d(c, out);
                steps.addAll(r.steps());
                steps.addAll(p.steps());
                steps.addAll(m.steps());
                params = p.value();
                macs = m.value();
                int[] pad = c.padAmounts();
                nh = rh.next(c.kernel().h(), c.stride().h(), pad[0], c.dilation().h());
                nw = rw.next(c.kernel().w(), c.stride().w(), pad[2], c.dilation().w());
                steps.add(rfStep(rh, nh, c.kernel().h(), c.dilation().h()));
            } else if (layer instanceof Layer.ConvTranspose l) {
                ConvTranspose2d c = l.conv();
                Result<int[]> r = Shapes.convTranspose2d(shape, c);
                Result<Long> p = Params.convTranspose2d(c);
                Result<Long> m = Macs.convTranspose2d(c, shape);
                steps.addAll(r.steps());
                steps.addAll(p.steps());
                steps.addAll(m.steps());
                out = r.value();
                params = p.value();
                macs = m.value();
                nh = transposedRf(rh, c.kernel().h(), c.stride().h(), c.dilation().h());
                nw = transposedRf(rw, c.kernel().w(), c.stride().w(), c.dilation().w());
            } else if (layer instanceof Layer.Pool l) {
                Pool2d pl = l.pool();
                Result<int[]> r = Shapes.pool2d(shape, pl);
                steps.addAll(r.steps());
                steps.addAll(Params.pool2d(pl).steps());
                steps.addAll(Macs.none("pooling").steps());
                out = r.value();
                nh = rh.next(pl.kernel().h(), pl.stride().h(), pl.padding().h(), pl.dilation().h());
                nw = rw.next(pl.kernel().w(), pl.stride().w(), pl.padding().w(), pl.dilation().w());
                steps.add(rfStep(rh, nh, pl.kernel().h(), pl.dilation().h()));
            } else if (layer instanceof Layer.Linear l) {
                Result<int[]> r = Shapes.linear(shape, l.in(), l.out());
                Result<Long> p = Params.linear(l.in(), l.out(), l.bias());
                Result<Long> m = Macs.linear(shape, l.in(), l.out());
                steps.addAll(r.steps());
                steps.addAll(p.steps());
                steps.addAll(m.steps());
                out = r.value();
                params = p.value();
                macs = m.value();
            } else if (layer instanceof Layer.Flatten) {
                if (shape.length >= 3) {
                    // every flattened value feeds every later unit: the whole map is one window
                    nh = rh.next(shape[shape.length - 2], 1, 0, 1);
                    nw = rw.next(shape[shape.length - 1], 1, 0, 1);
                }
                Result<int[]> r = Shapes.flatten(shape);
                steps.addAll(r.steps());
                out = r.value();
            } else if (layer instanceof Layer.BatchNorm b) {
                if (shape.length < 3 || shape[shape.length - 3] != b.features()) {
                    throw EngineException.invalid("input has " + (shape.length < 3 ? "no" : shape[shape.length - 3])
                            + " channels but batch_norm2d expects num_features=" + b.features() + " (input shape " + Fmt.shape(shape) + ")");
                }
                out = shape.clone();
                params = 2L * b.features();
                steps.add(new Step("Batch norm: shape unchanged; one scale γ and one shift β per channel",
                        "批量归一化:形状不变;每个通道一个缩放 γ 和一个平移 β", "params = 2 × c", "params = 2 × " + b.features(),
                        Fmt.num(params)));
                steps.addAll(Macs.none("batch norm (folded into the conv before it at inference)").steps());
            } else if (layer instanceof Layer.Residual res) {
                return residual(i, res, shape, rh, rw);
            } else {
                out = shape.clone();
                steps.add(new Step("ReLU is elementwise: shape unchanged, no parameters", "ReLU 逐元素计算:形状不变,无参数",
                        "y = max(0, x)", "", Fmt.shape(shape)));
            }
        } catch (EngineException e) {
            // name the layer so the student knows where the network breaks
            throw new EngineException(e.kind(), "layer " + i + " (" + name + "): " + e.getMessage());
        }
        return new LayerSummary(name + "-" + i, out, params, macs, nh, nw, steps);
    }

    private static LayerSummary residual(int i, Layer.Residual res, int[] shape, ReceptiveField rh, ReceptiveField rw) {
        List<LayerSummary> main;
        List<LayerSummary> shortcut;
        try {
            main = walk(shape, rh, rw, res.main());
        } catch (EngineException e) {
            throw new EngineException(e.kind(), "layer " + i + " (" + res.name() + "), main path " + e.getMessage());
        }
        try {
            shortcut = walk(shape, rh, rw, res.shortcut());
        } catch (EngineException e) {
            throw new EngineException(e.kind(), "layer " + i + " (" + res.name() + "), shortcut " + e.getMessage());
        }
        int[] a = main.get(main.size() - 1).outputShape();
        int[] b = shortcut.isEmpty() ? shape : shortcut.get(shortcut.size() - 1).outputShape();
        if (!Arrays.equals(a, b)) {
            throw EngineException.invalid("layer " + i + " (" + res.name() + "): the main path gives " + Fmt.shape(a)
                    + " but the shortcut gives " + Fmt.shape(b) + ", so they cannot be added"
                    + (shortcut.isEmpty() ? " (a 1×1 convolution with the block's stride on the shortcut would project it)" : ""));
        }
        List<Step> steps = new ArrayList<>();
        long params = 0;
        long macs = 0;
        for (String path : List.of("main", "shortcut")) {
            List<LayerSummary> rows = path.equals("main") ? main : shortcut;
            if (rows.isEmpty()) {
                steps.add(new Step("Shortcut: the identity (input " + Fmt.shape(shape) + " added as it is)",
                        "捷径:恒等映射(输入 " + Fmt.shape(shape) + " 原样相加)", "", "", Fmt.shape(shape)));
            }
            for (LayerSummary r : rows) {
                params += r.params();
                macs = Macs.add(macs, r.macs());
                steps.add(new Step((path.equals("main") ? "Main path, " : "Shortcut, ") + r.name() + ": output " + r.outputShapeString()
                        + ", " + r.params() + " parameters, " + Fmt.grouped(r.macs()) + " MACs",
                        (path.equals("main") ? "主路径," : "捷径,") + r.name() + ":输出 " + r.outputShapeString() + ",参数 "
                                + r.params() + ",乘加 " + Fmt.grouped(r.macs()),
                        "", "", r.outputShapeString()));
                steps.addAll(r.steps());
            }
        }
        steps.add(new Step("The two paths have the same shape, so they are added element by element (no parameters)",
                "两条路径形状相同,逐元素相加(无参数)", "y = F(x) + shortcut(x)", Fmt.shape(a) + " + " + Fmt.shape(b), Fmt.shape(a)));
        LayerSummary last = main.get(main.size() - 1);
        return new LayerSummary(res.name() + "-" + i, a, params, macs, last.rfH(), last.rfW(), steps);
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
