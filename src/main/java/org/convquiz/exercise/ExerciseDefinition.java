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

    /**
     * The parts as a seed shows them: a choice part's options in this seed's order, lettered A, B, C… again, so
     * two students cannot share "the answer is B". Seed 0 (the tutorial's variant) keeps the file's order. The
     * grader uses the same parts, so grading follows the letters the student saw.
     */
    public List<PartSpec> parts(long seed) {
        if (seed == Variant.PINNED || spec.parts().stream().allMatch(p -> p.options().isEmpty())) {
            return spec.parts();
        }
        List<PartSpec> out = new ArrayList<>();
        for (PartSpec p : spec.parts()) {
            if (p.options().size() < 2) {
                out.add(p);
                continue;
            }
            List<ExerciseSpec.OptionSpec> order = new ArrayList<>(p.options());
            java.util.SplittableRandom random = new java.util.SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ p.id().hashCode());
            for (int i = order.size() - 1; i > 0; i--) { // Fisher–Yates
                java.util.Collections.swap(order, i, random.nextInt(i + 1));
            }
            List<ExerciseSpec.OptionSpec> lettered = new ArrayList<>();
            for (int i = 0; i < order.size(); i++) {
                ExerciseSpec.OptionSpec o = order.get(i);
                lettered.add(new ExerciseSpec.OptionSpec(p.options().get(i).key(), o.text(), o.truth(), o.explanation()));
            }
            out.add(new PartSpec(p.id(), p.kind(), p.quantity(), p.points(), p.label(), p.tolerance(), p.select(), p.element(), lettered, p.layer()));
        }
        return out;
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
        for (PartSpec part : parts(seed)) {
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
