package org.convquiz.mastery;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.convquiz.exercise.ExerciseDefinition;
import org.convquiz.exercise.Grader;
import org.convquiz.exercise.Misconception;
import org.convquiz.exercise.Quantity;

/**
 * Which concepts an exercise part tests, and which concept each named mistake betrays. Plain Java over an
 * exercise file's {@code section}, its {@code tags} and the part's quantity, so it can be read and tested alone.
 *
 * <p>A part tests its section's concept, the concepts its file's tags name, and the concept its quantity can
 * only be about (a gradient is pooling backward, a receptive field is a receptive field, fully connected
 * parameters are conv versus FC). A part of a file with none of these (a whole network tagged only
 * "parameters") tests what its quantity needs: output sizes padding and stride, parameter counts channels.
 */
public final class ConceptMap {
    private ConceptMap() {
    }

    /** The concepts a part tests; never empty for a known quantity. */
    public static Set<Concept> concepts(String section, List<String> tags, Quantity quantity) {
        EnumSet<Concept> out = EnumSet.noneOf(Concept.class);
        if (section != null) {
            switch (section) {
                case "cross-correlation" -> out.add(Concept.CROSS_CORRELATION);
                case "receptive-field" -> out.add(Concept.RECEPTIVE_FIELD);
                case "padding-stride" -> out.add(Concept.PADDING);
                case "channels" -> out.add(Concept.CHANNELS);
                case "conv-vs-fc" -> out.add(Concept.CONV_VS_FC);
                case "pooling" -> out.add(Concept.POOLING);
                case "pooling-backward" -> out.add(Concept.POOLING_BACKWARD);
                default -> { } // "exercises", "networks": the tags and the quantity say what is tested
            }
        }
        boolean backward = false;
        for (String tag : tags == null ? List.<String>of() : tags) {
            switch (tag) {
                case "cross-correlation" -> out.add(Concept.CROSS_CORRELATION);
                case "receptive-field" -> out.add(Concept.RECEPTIVE_FIELD);
                case "padding" -> out.add(Concept.PADDING);
                case "stride" -> out.add(Concept.STRIDE);
                case "channels", "multi-input", "multi-output" -> out.add(Concept.CHANNELS);
                case "1x1-conv" -> out.add(Concept.ONE_BY_ONE);
                case "conv-vs-fc", "linear" -> out.add(Concept.CONV_VS_FC);
                case "pooling" -> out.add(Concept.POOLING);
                case "backward" -> backward = true;
                default -> { }
            }
        }
        if (backward && out.remove(Concept.POOLING)) {
            out.add(Concept.POOLING_BACKWARD); // "pooling, backward": the backward pass, not the forward one
        }
        switch (quantity) {
            case GRAD_INPUT, GRAD_SUM -> out.add(Concept.POOLING_BACKWARD);
            case RECEPTIVE_FIELD, RECEPTIVE_FIELD_ELEMENTS -> out.add(Concept.RECEPTIVE_FIELD);
            case FC_PARAMS -> out.add(Concept.CONV_VS_FC);
            default -> { }
        }
        if (out.isEmpty()) {
            switch (quantity) {
                case OUTPUT_SHAPE, OUTPUT_HEIGHT, OUTPUT_WIDTH, BROKEN_LAYER, FIXING_PADDING -> out.addAll(List.of(Concept.PADDING, Concept.STRIDE));
                case OUTPUT_CHANNELS, PARAMS, WEIGHT_SHAPE, BIAS_SHAPE, MACS -> out.add(Concept.CHANNELS);
                case OUTPUT, OUTPUT_ELEMENT -> out.add(Concept.CROSS_CORRELATION);
                default -> { }
            }
        }
        return out;
    }

    /** One piece of evidence: a graded part's credit (fraction of its points) for one concept. */
    public record Evidence(Concept concept, double credit) {
    }

    /**
     * The evidence a graded exercise gives: each answered part counts for each concept it tests with its
     * credit, and each mistake it named counts as a wrong answer (credit 0) for the concept the mistake betrays
     * when the part does not test that concept already. Empty and unreadable answers give no evidence.
     */
    public static List<Evidence> evidence(ExerciseDefinition exercise, Grader.Grade grade) {
        List<Evidence> out = new java.util.ArrayList<>();
        for (Grader.PartResult part : grade.parts()) {
            if (part.status() == Grader.Status.EMPTY || part.status() == Grader.Status.UNREADABLE || part.maxScore() <= 0) {
                continue;
            }
            Quantity quantity = exercise.part(part.partId()).flatMap(p -> Quantity.parse(p.quantity())).orElse(null);
            if (quantity == null) {
                continue;
            }
            Set<Concept> tested = concepts(exercise.spec().section(), exercise.spec().tags(), quantity);
            double credit = part.score() / part.maxScore();
            for (Concept c : tested) {
                out.add(new Evidence(c, credit));
            }
            EnumSet<Concept> betrayed = EnumSet.noneOf(Concept.class);
            for (Misconception m : part.misconceptions()) {
                Concept c = concept(m);
                if (c != null && !tested.contains(c) && betrayed.add(c)) {
                    out.add(new Evidence(c, 0));
                }
            }
        }
        return out;
    }

    /** The concept a named mistake betrays; null for a wrong choice option, which names no single concept. */
    public static Concept concept(Misconception m) {
        return switch (m) {
            case FORGOT_PLUS_ONE, PADDING_ONE_SIDE, TOTAL_PADDING_DOUBLED -> Concept.PADDING;
            case NO_FLOOR, STRIDE_IGNORED -> Concept.STRIDE;
            case BIAS_FORGOTTEN, BIAS_PER_INPUT_CHANNEL, CHANNELS_SWAPPED, CHANNELS_NOT_SUMMED -> Concept.CHANNELS;
            case PARAMS_TIMES_HW, FC_WITHOUT_OUTPUT_SIZE -> Concept.CONV_VS_FC;
            case POOL_CHANGES_CHANNELS, CEIL_MODE_IGNORED -> Concept.POOLING;
            case KERNEL_FLIPPED -> Concept.CROSS_CORRELATION;
            case MEAN_GRAD_COPIED, MAX_GRAD_SPREAD, MAX_GRAD_SPLIT, MAX_GRAD_OVERWRITTEN, TIES_LAST_MAX -> Concept.POOLING_BACKWARD;
            case RECEPTIVE_FIELDS_ADDED -> Concept.RECEPTIVE_FIELD;
            case WRONG_OPTION -> null;
        };
    }
}
