package org.convquiz.exercise;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.convquiz.engine.Tensor;
import org.convquiz.exercise.answer.ParsedAnswer;

/** Fills {name} placeholders of a prompt with a variant's numbers. */
public final class Prompts {
    /** A piece of a filled prompt: text, or a tensor that a page may draw as a matrix. */
    public record Segment(String text, Tensor tensor) {
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private Prompts() {
    }

    static String fill(String template, Variant variant) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value;
            if (variant.params().containsKey(name)) {
                value = String.valueOf(variant.params().get(name));
            } else if (variant.tensors().containsKey(name)) {
                value = tensor(variant.tensors().get(name));
            } else {
                value = m.group(0);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The prompt cut at its tensor placeholders, so a page can lay tensors out as matrices. */
    static java.util.List<Segment> segments(String template, Variant variant) {
        java.util.List<Segment> out = new java.util.ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(template);
        int last = 0;
        while (m.find()) {
            Tensor t = variant.tensors().get(m.group(1));
            if (t != null) {
                out.add(new Segment(fill(template.substring(last, m.start()), variant), null));
                out.add(new Segment(null, t));
                last = m.end();
            }
        }
        out.add(new Segment(fill(template.substring(last), variant), null));
        return out;
    }

    static String tensor(Tensor t) {
        return new ParsedAnswer.TensorAnswer(Arrays.stream(t.shape()).boxed().toList(),
                Arrays.stream(t.data()).boxed().toList()).display();
    }
}
