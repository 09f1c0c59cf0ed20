package org.convquiz.exercise;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.convquiz.exercise.answer.AnswerKind;

/** The engine quantities a part can ask for, each with the answer kinds it can be graded as. */
public enum Quantity {
    OUTPUT_SHAPE(AnswerKind.SHAPE),
    OUTPUT_HEIGHT(AnswerKind.INTEGER),
    OUTPUT_WIDTH(AnswerKind.INTEGER),
    OUTPUT_CHANNELS(AnswerKind.INTEGER),
    PARAMS(AnswerKind.INTEGER),
    WEIGHT_SHAPE(AnswerKind.SHAPE),
    BIAS_SHAPE(AnswerKind.SHAPE),
    FC_PARAMS(AnswerKind.INTEGER),
    OUTPUT(AnswerKind.TENSOR),
    OUTPUT_ELEMENT(AnswerKind.NUMBER, AnswerKind.INTEGER),
    GRAD_INPUT(AnswerKind.TENSOR),
    GRAD_SUM(AnswerKind.NUMBER, AnswerKind.INTEGER),
    RECEPTIVE_FIELD(AnswerKind.INTEGER),
    RECEPTIVE_FIELD_ELEMENTS(AnswerKind.INTEGER),
    MACS(AnswerKind.INTEGER),
    BROKEN_LAYER(AnswerKind.INTEGER),
    FIXING_PADDING(AnswerKind.INTEGER),
    CHOICE(AnswerKind.SINGLE_CHOICE, AnswerKind.MULTIPLE_CHOICE);

    private final List<AnswerKind> kinds;

    Quantity(AnswerKind... kinds) {
        this.kinds = List.of(kinds);
    }

    public List<AnswerKind> kinds() {
        return kinds;
    }

    /** The name used in files: {@code output_shape}. */
    public String fileName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Quantity> parse(String name) {
        return Arrays.stream(values()).filter(q -> q.fileName().equals(name)).findFirst();
    }

    public static List<String> fileNames() {
        return Arrays.stream(values()).map(Quantity::fileName).toList();
    }
}
