package org.convquiz.quiz;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.convquiz.exercise.ExerciseDefinition;
import org.convquiz.exercise.ExerciseSpec.PartSpec;

/** The answers to one question from a posted form: text boxes, grids of cells, radio buttons and checkboxes. */
public final class FormAnswers {
    private FormAnswers() {
    }

    /** Field names are a.{position}.{part}, and a.{position}.{part}.{row}.{col} for the cells of a grid. */
    public static Map<String, String> of(Map<String, List<String>> form, int position, ExerciseDefinition definition) {
        Map<String, String> out = new HashMap<>();
        for (PartSpec part : definition.spec().parts()) {
            String name = "a." + position + "." + part.id();
            String cells = Grid.join(form, name);
            List<String> values = form.get(name);
            if (cells != null) {
                out.put(part.id(), cells);
            } else if (values != null) {
                out.put(part.id(), String.join(", ", values));
            }
        }
        return out;
    }
}
