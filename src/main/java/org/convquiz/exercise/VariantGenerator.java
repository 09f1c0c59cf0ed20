package org.convquiz.exercise;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.convquiz.engine.EngineException;
import org.convquiz.engine.Tensor;
import org.convquiz.exercise.ExerciseSpec.Domain;
import org.convquiz.exercise.ExerciseSpec.TensorSpec;

/**
 * Draws a variant from a seed: parameters in declared order, re-drawn until every constraint holds
 * (at most {@link #MAX_TRIES} times), then tensors. {@link SplittableRandom} is specified bit for
 * bit, so the same seed gives the same variant on any machine and JVM.
 */
public final class VariantGenerator {
    static final int MAX_TRIES = 2000;

    private VariantGenerator() {
    }

    public static Variant generate(ExerciseSpec spec, long seed) {
        Map<String, Integer> params = seed == Variant.PINNED && !spec.pinned().isEmpty()
                ? new LinkedHashMap<>(spec.pinned())
                : drawParams(spec, new SplittableRandom(seed));
        SplittableRandom tensorRandom = new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L);
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        spec.tensors().forEach((name, t) -> tensors.put(name, tensor(name, t, params, seed == Variant.PINNED, tensorRandom)));
        return new Variant(seed, params, tensors);
    }

    private static Map<String, Integer> drawParams(ExerciseSpec spec, SplittableRandom random) {
        for (int attempt = 0; attempt < MAX_TRIES; attempt++) {
            Map<String, Integer> values = new LinkedHashMap<>();
            spec.params().forEach((name, domain) -> values.put(name, draw(domain, random)));
            if (failedConstraints(spec, values).isEmpty()) {
                return values;
            }
        }
        throw new IllegalArgumentException("no parameter values satisfy the constraints " + spec.constraints()
                + " after " + MAX_TRIES + " draws");
    }

    static List<String> failedConstraints(ExerciseSpec spec, Map<String, Integer> values) {
        List<String> failed = new ArrayList<>();
        for (String constraint : spec.constraints()) {
            if (!Expressions.isTrue(constraint, values)) {
                failed.add(constraint);
            }
        }
        return failed;
    }

    static int draw(Domain domain, SplittableRandom random) {
        if (domain.choices() != null) {
            return domain.choices().get(random.nextInt(domain.choices().size()));
        }
        int min = domain.range().get(0);
        int step = domain.step() == null ? 1 : domain.step();
        int count = (domain.range().get(1) - min) / step + 1;
        return min + step * random.nextInt(count);
    }

    private static Tensor tensor(String name, TensorSpec spec, Map<String, Integer> params, boolean pinned, SplittableRandom random) {
        try {
            if (pinned && spec.pinned() != null && !spec.pinned().isNull()) {
                Tensor t = Tensor.fromNested(Nested.of(spec.pinned()));
                Limits.tensorShape(t.shape(), name);
                return t;
            }
            int[] shape = spec.shape().stream().mapToInt(node -> Nested.integer(node, params)).toArray();
            // Checked before anything is allocated: a shape such as [46340, 46340] must be a message, not an OutOfMemoryError.
            Limits.tensorShape(shape, name);
            if (Boolean.TRUE.equals(spec.arange())) {
                return Tensor.arange(shape);
            }
            int size = Arrays.stream(shape).reduce(1, Math::multiplyExact);
            int lo = spec.random() == null ? 0 : spec.random().get(0);
            int hi = spec.random() == null ? 9 : spec.random().get(1);
            double[] data = new double[size];
            for (int i = 0; i < size; i++) {
                data[i] = lo + random.nextInt(hi - lo + 1);
            }
            return Tensor.of(shape, data);
        } catch (EngineException e) {
            throw e;
        } catch (IllegalArgumentException | NullPointerException | ArithmeticException e) {
            // Reported against the tensors, not mistaken for an empty parameter domain.
            throw new EngineException(e.getMessage() == null ? "tensor " + name + " cannot be made" : e.getMessage());
        }
    }

    /** Helpers for the YAML values that may be numbers, expressions or nested lists. */
    static final class Nested {
        private Nested() {
        }

        static int integer(JsonNode node, Map<String, Integer> params) {
            if (node != null && node.isIntegralNumber()) {
                if (!node.canConvertToInt()) {
                    throw new IllegalArgumentException("a number is out of range (at most " + Integer.MAX_VALUE + ")");
                }
                return node.intValue();
            }
            if (node != null && node.isTextual()) {
                return Expressions.integer(node.textValue(), params);
            }
            throw new IllegalArgumentException("expected a whole number or an expression, got " + (node == null ? "nothing" : node.getNodeType().name().toLowerCase(java.util.Locale.ROOT)));
        }

        /** A JSON/YAML nested list as java.util.List of Double, the form Tensor.fromNested takes. */
        static Object of(JsonNode node) {
            if (node.isArray()) {
                List<Object> list = new ArrayList<>();
                node.forEach(child -> list.add(of(child)));
                return list;
            }
            if (node.isNumber()) {
                return node.doubleValue();
            }
            throw new IllegalArgumentException("expected a number or a list, got " + node);
        }
    }
}
