package org.convquiz.exercise;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.convquiz.exercise.ExerciseSpec.PartSpec;
import org.convquiz.exercise.answer.AnswerKind;

/**
 * A validated exercise file: its spec plus the text it came from and that text's SHA-256. Immutable,
 * so one instance per version can be cached and shared.
 */
public record ExerciseDefinition(ExerciseSpec spec, String yaml, String contentHash, String sourcePath) {

    public String id() {
        return spec.id();
    }

    public Variant variant(long seed) {
        return VariantGenerator.generate(spec, seed);
    }

    public Model model(Variant variant) {
        return ModelBuilder.build(spec.model(), variant);
    }

    public Optional<PartSpec> part(String id) {
        return spec.parts().stream().filter(p -> p.id().equals(id)).findFirst();
    }

    public double maxScore() {
        return spec.parts().stream().mapToDouble(PartSpec::pointsOrDefault).sum();
    }

    /** The reference answer and derivation of every part for a seed. */
    public List<Reference> references(long seed) {
        Variant variant = variant(seed);
        Model model = model(variant);
        List<Reference> out = new ArrayList<>();
        for (PartSpec part : spec.parts()) {
            out.add(Quantities.compute(model, part, quantity(part)));
        }
        return out;
    }

    static Quantity quantity(PartSpec part) {
        return Quantity.parse(part.quantity()).orElseThrow();
    }

    static AnswerKind kind(PartSpec part) {
        return AnswerKind.valueOf(part.kind().toUpperCase(java.util.Locale.ROOT));
    }

    /** Any text of the exercise (an option, a label) with {name} replaced by the variant's numbers. */
    public String fill(String text, Variant variant) {
        return Prompts.fill(text, variant);
    }

    /** The prompt in a language cut at its tensors (text, tensor, text, …), for pages that draw matrices. */
    public java.util.List<Prompts.Segment> promptSegments(Variant variant, String lang) {
        return Prompts.segments(spec.prompt().in(lang), variant);
    }

    /** The prompt in a language, with {name} replaced by the variant's parameter values and tensors. */
    public String prompt(Variant variant, String lang) {
        return Prompts.fill(spec.prompt().in(lang), variant);
    }
}
