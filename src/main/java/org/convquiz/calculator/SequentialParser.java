package org.convquiz.calculator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.convquiz.engine.Layer;
import org.convquiz.engine.Network;
import org.convquiz.exercise.LayerArgs;
import org.convquiz.exercise.Limits;
import org.convquiz.exercise.Names;

/**
 * Reads a pasted {@code nn.Sequential(...)} (or just its layer lines) into engine layers: Conv2d,
 * ConvTranspose2d, MaxPool2d, AvgPool2d, BatchNorm2d, ReLU, Flatten and Linear, with positional and keyword
 * arguments in PyTorch's order and defaults. Numbers may be written as products and sums ({@code 16 * 5 * 5}).
 * The text is untrusted (the calculator is public): at most {@link #MAX_CHARS} characters and
 * {@link Limits#MAX_LAYERS} layers, numbers within the bounds of {@link Limits}, nesting at most
 * {@link #MAX_DEPTH} deep; anything else is an {@link IllegalArgumentException} whose message starts with
 * the line it is about.
 */
public final class SequentialParser {
    public static final int MAX_CHARS = 20_000;
    static final int MAX_DEPTH = 16;
    /** Beyond any layer argument's limit, so the layer's own check names the argument. */
    private static final long MAX_NUMBER = 1L << 31;

    /** One parsed layer: where it was written, PyTorch's class name, the engine layer. */
    public record Parsed(int line, String type, Layer layer) {
    }

    /** PyTorch's positional order of each supported layer's arguments. */
    private static final Map<String, List<String>> SIGNATURES = Map.of(
            "Conv2d", List.of("in_channels", "out_channels", "kernel_size", "stride", "padding", "dilation", "groups", "bias", "padding_mode"),
            "ConvTranspose2d", List.of("in_channels", "out_channels", "kernel_size", "stride", "padding", "output_padding", "groups", "bias",
                    "dilation", "padding_mode"),
            "MaxPool2d", List.of("kernel_size", "stride", "padding", "dilation", "return_indices", "ceil_mode"),
            "AvgPool2d", List.of("kernel_size", "stride", "padding", "ceil_mode", "count_include_pad", "divisor_override"),
            "Linear", List.of("in_features", "out_features", "bias"),
            "ReLU", List.of("inplace"),
            "Flatten", List.of("start_dim", "end_dim"),
            "BatchNorm2d", List.of("num_features", "eps", "momentum", "affine", "track_running_stats"));
    private static final List<String> LAYER_NAMES = List.of("Conv2d", "ConvTranspose2d", "MaxPool2d", "AvgPool2d", "BatchNorm2d",
            "ReLU", "Flatten", "Linear");

    private enum Kind { NAME, NUMBER, STRING, SYMBOL, END }

    private record Token(Kind kind, String text, int line) {
    }

    private final List<Token> tokens;
    private int pos;
    private int depth;

