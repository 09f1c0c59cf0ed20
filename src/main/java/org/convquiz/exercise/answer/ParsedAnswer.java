package org.convquiz.exercise.answer;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A student's answer as read by {@link AnswerParser}. {@link #display()} is the canonical form shown back
 * to the student ("we read your answer as …"); parsing it again gives the same value.
 */
public sealed interface ParsedAnswer {

    /** Canonical text of the value, e.g. {@code 196609000}, {@code 4×102×102}, {@code [[19, 25], [37, 43]]}, {@code A, C}. */
    String display();

    /** An exact whole number. */
    record IntegerAnswer(BigInteger value) implements ParsedAnswer {
        public IntegerAnswer {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String display() {
            return value.toString();
        }
    }

    /**
     * A number. {@code exact} is the reduced fraction (e.g. {@code "10/3"}) when the value has no finite decimal
     * expansion, in which case {@code value} is rounded to 34 significant digits; otherwise {@code exact} is
     * null and {@code value} is exact.
     */
    record NumberAnswer(BigDecimal value, String exact, double asDouble) implements ParsedAnswer {
        public NumberAnswer {
            Objects.requireNonNull(value, "value");
        }

        /** The fraction, or the decimal: plain when short, else in E notation (1E-1000 rather than 10,000 digits). */
        @Override
        public String display() {
            if (exact != null) {
                return exact;
            }
            BigDecimal d = value.stripTrailingZeros();
            String plain = d.toPlainString();
            return plain.length() <= 30 ? plain : d.toString();
        }
    }

    /** A tensor shape; every dimension is positive. */
    record ShapeAnswer(List<Integer> dims) implements ParsedAnswer {
        public ShapeAnswer {
            dims = List.copyOf(dims);
            if (dims.isEmpty() || dims.stream().anyMatch(d -> d <= 0)) {
                throw new IllegalArgumentException("dimensions must be positive: " + dims);
            }
        }

        /** The dimensions as an array. */
        public int[] dimsArray() {
            return dims.stream().mapToInt(Integer::intValue).toArray();
        }

        @Override
        public String display() {
            return String.join("×", dims.stream().map(String::valueOf).toList());
        }
    }

    /** A tensor: its shape and its values in row-major order. */
    record TensorAnswer(List<Integer> shape, List<Double> values) implements ParsedAnswer {
        public TensorAnswer {
            shape = List.copyOf(shape);
            // -0.0 + 0.0 turns -0.0 into 0.0: a student's "-0" is zero, and equals() should agree.
            values = values.stream().map(v -> v + 0.0).toList();
            // NaN marks a cell left blank ("?"): it is never close to anything, so it grades as wrong
            if (values.stream().anyMatch(v -> Double.isInfinite(v))) {
                throw new IllegalArgumentException("values must be finite");
            }
            long size = shape.stream().mapToLong(Integer::longValue).reduce(1L, (a, b) -> a * b);
            if (shape.isEmpty() || shape.stream().anyMatch(d -> d <= 0) || size != values.size()) {
                throw new IllegalArgumentException("shape " + shape + " does not hold " + values.size() + " values");
            }
        }

        /** How a blank cell is written in an answer text (the answer grid sends it for an empty cell). */
        public static final String BLANK = "?";

        /** Cells left blank. */
        public int blanks() {
            return (int) values.stream().filter(v -> Double.isNaN(v)).count();
        }

        public int[] shapeArray() {
            return shape.stream().mapToInt(Integer::intValue).toArray();
        }

        public double[] valuesArray() {
            return values.stream().mapToDouble(Double::doubleValue).toArray();
        }

        @Override
        public String display() {
            StringBuilder out = new StringBuilder();
            appendNested(out, 0, 0);
            return out.toString();
        }

        /** Writes the sub-tensor at {@code depth} whose first value has index {@code offset}. */
        private void appendNested(StringBuilder out, int depth, int offset) {
            int stride = 1;
            for (int d = depth + 1; d < shape.size(); d++) {
                stride *= shape.get(d);
            }
            out.append('[');
            for (int i = 0; i < shape.get(depth); i++) {
                if (i > 0) {
                    out.append(", ");
                }
                if (depth == shape.size() - 1) {
                    out.append(formatValue(values.get(offset + i)));
                } else {
                    appendNested(out, depth + 1, offset + i * stride);
                }
            }
            out.append(']');
        }

        /**
         * Whole values print without ".0"; others as a decimal that reads back to the same double, in E notation
         * when the plain form would be long (4.9E-324 rather than 300 zeros).
         */
        public static String formatValue(double v) {
            if (Double.isNaN(v)) {
                return BLANK;
            }
            if (v == Math.rint(v) && Math.abs(v) < 1e15) {
                return Long.toString((long) v);
            }
            if (Math.abs(v) < 1e6) {
                // a gradient split three ways is 1/3, not 0.3333333333333333
                Rational r = Exact.rational(v);
                if (r.den().compareTo(java.math.BigInteger.valueOf(1000)) <= 0 && r.exactDecimal().isEmpty() && r.toDouble() == v) {
                    return r.toString();
                }
            }
            BigDecimal d = new BigDecimal(Double.toString(v)).stripTrailingZeros();
            String plain = d.toPlainString();
            return plain.length() <= 20 ? plain : d.toString();
        }
    }

    /** The chosen option letters (upper case, sorted); exactly one for a single-choice question. */
    record ChoiceAnswer(SortedSet<String> letters) implements ParsedAnswer {
        public ChoiceAnswer {
            letters = Collections.unmodifiableSortedSet(new TreeSet<>(letters));
            if (letters.isEmpty()) {
                throw new IllegalArgumentException("no letters");
            }
        }

        @Override
        public String display() {
            return String.join(", ", new ArrayList<>(letters));
        }
    }
}
