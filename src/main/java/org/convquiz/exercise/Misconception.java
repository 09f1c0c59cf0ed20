package org.convquiz.exercise;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.convquiz.engine.Conv2d;
import org.convquiz.engine.Padding;
import org.convquiz.engine.Pair;
import org.convquiz.engine.Pool2d;
import org.convquiz.engine.PoolKind;
import org.convquiz.engine.Tensor;
import org.convquiz.exercise.ExerciseSpec.PartSpec;
import org.convquiz.exercise.answer.ParsedAnswer;

/**
 * The catalogue of named mistakes. Each computes what a student who makes it would answer, by a
 * deliberately wrong version of the engine's formula applied to the student's own numbers; when a
 * wrong answer equals that (and not the right answer), the feedback names the mistake.
 */
public enum Misconception {
    FORGOT_PLUS_ONE(
            Text.of("You forgot the + 1 in the output-size formula", "输出尺寸公式里漏掉了 + 1"),
            Text.of("The number of window positions is ⌊(n + 2p − k)/s⌋ + 1: count the first position too.",
                    "窗口位置数是 ⌊(n + 2p − k)/s⌋ + 1：第一个位置也要算上。")) {
        @Override
        Optional<ParsedAnswer> wrong(Model m, PartSpec part, Quantity q) {
            return shapeQuantity(m, q, (n, sp) -> Math.floorDiv(n + sp.before + sp.after - sp.effectiveKernel(), sp.stride));
        }

        @Override
        Text tutorialAdvice() {
            return Text.of("The output height is ⌊(n_h + p_h − k_h + s_h)/s_h⌋, i.e. n_h + p_h − k_h + 1 with stride 1: count the first position too.",
                    "输出的高是 ⌊(n_h + p_h − k_h + s_h)/s_h⌋，步幅为 1 时即 n_h + p_h − k_h + 1：第一个位置也要算上。");
        }
    },
    PADDING_ONE_SIDE(
            Text.of("You counted PyTorch's padding on one side only", "把 PyTorch 的 padding 只算了一侧"),
            Text.of("padding=p in nn.Conv2d adds p rows at the top AND p at the bottom: use n + 2p.",
                    "nn.Conv2d 的 padding=p 在上下各加 p 行：应使用 n + 2p。")) {
        @Override
        Optional<ParsedAnswer> wrong(Model m, PartSpec part, Quantity q) {
            List<ParsedAnswer> all = wrongs(m, part, q);
            return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
        }

        /** Sizes with p instead of 2p (conv and pooling); values with the zeros only at the top/left or only at the bottom/right. */
        @Override
        List<ParsedAnswer> wrongs(Model m, PartSpec part, Quantity q) {
            List<ParsedAnswer> out = new ArrayList<>();
            if (q == Quantity.OUTPUT || q == Quantity.OUTPUT_ELEMENT) {
                for (boolean before : new boolean[] {true, false}) {
                    recompute(m, part, q, layer -> layer instanceof Model.Layer.Conv c
                            && c.conv().padding() instanceof Padding.Explicit e && e.convention() == Padding.Convention.PER_SIDE
                            && e.top() + e.left() > 0
                            ? conv(c, c.conv().withPadding(before ? new Padding.Explicit(e.top(), 0, e.left(), 0)
                                    : new Padding.Explicit(0, e.bottom(), 0, e.right()))) : null).ifPresent(out::add);
                }
                return out;
            }
            boolean padded = m.layers().stream().anyMatch(l -> oneSidePadding(l) > 0);
            if (padded) {
                shapeQuantity(m, q, (n, sp) -> Math.floorDiv(n + sp.before - sp.effectiveKernel(), sp.stride) + 1, true).ifPresent(out::add);
            }
            return out;
        }
    },
    TOTAL_PADDING_DOUBLED(
            Text.of("You counted the tutorial's total padding on each side", "把教程中的总填充 p_h 在每一侧都算了一遍"),
            Text.of("In the tutorial's formula p_h is already the total over top and bottom: use n_h + p_h, not n_h + 2p_h.",
                    "教程公式中的 p_h 已是上下两侧的总和：应使用 n_h + p_h，而不是 n_h + 2p_h。")) {
        @Override
        Optional<ParsedAnswer> wrong(Model m, PartSpec part, Quantity q) {
            return recompute(m, part, q, layer -> layer instanceof Model.Layer.Conv c
                    && c.conv().padding() instanceof Padding.Explicit e && e.convention() == Padding.Convention.TOTAL
                    && e.totalH() + e.totalW() > 0
                    ? conv(c, c.conv().withPadding(Padding.perSide(e.totalH(), e.totalW()))) : null);
        }
    },
    NO_FLOOR(
            Text.of("You rounded up instead of down", "向上取整了，应向下取整"),
            Text.of("A window that would stick out past the (padded) input is not used: take the floor ⌊·⌋.",
                    "超出（填充后）输入的窗口不计算：应向下取整 ⌊·⌋。")) {
        @Override
        Optional<ParsedAnswer> wrong(Model m, PartSpec part, Quantity q) {
            return shapeQuantity(m, q, (n, sp) -> Math.floorDiv(n + sp.before + sp.after - sp.effectiveKernel() + sp.stride - 1, sp.stride) + 1);
        }

        @Override
        Text tutorialAdvice() {
            return Text.of("In ⌊(n_h + p_h − k_h + s_h)/s_h⌋ a window that would stick out past the padded input is not used: round down, not up.",
                    "在 ⌊(n_h + p_h − k_h + s_h)/s_h⌋ 中，超出填充后输入的窗口不计算：应向下取整，而不是向上取整。");
        }
    },
    STRIDE_IGNORED(
            Text.of("You left out the stride", "忽略了步幅"),
            Text.of("With stride s the window jumps s positions: divide (n + 2p − k) by s before adding 1.",
                    "步幅为 s 时窗口每次移动 s 个位置：先把 (n + 2p − k) 除以 s，再加 1。")) {
        @Override
        Optional<ParsedAnswer> wrong(Model m, PartSpec part, Quantity q) {
            return recompute(m, part, q, layer -> {
                if (layer instanceof Model.Layer.Conv c && c.conv().stride().h() * c.conv().stride().w() > 1) {
                    return conv(c, c.conv().withStride(Pair.of(1)));
                }
                if (layer instanceof Model.Layer.Pool p && p.pool().stride().h() * p.pool().stride().w() > 1) {
                    return new Model.Layer.Pool(p.pool().withStride(Pair.of(1)));
                }
                return null;
            });
        }

        @Override
        Text tutorialAdvice() {
            return Text.of("With stride s_h the window jumps s_h rows: the height is ⌊(n_h + p_h − k_h + s_h)/s_h⌋, not n_h + p_h − k_h + 1.",
                    "步幅为 s_h 时窗口每次移动 s_h 行：输出的高是 ⌊(n_h + p_h − k_h + s_h)/s_h⌋，而不是 n_h + p_h − k_h + 1。");
        }
    },
    BIAS_FORGOTTEN(
            Text.of("You forgot the biases", "漏算了偏置"),
            Text.of("With bias=True each output channel (or output neuron) has one bias: add them.",
                    "bias=True 时每个输出通道（或输出神经元）有一个偏置：要加上。")) {
        @Override
        Optional<ParsedAnswer> wrong(Model m, PartSpec part, Quantity q) {
            if (q != Quantity.PARAMS && q != Quantity.FC_PARAMS) {
                return Optional.empty();
            }
            return recompute(m, part, q, layer -> {
                if (layer instanceof Model.Layer.Conv c && c.conv().bias()) {
                    return conv(c, c.conv().withBias(false));
                }
                if (layer instanceof Model.Layer.Linear l && l.bias()) {
                    return new Model.Layer.Linear(l.inFeatures(), l.outFeatures(), false);
                }
                return null;
            });
        }
    },
    BIAS_PER_INPUT_CHANNEL(
            Text.of("You counted one bias per input channel", "按输入通道数计算了偏置"),
            Text.of("A conv layer has one bias per OUTPUT channel (c_o biases), whatever the number of input channels.",
                    "卷积层每个输出通道一个偏置（共 c_o 个），与输入通道数无关。")) {
        @Override
        Optional<ParsedAnswer> wrong(Model m, PartSpec part, Quantity q) {
            if (q == Quantity.BIAS_SHAPE) {
                return m.layers().stream().filter(Model.Layer.Conv.class::isInstance).map(l -> ((Model.Layer.Conv) l).conv()).findFirst()
                        .filter(c -> c.inChannels() != c.outChannels())
                        .map(c -> Quantities.shape(new int[] {c.inChannels()}));
            }
            if (q != Quantity.PARAMS) {
                return Optional.empty();
            }
            long total = 0;
            boolean differs = false;
            for (Model.Layer layer : m.layers()) {
                if (layer instanceof Model.Layer.Conv c) {
                    Conv2d conv = c.conv();
                    total += weights(conv) + (conv.bias() ? conv.inChannels() : 0);
                    differs |= conv.bias() && conv.inChannels() != conv.outChannels();
                } else if (layer instanceof Model.Layer.Linear l) {
                    total += (long) l.inFeatures() * l.outFeatures() + (l.bias() ? l.outFeatures() : 0);
                }
            }
            return differs ? Optional.of(Quantities.integer(total)) : Optional.empty();
        }
    },
    PARAMS_TIMES_HW(
            Text.of("You multiplied the kernel's parameters by the image size", "把卷积核参数乘上了图像的高和宽"),
            Text.of("A kernel is shared by every position: its c_o×c_i×k_h×k_w weights do not depend on the image's height and width.",
                    "卷积核在所有位置共享：c_o×c_i×k_h×k_w 个权重与图像的高和宽无关。")) {
        @Override
        Optional<ParsedAnswer> wrong(Model m, PartSpec part, Quantity q) {
            if (q != Quantity.PARAMS || m.inputShape().length < 3) {
                return Optional.empty();
            }
            long hw = (long) m.inputShape()[m.inputShape().length - 2] * m.inputShape()[m.inputShape().length - 1];
            long total = 0;
            for (Model.Layer layer : m.layers()) {
                if (layer instanceof Model.Layer.Conv c) {
                    Conv2d conv = c.conv();
                    total += weights(conv) * hw + (conv.bias() ? conv.outChannels() : 0);
                }
            }
            return total > 0 && hw > 1 ? Optional.of(Quantities.integer(total)) : Optional.empty();
        }
    },
    POOL_CHANGES_CHANNELS(
            Text.of("Your pooling merged the channels", "池化时把各通道合并了"),
            Text.of("Pooling works on each channel separately and does not add channels up: the channel count stays the same.",
                    "池化层对每个通道分别池化，不会把通道相加：通道数不变。")) {
        @Override
        Optional<ParsedAnswer> wrong(Model m, PartSpec part, Quantity q) {
            boolean pools = m.layers().stream().anyMatch(l -> l instanceof Model.Layer.Pool);
            if (!pools || m.inputShape().length < 3) {
                return Optional.empty();
            }
            if (q == Quantity.OUTPUT_SHAPE || q == Quantity.OUTPUT_CHANNELS) {
                int[] shape = Quantities.outputShape(m).value().clone();
                if (shape[shape.length - 3] == 1) {
                    return Optional.empty();
                }
                shape[shape.length - 3] = 1;
                return Optional.of(q == Quantity.OUTPUT_SHAPE ? Quantities.shape(shape) : Quantities.integer(1));
            }
            return Optional.empty();
        }
    },
    KERNEL_FLIPPED(
            Text.of("You mixed up convolution and cross-correlation", "混淆了卷积运算和互相关运算"),
            Text.of("A conv layer computes cross-correlation: lay the kernel on the window as it is. True convolution flips it both ways first.",
                    "卷积层计算的是互相关：直接把核放在窗口上逐元素相乘再求和。真正的卷积要先把核上下、左右翻转。")) {
        @Override
        Optional<ParsedAnswer> wrong(Model m, PartSpec part, Quantity q) {
            if (q != Quantity.OUTPUT && q != Quantity.OUTPUT_ELEMENT) {
                return Optional.empty();
            }
            return recompute(m, part, q, layer -> {
                if (layer instanceof Model.Layer.Correlate c) {
                    return new Model.Layer.Correlate(c.kernel(), !c.flipped());
                }
                if (layer instanceof Model.Layer.Conv c && c.weight() != null) {
                    return new Model.Layer.Conv(c.conv(), flip(c.weight()), c.bias());
                }
                return null;
            });
        }
    },
    MEAN_GRAD_COPIED(
            Text.of("You copied the mean-pool gradient instead of splitting it", "把平均池化的梯度复制了，而不是平分"),
            Text.of("Each output gradient of mean pooling is split into n equal parts (n = window size), so the total gradient stays the same.",
                    "平均池化的每个输出梯度要平分成 n 份（n 为窗口大小），梯度之和才保持不变。")) {
        @Override
        Optional<ParsedAnswer> wrong(Model m, PartSpec part, Quantity q) {
            return gradientQuantity(q) ? recompute(m, part, q, layer -> layer instanceof Model.Layer.Pool p && p.pool().kind() == PoolKind.AVG
                    ? new Model.Layer.Pool(p.pool().withDivisorOverride(1)) : null) : Optional.empty();
        }
    },
    MAX_GRAD_SPREAD(
            Text.of("You sent the max-pool gradient to the whole window", "把最大池化的梯度传给了整个窗口"),
            Text.of("Max pooling passes each output gradient only to the input that held the window's maximum (the 'max id'); the others get 0.",
                    "最大池化只把输出梯度传给窗口中最大值所在的位置（max id），其余位置为 0。")) {
        @Override
        Optional<ParsedAnswer> wrong(Model m, PartSpec part, Quantity q) {
            // Spreading the whole gradient over the window is what an average pool with divisor 1 does.
            return gradientQuantity(q) ? recompute(m, part, q, layer -> layer instanceof Model.Layer.Pool p && p.pool().kind() == PoolKind.MAX
                    ? new Model.Layer.Pool(asAverage(p.pool()).withDivisorOverride(1)) : null) : Optional.empty();
        }
    },
    MAX_GRAD_SPLIT(
            Text.of("You split the max-pool gradient like a mean pool", "把最大池化的梯度像平均池化那样平分了"),
            Text.of("Only the window's maximum influenced the output, so it gets the whole gradient; the other inputs get 0. Splitting it n ways is what mean pooling does.",
                    "只有窗口中的最大值影响了输出，所以它得到全部梯度，其余位置为 0。把梯度平分成 n 份是平均池化的做法。")) {
        @Override
        Optional<ParsedAnswer> wrong(Model m, PartSpec part, Quantity q) {
            return gradientQuantity(q) ? recompute(m, part, q, layer -> layer instanceof Model.Layer.Pool p && p.pool().kind() == PoolKind.MAX
                    ? new Model.Layer.Pool(asAverage(p.pool())) : null) : Optional.empty();
        }
    },
    MAX_GRAD_OVERWRITTEN(
            Text.of("You overwrote overlapping gradients instead of adding them", "重叠窗口的梯度被覆盖了，而不是相加"),
            Text.of("When windows overlap, one input can be the maximum of several windows: it receives every one of their gradients, added up.",
                    "窗口重叠时，同一个输入可能是多个窗口的最大值：它要接收这些窗口的全部梯度，并把它们相加。")) {
        @Override
        Optional<ParsedAnswer> wrong(Model m, PartSpec part, Quantity q) {
            return maxRouting(m, part, q, false, true);
        }
    },
    TIES_LAST_MAX(
            Text.of("You sent a tied maximum's gradient to the last one", "并列最大值时把梯度传给了最后一个"),
            Text.of("When a window holds its maximum twice, PyTorch's max id is the first one in reading order (row by row, left to right); only it gets the gradient.",
                    "窗口中最大值出现多次时，PyTorch 记录的 max id 是按行从左到右读到的第一个；只有它得到梯度。")) {
        @Override
        Optional<ParsedAnswer> wrong(Model m, PartSpec part, Quantity q) {
            return maxRouting(m, part, q, true, false);
        }
    },
    RECEPTIVE_FIELDS_ADDED(
            Text.of("You added the receptive fields of the layers", "把各层的感受野直接相加了"),
            Text.of("Stacked windows overlap: each stride-1 k×k layer widens the receptive field by k − 1, so two 3×3 layers see 3 + 2 = 5, not 6.",
                    "叠加的窗口会重叠：每个步幅为 1 的 k×k 层只让感受野增加 k − 1，所以两个 3×3 层的感受野是 3 + 2 = 5，而不是 6。")) {
        @Override
        Optional<ParsedAnswer> wrong(Model m, PartSpec part, Quantity q) {
            if (q != Quantity.RECEPTIVE_FIELD && q != Quantity.RECEPTIVE_FIELD_ELEMENTS) {
                return Optional.empty();
            }
            int sum = 0;
            for (Model.Layer layer : m.layers()) {
                Axis[] axes = axes(layer);
                sum += axes == null ? 0 : axes[0].kernel();
            }
            return Optional.of(Quantities.integer(q == Quantity.RECEPTIVE_FIELD ? sum : (long) sum * sum));
        }
    },
    CHANNELS_SWAPPED(
            Text.of("You swapped in_channels and out_channels", "把输入通道数和输出通道数弄反了"),
            Text.of("The output has out_channels channels, and the weight's shape is out_channels × in_channels × k_h × k_w.",
                    "输出的通道数是 out_channels，权重形状是 out_channels × in_channels × k_h × k_w。")) {
        @Override
        Optional<ParsedAnswer> wrong(Model m, PartSpec part, Quantity q) {
            Optional<Model.Layer.Conv> first = m.layers().stream().filter(Model.Layer.Conv.class::isInstance)
                    .map(Model.Layer.Conv.class::cast).findFirst();
            if (first.isEmpty() || first.get().conv().inChannels() == first.get().conv().outChannels()) {
                return Optional.empty();
            }
            Conv2d c = first.get().conv();
            return switch (q) {
                case WEIGHT_SHAPE -> Optional.of(Quantities.shape(new int[] {c.inChannels(), c.outChannels() / c.groups(), c.kernel().h(), c.kernel().w()}));
                case OUTPUT_SHAPE, OUTPUT_CHANNELS -> {
                    if (m.layers().size() != 1) {
                        yield Optional.empty();
                    }
                    int[] shape = Quantities.outputShape(m).value().clone();
                    shape[shape.length - 3] = c.inChannels();
                    yield Optional.of(q == Quantity.OUTPUT_SHAPE ? Quantities.shape(shape) : Quantities.integer(c.inChannels()));
                }
                default -> Optional.empty();
            };
        }
    },
    CEIL_MODE_IGNORED(
            Text.of("You ignored ceil_mode=True", "忽略了 ceil_mode=True"),
            Text.of("With ceil_mode=True the size rounds up, ⌈(n + 2p − k)/s⌉ + 1, as long as the last window still starts inside the input or its left padding.",
                    "ceil_mode=True 时输出尺寸向上取整：⌈(n + 2p − k)/s⌉ + 1，前提是最后一个窗口仍从输入或左侧填充内开始。")) {
        @Override
        Optional<ParsedAnswer> wrong(Model m, PartSpec part, Quantity q) {
            if (q != Quantity.OUTPUT_SHAPE && q != Quantity.OUTPUT_HEIGHT && q != Quantity.OUTPUT_WIDTH) {
                return Optional.empty();
            }
            return recompute(m, part, q, layer -> layer instanceof Model.Layer.Pool p && p.pool().ceilMode()
                    ? new Model.Layer.Pool(p.pool().withCeilMode(false)) : null);
        }
    },
    CHANNELS_NOT_SUMMED(
            Text.of("You used only the first input channel", "只计算了第一个输入通道"),
            Text.of("With several input channels, correlate each channel with its own kernel slice and add the results up, pixel by pixel.",
                    "有多个输入通道时，要把每个通道分别与对应的卷积核切片做互相关，再把结果逐元素相加。")) {
        @Override
        Optional<ParsedAnswer> wrong(Model m, PartSpec part, Quantity q) {
            if ((q != Quantity.OUTPUT && q != Quantity.OUTPUT_ELEMENT) || m.input() == null || m.layers().size() != 1
                    || !(m.layers().get(0) instanceof Model.Layer.Conv c) || c.weight() == null
                    || c.conv().inChannels() < 2 || c.conv().groups() != 1) {
                return Optional.empty();
            }
            Tensor input = firstChannel(m.input(), m.input().rank() - 3);
            Tensor weight = firstChannel(c.weight(), 1);
            Model.Layer oneChannel = new Model.Layer.Conv(Conv2d.of(1, c.conv().outChannels(), c.conv().kernel())
                    .withStride(c.conv().stride()).withPadding(c.conv().padding()).withDilation(c.conv().dilation())
                    .withBias(c.conv().bias()).withPaddingMode(c.conv().paddingMode()), weight, c.bias());
            return Optional.of(Quantities.compute(new Model(input.shape(), input, null, List.of(oneChannel), m.params()), part, q).value());
        }
    },
    FC_WITHOUT_OUTPUT_SIZE(
            Text.of("You connected the input to one neuron per output channel", "只为每个输出通道连接了一个神经元"),
            Text.of("A fully connected layer that replaces a conv layer needs one neuron per output ELEMENT: c_2 × h_2 × w_2 of them.",
                    "替代卷积层的全连接层要为每个输出元素配一个神经元：共 c_2 × h_2 × w_2 个。")) {
        @Override
        Optional<ParsedAnswer> wrong(Model m, PartSpec part, Quantity q) {
            if (q != Quantity.FC_PARAMS) {
                return Optional.empty();
            }
            int[] in = m.inputShape();
            int[] out = Quantities.outputShape(m).value();
            long inputs = (long) in[in.length - 3] * in[in.length - 2] * in[in.length - 1];
            long c2 = out[out.length - 3];
            return Optional.of(new ParsedAnswer.IntegerAnswer(BigInteger.valueOf(inputs * c2)));
        }
    },
    /** A choice option taken for true (or false); the grader names the option and gives its explanation. */
    WRONG_OPTION(
            Text.of("That statement is not what the question asks for", "这个说法不符合题目的要求"),
            Text.of("Check each statement against the layer's numbers: which one is true, and which one is false?",
                    "请用本题的层和数字逐一检验每个说法：哪个正确，哪个错误？")) {
        @Override
        Optional<ParsedAnswer> wrong(Model m, PartSpec part, Quantity q) {
            return Optional.empty();
        }
    };

