package org.convquiz.exercise;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.convquiz.engine.EngineException;
import org.convquiz.exercise.ExerciseSpec.OptionSpec;
import org.convquiz.exercise.ExerciseSpec.PartSpec;
import org.convquiz.exercise.ExerciseSpec.SelfTest;
import org.convquiz.exercise.answer.AnswerKind;

/**
 * Reads an exercise file with Jackson YAML and checks everything that can be checked before a student
 * sees it: names, kinds, expressions, that some variant exists, and that the engine can compute every
 * part for the pinned variant and a few random ones. Every problem names file, line and column.
 */
public final class ExerciseParser {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_]+");
    /** How many seeds (0 = pinned, then 1, 2, …) every file is tried with when it is loaded. */
    static final int LOAD_SEEDS = 20;
    /** An exercise file is a page of YAML; far longer text is refused before it is read. */
    public static final int MAX_FILE_LENGTH = 200_000;

    private ExerciseParser() {
    }

    public static ExerciseDefinition parse(String path, String yaml) {
        if (yaml != null && yaml.length() > MAX_FILE_LENGTH) {
            throw new ExerciseFileException(List.of(path + ":1:1: the file is too long (" + yaml.length()
                    + " characters; at most " + MAX_FILE_LENGTH + ")"));
        }
        try {
            return parseChecked(path, yaml);
        } catch (ExerciseFileException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            // The engine's and the expressions' own rules, met somewhere validation did not look first.
            throw new ExerciseFileException(List.of(path + ":1:1: " + e.getMessage()));
        } catch (RuntimeException | StackOverflowError e) {
            // A gap in validation must still be a message about the file, never a 500 or a stored broken version.
            throw new ExerciseFileException(List.of(path + ":1:1: the file cannot be checked (" + e.getClass().getSimpleName()
                    + ") — simplify it or report this file to the developers"));
        }
    }

    private static ExerciseDefinition parseChecked(String path, String yaml) {
        ExerciseSpec spec;
        try {
            spec = YAML.readValue(yaml, ExerciseSpec.class);
        } catch (JsonProcessingException e) {
            throw new ExerciseFileException(List.of(bindingProblem(path, yaml, e)));
        }
        if (spec == null) {
            throw new ExerciseFileException(List.of(path + ":1:1: the file is empty — start with 'id:' (see exercises/README.md)"));
        }
        Problems problems = new Problems(path, Locations.of(yaml));
        validate(spec, problems);
        problems.throwIfAny();
        ExerciseDefinition definition = new ExerciseDefinition(spec, yaml, sha256(yaml), path);
        dryRun(definition, problems);
        problems.throwIfAny();
        return definition;
    }

    /**
     * A version read back from the database: it was validated and dry-run when it was stored, so only
     * binding and validation run here (no dry run over {@link #LOAD_SEEDS} seeds).
     */
    public static ExerciseDefinition parseStored(String path, String yaml) {
        ExerciseSpec spec;
        try {
            spec = YAML.readValue(yaml, ExerciseSpec.class);
        } catch (JsonProcessingException e) {
            throw new ExerciseFileException(List.of(bindingProblem(path, yaml, e)));
        }
        Problems problems = new Problems(path, Locations.of(yaml));
        validate(spec, problems);
        problems.throwIfAny();
        return new ExerciseDefinition(spec, yaml, sha256(yaml), path);
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String bindingProblem(String path, String yaml, JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = path + ":" + (at == null ? "1:1" : at.getLineNr() + ":" + at.getColumnNr()) + ": ";
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            // Records are bound after their whole object is read, so Jackson's own location is the
            // object's end; the path finds where the offending value starts.
            StringBuilder pointer = new StringBuilder();
            for (JsonMappingException.Reference r : m.getPath()) {
                pointer.append('/').append(r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex()));
            }
            where = path + ":" + Locations.of(yaml).atKey(pointer.toString()) + ": ";
        }
        if (e instanceof UnrecognizedPropertyException u) {
            Collection<String> known = u.getKnownPropertyIds().stream().map(String::valueOf).toList();
            return where + "unknown field '" + u.getPropertyName() + "'" + suggest(u.getPropertyName(), known)
                    + " (allowed here: " + String.join(", ", known.stream().sorted().toList()) + ")";
        }
        if (e instanceof JsonMappingException m) {
            String field = m.getPath().isEmpty() ? "" : "field '" + m.getPath().get(m.getPath().size() - 1).getFieldName() + "': ";
            return where + field + firstLine(m.getOriginalMessage());
        }
        return where + "not valid YAML: " + firstLine(e.getOriginalMessage());
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.split("\n")[0];
    }

    private static String suggest(String given, Collection<String> known) {
        return Names.suggest(given, known);
    }

    private static void validate(ExerciseSpec spec, Problems p) {
        if (spec.id() == null || !ID.matcher(spec.id()).matches()) {
            p.add("/id", "id must be lowercase letters, digits and dashes, e.g. 'padding-output-shape' (got " + spec.id() + ")");
        }
        if (spec.section() == null || spec.section().isBlank()) {
            p.add("/section", "section is required: the quiz section this exercise belongs to");
        }
        text(spec.title(), "/title", "title", p);
        text(spec.prompt(), "/prompt", "prompt", p);
        validateParams(spec, p);
        if (spec.model() == null) {
            p.add("", "model is required: the input and layers the exercise is about (see exercises/README.md)");
        } else {
            validateModel(spec, p);
        }
        validateParts(spec, p);
        validateSelfTests(spec, p);
    }

    private static void text(Text text, String pointer, String name, Problems p) {
        if (text == null || !text.isComplete()) {
            p.add(pointer, name + " needs both languages: {en: …, zh: …}");
        }
    }

    private static void validateParams(ExerciseSpec spec, Problems p) {
        spec.params().forEach((name, d) -> {
            String at = "/params/" + name;
            if (!KEY.matcher(name).matches()) {
                p.add(at, "parameter name '" + name + "' must be letters, digits and _");
            }
            if (d == null || (d.range() == null) == (d.choices() == null)) {
                p.add(at, "parameter " + name + ": give either range: [min, max] or choices: [a, b, …]");
            } else if (!withinParamLimit(d.range()) || !withinParamLimit(d.choices())) {
                p.add(at, "parameter " + name + ": every value must be a whole number between " + -Limits.MAX_PARAM
                        + " and " + Limits.MAX_PARAM);
            } else if (d.range() != null && (d.range().size() != 2 || d.range().get(0) > d.range().get(1))) {
                p.add(at, "parameter " + name + ": range must be [min, max] with min ≤ max, got " + d.range());
            } else if (d.choices() != null && d.choices().isEmpty()) {
                p.add(at, "parameter " + name + ": choices is empty — no value can be drawn");
            } else if (d.step() != null && d.step() < 1) {
                p.add(at, "parameter " + name + ": step must be at least 1");
            }
        });
        for (int i = 0; i < spec.constraints().size(); i++) {
            String c = spec.constraints().get(i);
            if (c == null) {
                p.add("/constraints/" + i, "a constraint is empty — write a comparison such as n >= k");
                continue;
            }
            String error = Expressions.syntaxError(c);
            if (error != null) {
                p.add("/constraints/" + i, "constraint '" + Expressions.shortly(c) + "' is not a valid expression: " + error);
            } else {
                List<String> unknown = Expressions.unknownNames(c, spec.params().keySet());
                if (!unknown.isEmpty()) {
                    p.add("/constraints/" + i, "constraint '" + Expressions.shortly(c) + "' uses " + unknown
                            + ", which " + (unknown.size() == 1 ? "is" : "are") + " not a parameter"
                            + suggest(unknown.get(0), spec.params().keySet()));
                }
            }
        }
        spec.pinned().forEach((name, value) -> {
            if (value == null || Math.abs((long) value) > Limits.MAX_PARAM) {
                p.add("/pinned/" + name, "pinned " + name + " must be a whole number between " + -Limits.MAX_PARAM + " and " + Limits.MAX_PARAM);
            }
        });
        spec.tensors().forEach((name, t) -> {
            String at = "/tensors/" + name;
            if (t == null || t.shape() == null || t.shape().isEmpty()) {
                p.add(at, "tensor " + name + " needs shape: [..] (1 to 4 dimensions)");
            } else if (t.shape().size() > 4) {
                p.add(at + "/shape", "tensor " + name + " may have at most 4 dimensions");
            } else if (t.shape().stream().anyMatch(n -> n == null || !(n.isIntegralNumber() || n.isTextual()))) {
                p.add(at + "/shape", "tensor " + name + ": every dimension is a whole number or an expression");
            }
            if (t != null && t.random() != null && (t.random().size() != 2 || !withinParamLimit(t.random())
                    || t.random().get(0) > t.random().get(1))) {
                p.add(at + "/random", "tensor " + name + ": random must be [min, max] with min ≤ max, whole numbers between "
                        + -Limits.MAX_PARAM + " and " + Limits.MAX_PARAM);
            }
        });
        if (!spec.pinned().isEmpty()) {
            for (String name : spec.params().keySet()) {
                if (!spec.pinned().containsKey(name)) {
                    p.add("/pinned", "pinned has no value for parameter " + name + " (seed 0 needs all of them)");
                }
            }
            for (String name : spec.pinned().keySet()) {
                if (!spec.params().containsKey(name)) {
                    p.add("/pinned/" + name, "pinned names '" + name + "', which is not a parameter" + suggest(name, spec.params().keySet()));
                }
            }
        }
    }

    private static void validateModel(ExerciseSpec spec, Problems p) {
        var model = spec.model();
        if ((model.input() == null) == (model.inputShape() == null)) {
            p.add("/model", "model needs exactly one of input (a tensor name) or input_shape ([c, h, w])");
        }
        tensorName(model.input(), "/model/input", spec, p);
        tensorName(model.gradOutput(), "/model/grad_output", spec, p);
        if (model.layers().isEmpty()) {
            p.add("/model/layers", "model.layers is empty — list at least one layer, e.g. - conv2d: {in_channels: 3, …}");
        } else if (model.layers().size() > Limits.MAX_LAYERS) {
            p.add("/model/layers", "model.layers has " + model.layers().size() + " layers, more than the limit of " + Limits.MAX_LAYERS);
            return;
        }
        if (model.inputShape() != null && model.inputShape().stream().anyMatch(n -> n == null || !(n.isIntegralNumber() || n.isTextual()))) {
            p.add("/model/input_shape", "every dimension of input_shape is a whole number or an expression, e.g. [c, n, n]");
        }
        for (int i = 0; i < model.layers().size(); i++) {
            Map<String, Map<String, JsonNode>> layer = model.layers().get(i);
            String at = "/model/layers/" + i;
            if (layer == null || layer.size() != 1) {
                p.add(at, "each layer is one type with its arguments, e.g. - max_pool2d: {kernel_size: 2}");
                continue;
            }
            String type = layer.keySet().iterator().next();
            List<String> allowed = LayerArgs.ALLOWED.get(type);
            if (allowed == null) {
                p.add(at + "/" + type, "unknown layer type '" + type + "'" + suggest(type, LayerArgs.ALLOWED.keySet()));
                continue;
            }
            Map<String, JsonNode> args = layer.get(type) == null ? Map.of() : layer.get(type);
            for (var arg : args.entrySet()) {
                String argAt = at + "/" + type + "/" + arg.getKey();
                if (!allowed.contains(arg.getKey())) {
                    p.add(argAt, type + " has no argument '" + arg.getKey() + "'" + suggest(arg.getKey(), allowed));
                } else if (Set.of("kernel", "weight", "bias_values").contains(arg.getKey())) {
                    tensorName(arg.getValue().asText(), argAt, spec, p);
                }
            }
            if (args.containsKey("padding") && args.containsKey("padding_total")) {
                p.add(at + "/" + type, "give padding (PyTorch, per side) or padding_total (the tutorial's total), not both");
            }
        }
    }

    private static boolean withinParamLimit(List<Integer> values) {
        return values == null || values.stream().allMatch(v -> v != null && Math.abs((long) v) <= Limits.MAX_PARAM);
    }

    private static void tensorName(String name, String at, ExerciseSpec spec, Problems p) {
        if (name != null && !spec.tensors().containsKey(name)) {
            p.add(at, "no tensor named '" + name + "' in tensors" + suggest(name, spec.tensors().keySet()));
        }
    }

    private static void validateParts(ExerciseSpec spec, Problems p) {
        if (spec.parts().isEmpty()) {
            p.add("/parts", "parts is empty — ask for at least one answer");
        }
        Set<String> ids = new HashSet<>();
        List<String> kinds = java.util.Arrays.stream(AnswerKind.values()).map(k -> k.name().toLowerCase(Locale.ROOT)).toList();
        for (int i = 0; i < spec.parts().size(); i++) {
            PartSpec part = spec.parts().get(i);
            String at = "/parts/" + i;
            if (part.id() == null || !KEY.matcher(part.id()).matches() || !ids.add(part.id())) {
                p.add(at + "/id", "each part needs a unique id of letters, digits and _ (got " + part.id() + ")");
            }
            var quantity = Quantity.parse(part.quantity());
            if (quantity.isEmpty()) {
                p.add(at + "/quantity", "unknown quantity '" + part.quantity() + "'" + suggest(String.valueOf(part.quantity()), Quantity.fileNames()));
            }
            if (part.kind() == null || !kinds.contains(part.kind())) {
                p.add(at + "/kind", "unknown kind '" + part.kind() + "'" + suggest(String.valueOf(part.kind()), kinds));
            } else if (quantity.isPresent() && !quantity.get().kinds().contains(AnswerKind.valueOf(part.kind().toUpperCase(Locale.ROOT)))) {
                p.add(at + "/kind", "quantity " + part.quantity() + " is answered as " + quantity.get().kinds().stream()
                        .map(k -> k.name().toLowerCase(Locale.ROOT)).toList() + ", not " + part.kind());
            }
            if (part.points() != null && part.points() <= 0) {
                p.add(at + "/points", "points must be positive");
            }
            text(part.label(), at + "/label", "label", p);
            if (quantity.isPresent() && quantity.get() == Quantity.OUTPUT_ELEMENT && (part.element() == null || part.element().isEmpty())) {
                p.add(at, "output_element needs element: [i, j] (or [c, i, j])");
            }
            validateOptions(part, at, quantity.orElse(null), p);
        }
    }

    private static void validateOptions(PartSpec part, String at, Quantity quantity, Problems p) {
        if (quantity != Quantity.CHOICE) {
            if (!part.options().isEmpty()) {
                p.add(at + "/options", "options only belong to choice parts (quantity: choice)");
            }
            return;
        }
        if (part.options().size() < 2) {
            p.add(at + "/options", "a choice part needs at least two options");
        }
        Set<String> keys = new HashSet<>();
        for (int j = 0; j < part.options().size(); j++) {
            OptionSpec o = part.options().get(j);
            String oat = at + "/options/" + j;
            if (o.key() == null || !o.key().matches("[A-Z]") || !keys.add(o.key())) {
                p.add(oat + "/key", "each option needs a unique capital-letter key (A, B, …), got " + o.key());
            }
            text(o.text(), oat + "/text", "option text", p);
            JsonNode truth = o.truth();
            if (truth == null || !(truth.isBoolean() || truth.isObject())) {
                p.add(oat + "/truth", "truth must be true, false or an engine check {check: …}");
            } else if (truth.isObject()) {
                String check = truth.path("check").asText();
                List<String> args = Checks.ARGS.get(check);
                if (args == null) {
                    p.add(oat + "/truth/check", "unknown check '" + check + "'" + suggest(check, Checks.ARGS.keySet()));
                } else {
                    truth.fieldNames().forEachRemaining(f -> {
                        if (!f.equals("check") && !f.equals("is") && !args.contains(f)) {
                            p.add(oat + "/truth/" + f, "check " + check + " takes no '" + f + "'" + suggest(f, args));
                        }
                    });
                }
            }
        }
    }

    private static void validateSelfTests(ExerciseSpec spec, Problems p) {
        Set<String> partIds = new HashSet<>();
        spec.parts().forEach(part -> partIds.add(part.id()));
        List<String> misconceptions = java.util.Arrays.stream(Misconception.values()).map(Misconception::id).toList();
        for (int i = 0; i < spec.selftests().size(); i++) {
            SelfTest t = spec.selftests().get(i);
            String at = "/selftests/" + i;
            if (t.seed() == null || t.answers() == null) {
                p.add(at, "a self-test needs seed and answers");
                continue;
            }
            for (String id : t.answers().keySet()) {
                if (!partIds.contains(id)) {
                    p.add(at + "/answers/" + id, "no part '" + id + "'" + suggest(id, partIds));
                }
            }
            if (t.misconception() != null && !misconceptions.contains(t.misconception())) {
                p.add(at + "/misconception", "unknown misconception '" + t.misconception() + "'" + suggest(t.misconception(), misconceptions));
            }
        }
    }

    /** Draws variants and computes every part: an empty domain or an impossible layer is found here, not by a student. */
    private static void dryRun(ExerciseDefinition definition, Problems p) {
        ExerciseSpec spec = definition.spec();
        for (long seed = 0; seed < LOAD_SEEDS; seed++) {
            if (seed == Variant.PINNED && !spec.pinned().isEmpty()) {
                List<String> failed;
                try {
                    failed = VariantGenerator.failedConstraints(spec, spec.pinned());
                } catch (Expressions.ExpressionException e) {
                    p.add(failingConstraint(spec, spec.pinned()), "seed 0 " + spec.pinned() + ": this constraint cannot be evaluated: " + e.getMessage());
                    return;
                }
                if (!failed.isEmpty()) {
                    p.add("/pinned", "the pinned values break the constraints " + failed);
                    continue; // still look for an empty domain among the random variants
                }
            }
            Variant variant;
            try {
                variant = definition.variant(seed);
            } catch (EngineException e) {
                p.add("/tensors", "seed " + seed + ": " + e.getMessage());
                return;
            } catch (Expressions.ExpressionException e) {
                p.add("/constraints", "seed " + seed + ": a constraint or parameter expression cannot be evaluated: " + e.getMessage());
                return;
            } catch (IllegalArgumentException e) {
                p.add(spec.constraints().isEmpty() ? "/params" : "/constraints", emptyDomain(spec, e));
                return;
            }
            Model model;
            try {
                model = definition.model(variant);
                if (model.input() == null) {
                    Limits.inputShape(model.inputShape(), "input_shape");
                }
            } catch (IllegalArgumentException | ArithmeticException e) {
                p.add("/model", "seed " + seed + " " + variant.params() + ": " + e.getMessage());
                return;
            }
            for (int i = 0; i < spec.parts().size(); i++) {
                PartSpec part = spec.parts().get(i);
                try {
                    Quantities.compute(model, part, ExerciseDefinition.quantity(part));
                } catch (IllegalArgumentException | ArithmeticException | IndexOutOfBoundsException e) {
                    p.add("/parts/" + i, "part '" + part.id() + "': the engine cannot compute " + part.quantity()
                            + " for seed " + seed + " " + variant.params() + ": " + e.getMessage());
                    return;
                }
            }
        }
    }

    /** The pointer of the first constraint that cannot be evaluated for these values. */
    private static String failingConstraint(ExerciseSpec spec, Map<String, Integer> values) {
        for (int i = 0; i < spec.constraints().size(); i++) {
            try {
                Expressions.evaluate(spec.constraints().get(i), values);
            } catch (IllegalArgumentException e) {
                return "/constraints/" + i;
            }
        }
        return "/constraints";
    }

    private static String emptyDomain(ExerciseSpec spec, IllegalArgumentException e) {
        List<String> involved = new ArrayList<>();
        for (String name : spec.params().keySet()) {
            if (spec.constraints().stream().anyMatch(c -> c.matches(".*\\b" + Pattern.quote(name) + "\\b.*"))) {
                involved.add(name);
            }
        }
        String names = involved.isEmpty() ? String.join(", ", spec.params().keySet()) : String.join(", ", involved);
        return "parameter" + (involved.size() == 1 ? " " : "s ") + names + ": no value satisfies the constraints "
                + spec.constraints() + " — widen the ranges or relax a constraint (" + e.getMessage() + ")";
    }

    /** Problems found so far, each with its position. */
    private static final class Problems {
        private final String path;
        private final Locations locations;
        private final List<String> found = new ArrayList<>();

        Problems(String path, Locations locations) {
            this.path = path;
            this.locations = locations;
        }

        void add(String pointer, String message) {
            found.add(path + ":" + locations.at(pointer) + ": " + message);
        }

        void throwIfAny() {
            if (!found.isEmpty()) {
                throw new ExerciseFileException(found);
            }
        }
    }
}
