package org.convquiz.exercise;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.convquiz.engine.Conv2d;
import org.convquiz.engine.EngineException;
import org.convquiz.engine.Layer;
import org.convquiz.engine.Network;
import org.convquiz.engine.Ops;
import org.convquiz.engine.Phrase;
import org.convquiz.engine.Step;
import org.convquiz.engine.Summary;
import org.convquiz.engine.Tensor;
import org.convquiz.exercise.ExerciseSpec.OptionSpec;
import org.convquiz.exercise.answer.ParsedAnswer;

/** The statements about layers that the engine can check for a choice option ({@code truth: {check: …}}). */
public final class Checks {
    /** Check names and the arguments each takes. */
    static final Map<String, List<String>> ARGS = Map.of(
            "accepts_input_shape", List.of("input_shape"),
            "receptive_fields_equal", List.of("kernels", "single"),
            "has_no_params", List.of(),
            "keeps_channels", List.of(),
            "reduces_height_width", List.of(),
            "passes_gradient", List.of(),
            "channel_fc_equivalent", List.of());

    private Checks() {
    }

    /** Whether an option's statement is true, and the step that shows why. */
    public record Verdict(boolean truth, Phrase says, String evidence) {
        Step step(String key) {
            // ✓ / ✗ read the same in both languages (the words true/false showed on Chinese pages).
            return new Step(Phrase.of("checks.option", key, says), "", evidence, truth ? "✓" : "✗");
        }
    }

    static Verdict truth(OptionSpec option, Model model) {
        JsonNode truth = option.truth();
        if (truth == null || truth.isBoolean()) {
            boolean value = truth != null && truth.booleanValue();
            return new Verdict(value, Phrase.of(value ? "checks.tutorial.true" : "checks.tutorial.false"), "");
        }
        Verdict found = check(truth, model);
        boolean claimed = !truth.has("is") || truth.get("is").asBoolean();
        // The statement may claim the opposite of what is checked ("cannot process …"): is: false.
        return claimed ? found : new Verdict(!found.truth(), found.says(), found.evidence());
    }

    private static Verdict check(JsonNode truth, Model model) {
        String check = truth.path("check").asText();
        return switch (check) {
            case "accepts_input_shape" -> acceptsInputShape(model, ints(truth.path("input_shape"), model.params()));
            case "receptive_fields_equal" -> receptiveFieldsEqual(ints(truth.path("kernels"), model.params()),
                    VariantGenerator.Nested.integer(truth.path("single"), model.params()));
            case "has_no_params" -> {
                long params = Long.parseLong(Quantities.params(model).value().display());
                yield new Verdict(params == 0, Phrase.of("checks.params", params), "params = " + params);
            }
            case "keeps_channels" -> {
                int[] in = model.inputShape();
                int[] out = Quantities.outputShape(model).value();
                int cin = in[in.length - 3];
                int cout = out[out.length - 3];
                yield new Verdict(cin == cout, Phrase.of("checks.channels", cin, cout), "C_{in} = " + cin + ", C_{out} = " + cout);
            }
            case "reduces_height_width" -> {
                int[] in = model.inputShape();
                int[] out = Quantities.outputShape(model).value();
                boolean smaller = out[out.length - 1] < in[in.length - 1] && out[out.length - 2] < in[in.length - 2];
                String shapes = Quantities.joinShape(in) + " → " + Quantities.joinShape(out);
                yield new Verdict(smaller, Phrase.of("checks.shape", shapes), shapes);
            }
            case "passes_gradient" -> passesGradient(model);
            case "channel_fc_equivalent" -> channelFcEquivalent();
            default -> throw new IllegalArgumentException("unknown check '" + check + "'");
        };
    }

    private static Verdict acceptsInputShape(Model model, int[] shape) {
        Limits.inputShape(shape, "input_shape");
        try {
            int[] out = Quantities.outputShape(model.withInputShape(shape)).value();
            String text = Quantities.joinShape(shape) + " → " + Quantities.joinShape(out);
            return new Verdict(true, Phrase.of("checks.accepts", text), text);
        } catch (EngineException e) {
            return new Verdict(false, Phrase.of("checks.refuses", e.getMessage()), e.getMessage());
        }
    }