    private final Text name;
    private final Text advice;

    Misconception(Text name, Text advice) {
        this.name = name;
        this.advice = advice;
    }

    public Text title() {
        return name;
    }

    public Text advice() {
        return advice;
    }

    /** The id used in files and stored with submissions: {@code forgot_plus_one}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Misconception> parse(String id) {
        return Arrays.stream(values()).filter(m -> m.id().equals(id)).findFirst();
    }

    /** What a student making this mistake would answer for this part, if the mistake applies to it. */
    abstract Optional<ParsedAnswer> wrong(Model model, PartSpec part, Quantity quantity);

    /** Every way this mistake shows (padding on the top or on the bottom); by default the one {@link #wrong}. */
    List<ParsedAnswer> wrongs(Model model, PartSpec part, Quantity quantity) {
        return wrong(model, part, quantity).stream().toList();
    }

    /** The advice in the tutorial's convention (total padding p_h, sections 4.1–4.2), where it differs. */
    Text tutorialAdvice() {
        return advice;
    }

    /** The title for this exercise. */
    public Text title(Model model, PartSpec part) {
        return name;
    }

    /** The advice in the exercise's own convention: the tutorial's p_h formulas where its layers use total padding. */
    public Text advice(Model model, PartSpec part) {
        boolean tutorial = model.layers().stream().anyMatch(l -> l instanceof Model.Layer.Conv c
                && c.conv().padding() instanceof Padding.Explicit e && e.convention() == Padding.Convention.TOTAL);
        return tutorial ? tutorialAdvice() : advice;
    }

