package org.convquiz.mastery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.convquiz.exercise.ExerciseDefinition;
import org.convquiz.exercise.ExerciseParser;
import org.convquiz.exercise.Grader;
import org.convquiz.exercise.Misconception;
import org.convquiz.exercise.Quantity;
import org.junit.jupiter.api.Test;

class ConceptMapTest {

    @Test
    void partsTestTheirSectionAndTags() {
        // fig5-1x1-conv: section channels, tags [channels, 1x1-conv, figure-5]
        assertEquals(EnumSet.of(Concept.CHANNELS, Concept.ONE_BY_ONE),
                ConceptMap.concepts("channels", List.of("channels", "1x1-conv", "figure-5"), Quantity.OUTPUT));
        // fig3-stride: padding-stride section, tags stride and padding, and it computes a cross-correlation
        assertEquals(EnumSet.of(Concept.PADDING, Concept.STRIDE, Concept.CROSS_CORRELATION),
                ConceptMap.concepts("padding-stride", List.of("stride", "padding", "cross-correlation", "figure-3"), Quantity.OUTPUT));
        // ex5: "pooling, backward" is the backward pass
        assertEquals(Set.of(Concept.POOLING_BACKWARD), ConceptMap.concepts("exercises", List.of("pooling", "backward", "exercise-5"), Quantity.CHOICE));
        assertEquals(Set.of(Concept.POOLING_BACKWARD), ConceptMap.concepts("pooling-backward", List.of("pooling", "backward"), Quantity.GRAD_INPUT));
    }

    @Test
    void theQuantityAddsWhatItCanOnlyBeAbout() {
        assertEquals(EnumSet.of(Concept.CONV_VS_FC), ConceptMap.concepts("conv-vs-fc", List.of("conv-vs-fc", "parameters"), Quantity.FC_PARAMS));
        assertEquals(EnumSet.of(Concept.RECEPTIVE_FIELD), ConceptMap.concepts("networks", List.of("network", "lenet"), Quantity.RECEPTIVE_FIELD));
        // a whole network tagged only by its name: output sizes are padding and stride, parameters are channels
        assertEquals(EnumSet.of(Concept.PADDING, Concept.STRIDE), ConceptMap.concepts("networks", List.of("network", "resnet"), Quantity.OUTPUT_SHAPE));
        assertEquals(EnumSet.of(Concept.CHANNELS), ConceptMap.concepts("networks", List.of("network", "resnet"), Quantity.PARAMS));
    }

    @Test
    void everyExercisePartTestsAtLeastOneConcept() throws Exception {
        try (var files = Files.list(Path.of("exercises"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                ExerciseDefinition d = ExerciseParser.parse(f.toString(), Files.readString(f));
                for (var part : d.spec().parts()) {
                    Set<Concept> c = ConceptMap.concepts(d.spec().section(), d.spec().tags(), Quantity.parse(part.quantity()).orElseThrow());
                    assertEquals(false, c.isEmpty(), f + " part " + part.id());
                }
            }
        }
    }

    @Test
    void everyMistakeButAWrongOptionBetraysAConcept() {
        for (Misconception m : Misconception.values()) {
            if (m == Misconception.WRONG_OPTION) {
                assertNull(ConceptMap.concept(m));
            } else {
                assertNotNull(ConceptMap.concept(m), m.id());
            }
        }
        assertEquals(Concept.PADDING, ConceptMap.concept(Misconception.FORGOT_PLUS_ONE));
        assertEquals(Concept.STRIDE, ConceptMap.concept(Misconception.STRIDE_IGNORED));
        assertEquals(Concept.CROSS_CORRELATION, ConceptMap.concept(Misconception.KERNEL_FLIPPED));
        assertEquals(Concept.POOLING_BACKWARD, ConceptMap.concept(Misconception.MAX_GRAD_SPREAD));
    }

    @Test
    void evidenceOfAGradedExercise() throws Exception {
        // padding-output-shape, seed 0: Conv2d(3, 4, k=3, padding=2) on 3×100×100 → 4×102×102, 3 points
        ExerciseDefinition d = ExerciseParser.parse("exercises/padding-output-shape.yaml", Files.readString(Path.of("exercises/padding-output-shape.yaml")));
        // the channels swapped: 2 of 3 points for padding, and a wrong answer for channels (the mistake's concept)
        Grader.Grade swapped = Grader.grade(d, 0, Map.of("shape", "3×102×102"));
        assertEquals(List.of(new ConceptMap.Evidence(Concept.PADDING, 2.0 / 3), new ConceptMap.Evidence(Concept.CHANNELS, 0)),
                ConceptMap.evidence(d, swapped));
        // the + 1 forgotten: 1 of 3 for padding, which is also what the mistake betrays (counted once)
        assertEquals(List.of(new ConceptMap.Evidence(Concept.PADDING, 1.0 / 3)), ConceptMap.evidence(d, Grader.grade(d, 0, Map.of("shape", "4×101×101"))));
        // no answer: no evidence
        assertEquals(List.of(), ConceptMap.evidence(d, Grader.grade(d, 0, Map.of())));
    }

    @Test
    void conceptIdsRoundTrip() {
        for (Concept c : Concept.values()) {
            assertEquals(c, Concept.parse(c.id()).orElseThrow());
        }
        assertEquals("one-by-one", Concept.ONE_BY_ONE.id());
    }
}