    private static Verdict receptiveFieldsEqual(int[] kernels, int single) {
        if (kernels.length == 0 || kernels.length > Limits.MAX_LAYERS) {
            throw new IllegalArgumentException("kernels must list 1 to " + Limits.MAX_LAYERS + " kernel sizes");
        }
        for (int k : kernels) {
            Limits.layerArgument("kernel_size", k);
        }
        Limits.layerArgument("kernel_size", single);
        List<Layer> stack = new ArrayList<>();
        for (int k : kernels) {
            stack.add(new Layer.Conv(Conv2d.of(1, 1, k).withBias(false)));
        }
        int size = 4 * Arrays.stream(kernels).sum() + single;
        Summary stacked = Network.summarize(new int[] {1, size, size}, stack);
        Summary one = Network.summarize(new int[] {1, size, size}, List.of(new Layer.Conv(Conv2d.of(1, 1, single).withBias(false))));
        int a = stacked.layers().get(stack.size() - 1).rfH().size();
        int b = one.layers().get(0).rfH().size();
        String stackedKernels = String.join(", ", Arrays.stream(kernels).mapToObj(k -> k + "×" + k).toList());
        Phrase says = Phrase.of("checks.receptive-fields", stackedKernels, a, single, b);
        return new Verdict(a == b, says, says.en());
    }

    private static Verdict passesGradient(Model model) {
        int[] outShape = Quantities.outputShape(model).value();
        Tensor input = model.input() != null ? model.input() : random(model.inputShape(), 1);
        Tensor grad = Tensor.of(outShape, filled(size(outShape), 1.0));
        Model probe = new Model(input.shape(), input, grad, model.layers().subList(0, 1), model.params());
        Tensor gradIn = Quantities.gradInput(probe).value();
        double total = Arrays.stream(gradIn.data()).map(Math::abs).sum();
        String text = "Σ|∂L/∂X| = " + ParsedAnswer.TensorAnswer.formatValue(total);
        return new Verdict(total > 0, Phrase.of("checks.gradient", text), text);
    }

    /** A 1×1 conv on every pixel equals a linear layer on the pixel's channel vector (checked on random numbers). */
    private static Verdict channelFcEquivalent() {
        int ci = 3;
        int co = 2;
        Tensor x = random(new int[] {ci, 4, 5}, 2);
        Tensor w = random(new int[] {co, ci, 1, 1}, 3);
        Tensor conv = Ops.conv2d(x, w, null, Conv2d.of(ci, co, 1).withBias(false)).value();
        Tensor weight = w.reshape(co, ci);
        double maxDiff = 0;
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 5; j++) {
                double[] pixel = new double[ci];
                for (int c = 0; c < ci; c++) {
                    pixel[c] = x.get(c, i, j);
                }
                Tensor y = Ops.linear(Tensor.of(new int[] {1, ci}, pixel), weight, null).value();
                for (int o = 0; o < co; o++) {
                    maxDiff = Math.max(maxDiff, Math.abs(y.get(0, o) - conv.get(o, i, j)));
                }
            }
        }
        String diff = ParsedAnswer.TensorAnswer.formatValue(maxDiff);
        String text = "max |conv1×1 − linear| = " + diff;
        return new Verdict(maxDiff < 1e-9, Phrase.of("checks.channel-fc", diff), text);
    }

    private static Tensor random(int[] shape, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] data = new double[size(shape)];
        for (int i = 0; i < data.length; i++) {
            data[i] = random.nextInt(-5, 6);
        }
        return Tensor.of(shape, data);
    }

    private static int size(int[] shape) {
        long n = 1;
        for (int d : shape) {
            n *= Math.max(d, 0);
            if (n > Tensor.MAX_ELEMENTS) {
                // Checked before allocating: a probe tensor this large is no check a quiz needs.
                throw new IllegalArgumentException("passes_gradient: the input has more than " + Tensor.MAX_ELEMENTS + " elements");
            }
        }
        return (int) n;
    }

    private static double[] filled(int n, double v) {
        double[] d = new double[n];
        Arrays.fill(d, v);
        return d;
    }

    private static int[] ints(JsonNode node, Map<String, Integer> params) {
        int[] out = new int[node.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = VariantGenerator.Nested.integer(node.get(i), params);
        }
        return out;
    }
}