    /** The wrong answer, or empty when the mistake does not apply or gives an impossible model. */
    public Optional<ParsedAnswer> wrongAnswer(Model model, PartSpec part, Quantity quantity) {
        List<ParsedAnswer> all = wrongAnswers(model, part, quantity);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /** Every wrong answer this mistake gives for the part (empty when it does not apply or gives an impossible model). */
    public List<ParsedAnswer> wrongAnswers(Model model, PartSpec part, Quantity quantity) {
        if (quantity == Quantity.CHOICE) {
            return List.of(); // a choice's wrong options are explained by the options themselves
        }
        if (quantity == Quantity.MACS || quantity == Quantity.BROKEN_LAYER || quantity == Quantity.FIXING_PADDING) {
            return List.of(); // no catalogued mistake for these yet
        }
        if (part.layer() != null) {
            // a question about layer n: the same mistakes, made on the network up to that layer (or on that layer alone for its parameters)
            int n = part.layer();
            if (n < 1 || n > model.layers().size()) {
                return List.of();
            }
            try {
                Model upTo = model.withLayers(model.layers().subList(0, n));
                Model asked = quantity == Quantity.PARAMS
                        ? model.withInputShape(Quantities.outputShape(model.withLayers(model.layers().subList(0, n - 1))).value())
                                .withLayers(List.of(model.layers().get(n - 1)))
                        : upTo;
                return wrongAnswers(asked, Quantities.withoutLayer(part), quantity);
            } catch (IllegalArgumentException | ArithmeticException e) {
                return List.of();
            }
        }
        try {
            return wrongs(model, part, quantity);
        } catch (IllegalArgumentException | ArithmeticException e) { // EngineException is an IllegalArgumentException
            return List.of();
        }
    }

    /** PyTorch-style padding of a layer that a student could count on one side only (0 for none or the tutorial's total). */
    private static int oneSidePadding(Model.Layer layer) {
        if (layer instanceof Model.Layer.Conv c && c.conv().padding() instanceof Padding.Explicit e
                && e.convention() == Padding.Convention.PER_SIDE) {
            return e.top() + e.left();
        }
        if (layer instanceof Model.Layer.Pool p) {
            return p.pool().padding().h() + p.pool().padding().w();
        }
        return 0;
    }

    /**
     * The max-pool input gradient routed by a wrong rule: to the last of tied maxima, and/or overwriting what an
     * earlier window sent to the same input. Empty when the rule gives the right answer anyway.
     */
    private static Optional<ParsedAnswer> maxRouting(Model m, PartSpec part, Quantity q, boolean lastOfTies, boolean overwrite) {
        if (!gradientQuantity(q) || m.layers().size() != 1 || !(m.layers().get(0) instanceof Model.Layer.Pool p)
                || p.pool().kind() != PoolKind.MAX || m.input() == null || m.gradOutput() == null) {
            return Optional.empty();
        }
        Pool2d pool = p.pool();
        Tensor x = m.input();
        int[] xs = x.shape();
        int h = xs[xs.length - 2];
        int w = xs[xs.length - 1];
        int[] gs = m.gradOutput().shape();
        int oh = gs[gs.length - 2];
        int ow = gs[gs.length - 1];
        double[] xd = x.data();
        double[] g = m.gradOutput().data();
        double[] out = new double[xd.length];
        int planes = xd.length / (h * w);
        for (int pl = 0; pl < planes; pl++) {
            for (int r = 0; r < oh; r++) {
                for (int c = 0; c < ow; c++) {
                    int best = -1;
                    for (int i = 0; i < pool.kernel().h(); i++) {
                        for (int j = 0; j < pool.kernel().w(); j++) {
                            int y = r * pool.stride().h() - pool.padding().h() + i * pool.dilation().h();
                            int z = c * pool.stride().w() - pool.padding().w() + j * pool.dilation().w();
                            if (y < 0 || y >= h || z < 0 || z >= w) {
                                continue;
                            }
                            int at = pl * h * w + y * w + z;
                            if (best < 0 || xd[at] > xd[best] || (lastOfTies && xd[at] == xd[best])) {
                                best = at;
                            }
                        }
                    }
                    double grad = g[pl * oh * ow + r * ow + c];
                    if (best >= 0) {
                        out[best] = overwrite ? grad : out[best] + grad;
                    }
                }
            }
        }
        ParsedAnswer wrong = Quantities.tensor(Tensor.of(xs, out));
        if (q == Quantity.GRAD_SUM) {
            return Optional.of(org.convquiz.exercise.answer.Exact.sum(out));
        }
        return Optional.of(wrong);
    }

    // ---- the wrong formulas' building blocks ----------------------------------------------------

    /** The kernel's weights as the engine counts them (the part of the count these mistakes get right). */
    private static long weights(Conv2d conv) {
        return org.convquiz.engine.Params.conv2d(conv.withBias(false)).value();
    }

    private static Model.Layer conv(Model.Layer.Conv c, Conv2d changed) {
        return new Model.Layer.Conv(changed, c.weight(), c.bias());
    }

    private static boolean gradientQuantity(Quantity q) {
        return q == Quantity.GRAD_INPUT || q == Quantity.GRAD_SUM;
    }

    private static Pool2d asAverage(Pool2d max) {
        return Pool2d.avg(max.kernel()).withStride(max.stride()).withPadding(max.padding()).withCeilMode(max.ceilMode())
                .withCountIncludePad(true);
    }

    private static Tensor flip(Tensor weight) {
        int[] s = weight.shape();
        int kh = s[s.length - 2];
        int kw = s[s.length - 1];
        double[] d = weight.data();
        double[] out = new double[d.length];
        for (int plane = 0; plane < d.length / (kh * kw); plane++) {
            for (int i = 0; i < kh; i++) {
                for (int j = 0; j < kw; j++) {
                    out[plane * kh * kw + i * kw + j] = d[plane * kh * kw + (kh - 1 - i) * kw + (kw - 1 - j)];
                }
            }
        }
        return Tensor.of(s, out);
    }

    /** The tensor with only index 0 along one axis (the first channel), keeping that axis with size 1. */
    private static Tensor firstChannel(Tensor t, int axis) {
        int[] shape = t.shape();
        int outer = 1;
        for (int i = 0; i < axis; i++) {
            outer *= shape[i];
        }
        int inner = 1;
        for (int i = axis + 1; i < shape.length; i++) {
            inner *= shape[i];
        }
        double[] d = t.data();
        double[] out = new double[outer * inner];
        for (int o = 0; o < outer; o++) {
            System.arraycopy(d, o * shape[axis] * inner, out, o * inner, inner);
        }
        int[] newShape = shape.clone();
        newShape[axis] = 1;
        return Tensor.of(newShape, out);
    }

    /** Replaces the layers the mistake changes (null = unchanged) and asks the engine again. */
    private static Optional<ParsedAnswer> recompute(Model m, PartSpec part, Quantity q,
            java.util.function.Function<Model.Layer, Model.Layer> change) {
        List<Model.Layer> layers = new ArrayList<>();
        boolean changed = false;
        for (Model.Layer layer : m.layers()) {
            Model.Layer replaced = change.apply(layer);
            changed |= replaced != null;
            layers.add(replaced == null ? layer : replaced);
        }
        return changed ? Optional.of(Quantities.compute(m.withLayers(layers), part, q).value()) : Optional.empty();
    }

    /** One spatial axis of a sliding-window layer. */
    record Axis(int kernel, int stride, int before, int after, int dilation) {
        int effectiveKernel() {
            return dilation * (kernel - 1) + 1;
        }
    }

    interface SizeRule {
        int size(int n, Axis axis);
    }

    private static Optional<ParsedAnswer> shapeQuantity(Model m, Quantity q, SizeRule rule) {
        return shapeQuantity(m, q, rule, false);
    }

    /**
     * Output shape (or one of its dimensions) with a wrong size rule for every sliding-window layer; with
     * {@code paddedOnly}, only for the layers whose PyTorch padding could be counted on one side.
     */
    private static Optional<ParsedAnswer> shapeQuantity(Model m, Quantity q, SizeRule rule, boolean paddedOnly) {
        if (q != Quantity.OUTPUT_SHAPE && q != Quantity.OUTPUT_HEIGHT && q != Quantity.OUTPUT_WIDTH) {
            return Optional.empty();
        }
        int[] shape = m.inputShape().clone();
        for (Model.Layer layer : m.layers()) {
            shape = paddedOnly && oneSidePadding(layer) == 0 ? Quantities.layerShape(shape, layer).value() : wrongShape(shape, layer, rule);
            if (Arrays.stream(shape).anyMatch(d -> d < 1)) {
                return Optional.empty();
            }
        }
        int n = shape.length;
        return Optional.of(switch (q) {
            case OUTPUT_HEIGHT -> Quantities.integer(shape[n - 2]);
            case OUTPUT_WIDTH -> Quantities.integer(shape[n - 1]);
            default -> Quantities.shape(shape);
        });
    }

    private static int[] wrongShape(int[] in, Model.Layer layer, SizeRule rule) {
        Axis[] axes = axes(layer);
        if (axes == null) {
            return Quantities.layerShape(in, layer).value();
        }
        int n = in.length;
        int[] out = in.clone();
        if (layer instanceof Model.Layer.Conv c) {
            out[n - 3] = c.conv().outChannels();
        }
        out[n - 2] = rule.size(in[n - 2], axes[0]);
        out[n - 1] = rule.size(in[n - 1], axes[1]);
        return out;
    }

    /** The height and width axes of a sliding-window layer, or null for other layers. */
    private static Axis[] axes(Model.Layer layer) {
        if (layer instanceof Model.Layer.Correlate c) {
            return new Axis[] {new Axis(c.kernel().dim(0), 1, 0, 0, 1), new Axis(c.kernel().dim(1), 1, 0, 0, 1)};
        }
        if (layer instanceof Model.Layer.Conv c) {
            Conv2d conv = c.conv();
            int[] pad = conv.padAmounts();
            return new Axis[] {new Axis(conv.kernel().h(), conv.stride().h(), pad[0], pad[1], conv.dilation().h()),
                    new Axis(conv.kernel().w(), conv.stride().w(), pad[2], pad[3], conv.dilation().w())};
        }
        if (layer instanceof Model.Layer.Pool p) {
            Pool2d pool = p.pool();
            return new Axis[] {new Axis(pool.kernel().h(), pool.stride().h(), pool.padding().h(), pool.padding().h(), pool.dilation().h()),
                    new Axis(pool.kernel().w(), pool.stride().w(), pool.padding().w(), pool.padding().w(), pool.dilation().w())};
        }
        return null;
    }
}