    private SequentialParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    public static List<Parsed> parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("text is required: an nn.Sequential(...) or its layer lines, e.g. nn.Conv2d(1, 6, 5)");
        }
        if (text.length() > MAX_CHARS) {
            throw new IllegalArgumentException("the text has " + text.length() + " characters, more than the limit of " + MAX_CHARS);
        }
        return new SequentialParser(tokenize(text)).network();
    }

    // ------------------------------------------------------------------ tokens

    private static List<Token> tokenize(String s) {
        List<Token> out = new ArrayList<>();
        int line = 1;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '#') {
                while (i < s.length() && s.charAt(i) != '\n') {
                    i++;
                }
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == '.')) {
                    i++;
                }
                out.add(new Token(Kind.NAME, s.substring(start, i), line));
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1)))) {
                int start = i;
                while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '.' || s.charAt(i) == '_'
                        || ((s.charAt(i) == '-' || s.charAt(i) == '+') && (s.charAt(i - 1) == 'e' || s.charAt(i - 1) == 'E')))) {
                    i++;
                }
                out.add(new Token(Kind.NUMBER, s.substring(start, i), line));
            } else if (c == '\'' || c == '"') {
                int end = s.indexOf(c, i + 1);
                int nl = s.indexOf('\n', i + 1);
                if (end < 0 || (nl >= 0 && nl < end)) {
                    throw new IllegalArgumentException("line " + line + ": a string that starts with " + c + " is not closed on its line");
                }
                out.add(new Token(Kind.STRING, s.substring(i + 1, end), line));
                i = end + 1;
            } else if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '/') {
                out.add(new Token(Kind.SYMBOL, "//", line));
                i += 2;
            } else if ("(),=[]*+-:".indexOf(c) >= 0) {
                out.add(new Token(Kind.SYMBOL, String.valueOf(c), line));
                i++;
            } else {
                throw new IllegalArgumentException("line " + line + ": unexpected character '" + printable(c) + "'");
            }
        }
        out.add(new Token(Kind.END, "", line));
        return out;
    }

    private static String printable(char c) {
        return Character.isISOControl(c) ? String.format(Locale.ROOT, "\\u%04x", (int) c) : String.valueOf(c);
    }

    // ------------------------------------------------------------------ grammar

    private Token peek() {
        return tokens.get(pos);
    }

    private Token next() {
        return tokens.get(pos++);
    }

    private boolean at(String symbol) {
        Token t = peek();
        return t.kind() == Kind.SYMBOL && t.text().equals(symbol);
    }

    private Token expect(String symbol, String what) {
        Token t = peek();
        if (!at(symbol)) {
            throw error(t, "expected '" + symbol + "' " + what + ", found " + describe(t));
        }
        return next();
    }

    private static IllegalArgumentException error(Token t, String message) {
        return new IllegalArgumentException("line " + t.line() + ": " + message);
    }

    private static String describe(Token t) {
        return switch (t.kind()) {
            case END -> "the end of the text";
            case STRING -> "the string '" + shorten(t.text()) + "'";
            default -> "'" + shorten(t.text()) + "'";
        };
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    /** [name =] nn.Sequential( layers ) | layers */
    private List<Parsed> network() {
        if (peek().kind() == Kind.NAME && pos + 1 < tokens.size() && tokens.get(pos + 1).kind() == Kind.SYMBOL
                && tokens.get(pos + 1).text().equals("=")) {
            pos += 2;
        }
        boolean wrapped = false;
        if (peek().kind() == Kind.NAME && simpleName(peek().text()).equals("Sequential")) {
            next();
            expect("(", "after nn.Sequential");
            wrapped = true;
        }
        List<Parsed> layers = new ArrayList<>();
        while (!(wrapped ? at(")") : peek().kind() == Kind.END)) {
            if (peek().kind() == Kind.END) {
                throw error(peek(), "nn.Sequential( is not closed: expected ')' at the end");
            }
            layers.add(layer(layers.size() + 1));
            if (at(",")) {
                next();
            }
        }
        if (wrapped) {
            next();
            if (peek().kind() != Kind.END) {
                throw error(peek(), "unexpected " + describe(peek()) + " after the closing ')' of nn.Sequential");
            }
        }
        if (layers.isEmpty()) {
            throw error(peek(), "no layers: write one per line, e.g. nn.Conv2d(1, 6, 5)");
        }
        return layers;
    }

    private static String simpleName(String dotted) {
        int dot = dotted.lastIndexOf('.');
        return dot < 0 ? dotted : dotted.substring(dot + 1);
    }

    private Parsed layer(int index) {
        Token name = peek();
        if (name.kind() != Kind.NAME) {
            throw error(name, "expected a layer such as nn.Conv2d(…), found " + describe(name));
        }
        next();
        String type = simpleName(name.text());
        String prefix = name.text().substring(0, name.text().length() - type.length());
        if (!SIGNATURES.containsKey(type)) {
            throw error(name, "'" + shorten(name.text()) + "' is not a supported layer" + Names.suggest(type, LAYER_NAMES)
                    + " (supported: " + String.join(", ", LAYER_NAMES) + ")");
        }
        if (!prefix.isEmpty() && !prefix.equals("nn.") && !prefix.equals("torch.nn.")) {
            throw error(name, "write nn." + type + " (or torch.nn." + type + "), not " + shorten(name.text()));
        }
        if (index > Limits.MAX_LAYERS) {
            throw error(name, "more than " + Limits.MAX_LAYERS + " layers, the calculator's limit");
        }
        expect("(", "after " + type);
        List<String> signature = SIGNATURES.get(type);
        Map<String, JsonNode> args = new LinkedHashMap<>();
        int positional = 0;
        boolean keywordSeen = false;
        while (!at(")")) {
            Token start = peek();
            String key;
            if (start.kind() == Kind.NAME && pos + 1 < tokens.size() && tokens.get(pos + 1).text().equals("=")
                    && tokens.get(pos + 1).kind() == Kind.SYMBOL) {
                key = start.text();
                pos += 2;
                keywordSeen = true;
                if (!signature.contains(key) && !List.of("device", "dtype").contains(key)) {
                    throw error(start, type + " has no argument '" + shorten(key) + "'" + Names.suggest(key, signature));
                }
            } else {
                if (keywordSeen) {
                    throw error(start, "a positional argument follows a keyword argument in " + type);
                }
                if (positional >= signature.size()) {
                    throw error(start, type + " takes at most " + signature.size() + " positional arguments");
                }
                key = signature.get(positional++);
            }
            if (args.containsKey(key)) {
                throw error(start, type + " got multiple values for argument '" + key + "'");
            }
            args.put(key, value(key));
            if (!at(")")) {
                expect(",", "between the arguments of " + type);
            }
        }
        next();
        try {
            return new Parsed(name.line(), type, build(type, args));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("line " + name.line() + ": " + type + ": " + e.getMessage(), e);
        }
    }

    /** A value: a number expression, a tuple (h, w) or [h, w], a string, True, False or None. */
    private JsonNode value(String key) {
        Token t = peek();
        if (t.kind() == Kind.NAME) {
            switch (t.text()) {
                case "True" -> {
                    next();
                    return BooleanNode.TRUE;
                }
                case "False" -> {
                    next();
                    return BooleanNode.FALSE;
                }
                case "None" -> {
                    next();
                    return NullNode.getInstance();
                }
                default -> {
                    if (key.equals("device") || key.equals("dtype")) { // torch.float32, 'cpu': no effect on the arithmetic
                        next();
                        return NullNode.getInstance();
                    }
                    throw error(t, "expected a number, (h, w), True, False or None for " + key + ", found " + describe(t));
                }
            }
        }
        if (t.kind() == Kind.STRING) {
            if (key.equals("padding") && !t.text().equals("same") && !t.text().equals("valid")) {
                throw error(t, "padding must be a number, (h, w), 'same' or 'valid', got '" + shorten(t.text()) + "'");
            }
            if (!List.of("padding", "padding_mode", "device", "dtype").contains(key)) {
                throw error(t, key + " must be a number, not the string '" + shorten(t.text()) + "'");
            }
            next();
            return TextNode.valueOf(t.text());
        }
        if ((at("(") || at("[")) && isTuple()) {
            String close = next().text().equals("(") ? ")" : "]";
            var array = JsonNodeFactory.instance.arrayNode();
            while (!at(close)) {
                if (array.size() >= 2) {
                    throw error(peek(), key + " takes one number or two (h, w)");
                }
                array.add(number(key));
                if (!at(close)) {
                    expect(",", "between the numbers of " + key);
                }
            }
            next();
            if (array.size() == 1) {
                return array.get(0);
            }
            if (array.isEmpty()) {
                throw error(t, key + " is an empty tuple");
            }
            return array;
        }
        return number(key);
    }

    /** After '(' or '[': a tuple has a comma at its own level before the closing bracket (or is a '['). */
    private boolean isTuple() {
        if (at("[")) {
            return true;
        }
        int level = 0;
        for (int i = pos; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.kind() == Kind.END) {
                return false;
            }
            if (t.kind() == Kind.SYMBOL && (t.text().equals("(") || t.text().equals("["))) {
                level++;
            } else if (t.kind() == Kind.SYMBOL && (t.text().equals(")") || t.text().equals("]"))) {
                level--;
                if (level == 0) {
                    return false;
                }
            } else if (level == 1 && t.kind() == Kind.SYMBOL && t.text().equals(",")) {
                return true;
            }
        }
        return false;
    }

    private JsonNode number(String key) {
        Token t = peek();
        if (key.equals("eps") || key.equals("momentum")) { // real numbers that change no count
            if (t.kind() == Kind.NUMBER) {
                next();
                return NullNode.getInstance();
            }
        }
        return LongNode.valueOf(sum(key));
    }

    private long sum(String key) {
        long v = product(key);
        while (at("+") || at("-")) {
            boolean plus = next().text().equals("+");
            v = bounded(plus ? v + product(key) : v - product(key), key);
        }
        return v;
    }

    private long product(String key) {
        long v = factor(key);
        while (at("*") || at("//")) {
            Token op = next();
            long r = factor(key);
            if (op.text().equals("//")) {
                if (r == 0) {
                    throw error(op, "division by zero in " + key);
                }
                v = Math.floorDiv(v, r);
            } else {
                v = bounded(v * r, key);
            }
        }
        return v;
    }

    private long factor(String key) {
        Token t = peek();
        if (++depth > MAX_DEPTH) {
            throw error(t, "the expression for " + key + " is nested too deeply");
        }
        try {
            if (at("-")) {
                next();
                return -factor(key);
            }
            if (at("(")) {
                next();
                long v = sum(key);
                expect(")", "to close the parenthesis in " + key);
                return v;
            }
            if (t.kind() != Kind.NUMBER) {
                throw error(t, "expected a whole number for " + key + ", found " + describe(t));
            }
            next();
            String digits = t.text().replace("_", "");
            if (!digits.matches("[0-9]{1,12}")) {
                throw error(t, key + " must be a whole number, got " + shorten(t.text()));
            }
            return bounded(Long.parseLong(digits), key);
        } finally {
            depth--;
        }
    }

    private long bounded(long v, String key) {
        if (Math.abs(v) > MAX_NUMBER) {
            throw error(peek(), key + " is too large (" + v + ")");
        }
        return v;
    }

    // ------------------------------------------------------------------ layers

    private static Layer build(String type, Map<String, JsonNode> given) {
        Map<String, JsonNode> args = new LinkedHashMap<>(given);
        args.remove("device");
        args.remove("dtype");
        switch (type) {
            case "Conv2d" -> {
                return new Layer.Conv(LayerArgs.of("conv2d", args, Map.of()).conv2d());
            }
            case "ConvTranspose2d" -> {
                JsonNode mode = args.remove("padding_mode");
                if (mode != null && !mode.isNull() && !mode.asText().equals("zeros")) {
                    throw new IllegalArgumentException("only padding_mode='zeros' is supported for ConvTranspose2d (as in PyTorch)");
                }
                return new Layer.ConvTranspose(LayerArgs.of("conv_transpose2d", args, Map.of()).convTranspose2d());
            }
            case "MaxPool2d", "AvgPool2d" -> {
                boolean max = type.equals("MaxPool2d");
                if (args.containsKey("stride") && args.get("stride").isNull()) {
                    args.remove("stride"); // stride=None: the kernel size, PyTorch's default
                }
                return new Layer.Pool(LayerArgs.of(max ? "max_pool2d" : "avg_pool2d", args, Map.of()).pool2d(max));
            }
            case "Linear" -> {
                LayerArgs a = LayerArgs.of("linear", args, Map.of());
                return new Layer.Linear(a.integer("in_features", null), a.integer("out_features", null), a.bool("bias", true));
            }
            case "ReLU" -> {
                JsonNode inplace = args.get("inplace");
                if (inplace != null && !inplace.isBoolean()) {
                    throw new IllegalArgumentException("inplace must be True or False");
                }
                return new Layer.ReLU();
            }
            case "Flatten" -> {
                JsonNode start = args.get("start_dim");
                JsonNode end = args.get("end_dim");
                if ((start != null && start.asLong(-99) != 1) || (end != null && end.asLong(-99) != -1)) {
                    throw new IllegalArgumentException("only Flatten(start_dim=1, end_dim=-1), PyTorch's default, is supported");
                }
                return new Layer.Flatten();
            }
            default -> {
                JsonNode n = args.get("num_features");
                if (n == null || !n.isIntegralNumber()) {
                    throw new IllegalArgumentException("num_features is required (a whole number)");
                }
                if (n.asLong() < 1 || n.asLong() > Limits.MAX_CHANNELS) {
                    throw new IllegalArgumentException("num_features must be from 1 to " + Limits.MAX_CHANNELS);
                }
                JsonNode affine = args.get("affine");
                if (affine != null && affine.isBoolean() && !affine.booleanValue()) {
                    throw new IllegalArgumentException("affine=False (no learnable γ and β) is not supported");
                }
                return new Layer.BatchNorm(n.intValue());
            }
        }
    }

    // ------------------------------------------------------------------ printing

    /** The layers as nn.Sequential text that {@link #parse} reads back, or null if one is not sequential (a residual block). */
    public static String print(List<Layer> layers) {
        StringBuilder b = new StringBuilder("nn.Sequential(\n");
        for (Layer layer : layers) {
            String line = printLayer(layer);
            if (line == null) {
                return null;
            }
            b.append("    ").append(line).append(",\n");
        }
        return b.append(")").toString();
    }

    private static String printLayer(Layer layer) {
        if (layer instanceof Layer.Conv l) {
            org.convquiz.engine.Conv2d c = l.conv();
            StringBuilder b = new StringBuilder("nn.Conv2d(" + c.inChannels() + ", " + c.outChannels() + ", kernel_size=" + pair(c.kernel()));
            optional(b, "stride", c.stride(), 1);
            if (c.padding() instanceof org.convquiz.engine.Padding.Same) {
                b.append(", padding='same'");
            } else {
                int[] p = c.padAmounts();
                if (p[0] != p[1] || p[2] != p[3]) {
                    return null;
                }
                optional(b, "padding", org.convquiz.engine.Pair.of(p[0], p[2]), 0);
            }
            optional(b, "dilation", c.dilation(), 1);
            if (c.groups() != 1) {
                b.append(", groups=").append(c.groups());
            }
            return b.append(c.bias() ? "" : ", bias=False").append(")").toString();
        } else if (layer instanceof Layer.ConvTranspose l) {
            org.convquiz.engine.ConvTranspose2d c = l.conv();
            StringBuilder b = new StringBuilder("nn.ConvTranspose2d(" + c.inChannels() + ", " + c.outChannels() + ", kernel_size="
                    + pair(c.kernel()));
            optional(b, "stride", c.stride(), 1);
            optional(b, "padding", c.padding(), 0);
            optional(b, "output_padding", c.outputPadding(), 0);
            if (c.groups() != 1) {
                b.append(", groups=").append(c.groups());
            }
            b.append(c.bias() ? "" : ", bias=False");
            optional(b, "dilation", c.dilation(), 1);
            return b.append(")").toString();
        } else if (layer instanceof Layer.Pool l) {
            org.convquiz.engine.Pool2d p = l.pool();
            StringBuilder b = new StringBuilder("nn." + Network.name(layer) + "(kernel_size=" + pair(p.kernel()));
            if (!p.stride().equals(p.kernel())) {
                b.append(", stride=").append(pair(p.stride()));
            }
            optional(b, "padding", p.padding(), 0);
            if (p.kind() == org.convquiz.engine.PoolKind.MAX) {
                optional(b, "dilation", p.dilation(), 1);
            }
            return b.append(p.ceilMode() ? ", ceil_mode=True" : "").append(")").toString();
        } else if (layer instanceof Layer.Linear l) {
            return "nn.Linear(" + l.in() + ", " + l.out() + (l.bias() ? "" : ", bias=False") + ")";
        } else if (layer instanceof Layer.Flatten) {
            return "nn.Flatten()";
        } else if (layer instanceof Layer.ReLU) {
            return "nn.ReLU()";
        } else if (layer instanceof Layer.BatchNorm n) {
            return "nn.BatchNorm2d(" + n.features() + ")";
        }
        return null;
    }

    private static void optional(StringBuilder b, String key, org.convquiz.engine.Pair p, int fallback) {
        if (p.h() != fallback || p.w() != fallback) {
            b.append(", ").append(key).append("=").append(pair(p));
        }
    }

    private static String pair(org.convquiz.engine.Pair p) {
        return p.h() == p.w() ? String.valueOf(p.h()) : "(" + p.h() + ", " + p.w() + ")";
    }
}
