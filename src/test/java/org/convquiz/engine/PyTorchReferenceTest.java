package org.convquiz.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Compares the engine with vectors produced by real PyTorch (tools/pytorch/gen_reference.py).
 * Needs no torch at test time; tolerance 1e-9 relative (with a 1e-12 absolute floor for zeros).
 */
class PyTorchReferenceTest {

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> cases() throws Exception {
        JsonMapper mapper = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
        try (InputStream in = PyTorchReferenceTest.class.getResourceAsStream("/engine/pytorch-vectors.json")) {
            assertNotNull(in, "pytorch-vectors.json missing from the test classpath");
            Map<String, Object> root = mapper.readValue(in, Map.class);
            return (List<Map<String, Object>>) root.get("cases");
        }
    }

    @Test
    void fileCoversEveryOperation() throws Exception {
        List<String> ops = cases().stream().map(c -> (String) c.get("op")).distinct().sorted().toList();
        assertEquals(List.of("avg_pool2d", "avg_pool2d_backward", "conv2d", "conv2d_backward", "conv_transpose2d",
                "linear", "max_pool2d", "max_pool2d_backward"), ops);
        assertTrue(cases().size() >= 30);
    }

    @TestFactory
    Stream<DynamicTest> matchesPyTorch() throws Exception {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.get("op") + ": " + c.get("name"), () -> check(c)));
    }

    @SuppressWarnings("unchecked")
    private static void check(Map<String, Object> c) {
        String op = (String) c.get("op");
        Map<String, Object> p = (Map<String, Object>) c.get("params");
        Tensor x = Tensor.fromNested(c.get("input"));
        switch (op) {
            case "conv2d", "conv2d_backward" -> {
                Conv2d conv = conv(p);
                Tensor w = Tensor.fromNested(c.get("weight"));
                Tensor b = c.get("bias") == null ? null : Tensor.fromNested(c.get("bias"));
                close(c, "output", Ops.conv2d(x, w, b, conv).value());
                if (op.endsWith("backward")) {
                    ConvGrads g = Backward.conv2d(x, w, Tensor.fromNested(c.get("grad_output")), conv);
                    close(c, "grad_input", g.gradInput());
                    close(c, "grad_weight", g.gradWeight());
                    if (conv.bias()) {
                        close(c, "grad_bias", g.gradBias());
                    } else {
                        assertNull(g.gradBias());
                    }
                }
            }
            case "conv_transpose2d" -> {
                ConvTranspose2d ct = new ConvTranspose2d(i(p, "in"), i(p, "out"), pair(p, "kernel"), pair(p, "stride"),
                        pair(p, "padding"), pair(p, "output_padding"), pair(p, "dilation"), i(p, "groups"),
                        (Boolean) p.get("bias"));
                Tensor w = Tensor.fromNested(c.get("weight"));
                Tensor b = c.get("bias") == null ? null : Tensor.fromNested(c.get("bias"));
                close(c, "output", Ops.convTranspose2d(x, w, b, ct).value());
            }
            case "max_pool2d", "max_pool2d_backward" -> {
                Pool2d pool = pool(p);
                PoolResult r = Ops.maxPool2d(x, pool);
                close(c, "output", r.output());
                close(c, "indices", r.indices());
                if (op.endsWith("backward")) {
                    close(c, "grad_input", Backward.maxPool2d(x, Tensor.fromNested(c.get("grad_output")), pool).value());
                }
            }
            case "avg_pool2d", "avg_pool2d_backward" -> {
                Pool2d pool = pool(p);
                PoolResult r = Ops.avgPool2d(x, pool);
                close(c, "output", r.output());
                assertNull(r.indices());
                if (op.endsWith("backward")) {
                    close(c, "grad_input", Backward.avgPool2d(x, Tensor.fromNested(c.get("grad_output")), pool).value());
                }
            }
            case "linear" -> {
                Tensor w = Tensor.fromNested(c.get("weight"));
                Tensor b = c.get("bias") == null ? null : Tensor.fromNested(c.get("bias"));
                close(c, "output", Ops.linear(x, w, b).value());
            }
            default -> fail("unknown op " + op);
        }
    }

    @SuppressWarnings("unchecked")
    static Conv2d conv(Map<String, Object> p) {
        Object pad = p.get("padding");
        Padding padding;
        if ("same".equals(pad)) {
            padding = Padding.same();
        } else if ("valid".equals(pad)) {
            padding = Padding.valid();
        } else {
            List<Number> l = (List<Number>) pad;
            padding = Padding.perSide(l.get(0).intValue(), l.get(1).intValue());
        }
        return new Conv2d(i(p, "in"), i(p, "out"), pair(p, "kernel"), pair(p, "stride"), padding, pair(p, "dilation"),
                i(p, "groups"), (Boolean) p.get("bias"), PaddingMode.valueOf(((String) p.get("padding_mode")).toUpperCase()));
    }

    static Pool2d pool(Map<String, Object> p) {
        Object div = p.get("divisor_override");
        return new Pool2d("max".equals(p.get("kind")) ? PoolKind.MAX : PoolKind.AVG, pair(p, "kernel"), pair(p, "stride"),
                pair(p, "padding"), pair(p, "dilation"), (Boolean) p.get("ceil_mode"), (Boolean) p.get("count_include_pad"),
                div == null ? null : ((Number) div).intValue());
    }

    static int i(Map<String, Object> p, String key) {
        return ((Number) p.get(key)).intValue();
    }

    @SuppressWarnings("unchecked")
    static Pair pair(Map<String, Object> p, String key) {
        List<Number> l = (List<Number>) p.get(key);
        return Pair.of(l.get(0).intValue(), l.get(1).intValue());
    }

    static void close(Map<String, Object> c, String key, Tensor actual) {
        Tensor expected = Tensor.fromNested(c.get(key));
        String where = c.get("name") + " / " + key;
        assertArrayEquals(expected.shape(), actual.shape(), where + ": shape");
        double[] e = expected.data();
        double[] a = actual.data();
        for (int k = 0; k < e.length; k++) {
            if (Double.isNaN(e[k])) {
                assertTrue(Double.isNaN(a[k]), where + "[" + k + "]: expected NaN, got " + a[k]);
                continue;
            }
            double tol = Math.max(1e-12, 1e-9 * Math.abs(e[k]));
            assertEquals(e[k], a[k], tol, where + "[" + k + "]");
        }
    }
}
