package org.convquiz.engine;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An immutable dense tensor of doubles in row-major order, rank 1 to 4 (HW, CHW or NCHW for images).
 *
 * <p>The element at index (i₀, …, i_{r−1}) is stored at Σ i_k·stride_k with stride_{r−1} = 1 and
 * stride_k = stride_{k+1}·shape_{k+1}. Every factory checks the element count against
 * {@link #MAX_ELEMENTS} because quiz inputs come from untrusted users.
 */
public final class Tensor {
    /** Hard cap on elements per tensor; exceeding it is {@link EngineException.Kind#TOO_LARGE}. */
    public static final int MAX_ELEMENTS = 1_000_000;
    public static final int MAX_RANK = 4;

    private final int[] shape;
    private final double[] data;

    /** Takes ownership of both arrays: callers inside the engine must not keep references. */
    private Tensor(int[] shape, double[] data) {
        this.shape = shape;
        this.data = data;
    }

    /** Package-private zero-copy constructor for engine internals (shape already validated). */
    static Tensor wrap(int[] shape, double[] data) {
        return new Tensor(shape, data);
    }

    public static Tensor of(int[] shape, double... data) {
        requireValidShape(shape);
        if (data == null) {
            throw EngineException.invalid("tensor data is null for shape " + Fmt.shape(shape));
        }
        int n = checkedSize(shape);
        if (data.length != n) {
            throw EngineException.invalid("shape " + Fmt.shape(shape) + " needs " + Fmt.grouped(n)
                    + " values but got " + Fmt.grouped(data.length));
        }
        return new Tensor(shape.clone(), data.clone());
    }

    public static Tensor zeros(int... shape) {
        requireValidShape(shape);
        return new Tensor(shape.clone(), new double[checkedSize(shape)]);
    }

    /** Like {@code torch.arange(n).view(shape)}: element k holds the value k. */
    public static Tensor arange(int... shape) {
        requireValidShape(shape);
        double[] d = new double[checkedSize(shape)];
        for (int i = 0; i < d.length; i++) {
            d[i] = i;
        }
        return new Tensor(shape.clone(), d);
    }

    public static Tensor matrix(double[][] rows) {
        if (rows == null || rows.length == 0) {
            throw EngineException.invalid("matrix needs at least one row");
        }
        int cols = rows[0] == null ? 0 : rows[0].length;
        int[] shape = {rows.length, cols};
        requireValidShape(shape);
        double[] d = new double[checkedSize(shape)];
        for (int r = 0; r < rows.length; r++) {
            int len = rows[r] == null ? 0 : rows[r].length;
            if (len != cols) {
                throw EngineException.invalid("ragged matrix: row [" + r + "] has " + len
                        + " values but row [0] has " + cols);
            }
            System.arraycopy(rows[r], 0, d, r * cols, cols);
        }
        return new Tensor(shape, d);
    }

    /**
     * Builds a tensor from nested {@link List}s or Java arrays of {@link Number} (as Jackson decodes
     * JSON). The shape is taken from the first element at each depth; any disagreement is ragged.
     */
    public static Tensor fromNested(Object nested) {
        List<Integer> dims = new ArrayList<>();
        Object cur = nested;
        while (isSequence(cur)) {
            int len = length(cur);
            if (len == 0) {
                throw EngineException.invalid("empty list at depth " + dims.size() + ": every dimension must be positive");
            }
            dims.add(len);
            if (dims.size() > MAX_RANK) {
                throw EngineException.invalid("nested value has more than " + MAX_RANK + " levels; tensors have rank 1 to 4");
            }
            cur = element(cur, 0);
        }
        if (dims.isEmpty()) {
            throw EngineException.invalid("expected a nested list of numbers, got "
                    + (nested == null ? "null" : nested.getClass().getSimpleName()));
        }
        int[] shape = dims.stream().mapToInt(Integer::intValue).toArray();
        requireValidShape(shape);
        double[] d = new double[checkedSize(shape)];
        fill(nested, 0, shape, d, new int[] {0}, new StringBuilder());
        return new Tensor(shape, d);
    }

    private static void fill(Object node, int depth, int[] shape, double[] out, int[] pos, StringBuilder path) {
        if (depth == shape.length) {
            if (!(node instanceof Number)) {
                throw EngineException.invalid("element at " + path + " is not a number: "
                        + (node == null ? "null" : isSequence(node) ? "a nested list (ragged depth)" : node.getClass().getSimpleName()));
            }
            out[pos[0]++] = ((Number) node).doubleValue();
            return;
        }
        if (!isSequence(node)) {
            throw EngineException.invalid("ragged nested list at " + (path.length() == 0 ? "top level" : path.toString())
                    + ": expected a list of length " + shape[depth] + " but got "
                    + (node == null ? "null" : "a " + node.getClass().getSimpleName()));
        }
        int len = length(node);
        if (len != shape[depth]) {
            throw EngineException.invalid("ragged nested list at " + (path.length() == 0 ? "top level" : path.toString())
                    + ": expected length " + shape[depth] + " but got " + len);
        }
        for (int i = 0; i < len; i++) {
            int mark = path.length();
            path.append('[').append(i).append(']');
            fill(element(node, i), depth + 1, shape, out, pos, path);
            path.setLength(mark);
        }
    }

    private static boolean isSequence(Object o) {
        return o instanceof List<?> || (o != null && o.getClass().isArray());
    }

    private static int length(Object o) {
        return o instanceof List<?> l ? l.size() : Array.getLength(o);
    }

    private static Object element(Object o, int i) {
        return o instanceof List<?> l ? l.get(i) : Array.get(o, i);
    }

    /** Nested {@code List<Double>} (depth = rank), ready for JSON serialisation. */
    public Object toNested() {
        return nest(0, 0);
    }

    private Object nest(int dim, int offset) {
        int stride = 1;
        for (int k = dim + 1; k < shape.length; k++) {
            stride *= shape[k];
        }
        List<Object> list = new ArrayList<>(shape[dim]);
        for (int i = 0; i < shape[dim]; i++) {
            list.add(dim == shape.length - 1 ? (Object) data[offset + i] : nest(dim + 1, offset + i * stride));
        }
        return list;
    }

    static void requireValidShape(int[] shape) {
        if (shape == null || shape.length < 1 || shape.length > MAX_RANK) {
            throw EngineException.invalid("tensor rank must be 1 to 4, got "
                    + (shape == null ? "null" : shape.length + " (shape " + Fmt.shape(shape) + ")"));
        }
        for (int d : shape) {
            if (d <= 0) {
                throw EngineException.invalid("tensor dimensions must be positive, got " + Fmt.shape(shape));
            }
        }
    }

    /** Element count, computed in long so a huge request reports TOO_LARGE instead of overflowing. */
    static int checkedSize(int[] shape) {
        long n = 1;
        for (int d : shape) {
            n *= d;
            if (n > Integer.MAX_VALUE) {
                break;
            }
        }
        if (n > MAX_ELEMENTS) {
            long exact = 1;
            boolean overflow = false;
            for (int d : shape) {
                if (exact > Long.MAX_VALUE / Math.max(d, 1)) {
                    overflow = true;
                    break;
                }
                exact *= d;
            }
            throw EngineException.tooLarge("tensor of " + Fmt.shape(shape) + " = "
                    + (overflow ? "more than 9,223,372,036,854,775,807" : Fmt.grouped(exact))
                    + " elements exceeds the limit of " + Fmt.grouped(MAX_ELEMENTS) + " (Tensor.MAX_ELEMENTS)");
        }
        return (int) n;
    }

    public int[] shape() {
        return shape.clone();
    }

    public int rank() {
        return shape.length;
    }

    public int size() {
        return data.length;
    }

    /** Dimension {@code i}; negative {@code i} counts from the end like PyTorch. */
    public int dim(int i) {
        return shape[i < 0 ? shape.length + i : i];
    }

    public double get(int... idx) {
        if (idx == null || idx.length != shape.length) {
            throw EngineException.invalid("index has " + (idx == null ? 0 : idx.length)
                    + " components but tensor " + shapeString() + " has rank " + shape.length);
        }
        int off = 0;
        for (int k = 0; k < idx.length; k++) {
            if (idx[k] < 0 || idx[k] >= shape[k]) {
                throw EngineException.invalid("index " + Arrays.toString(idx) + " is out of bounds for tensor " + shapeString());
            }
            off = off * shape[k] + idx[k];
        }
        return data[off];
    }

    /** A copy of the row-major values. */
    public double[] data() {
        return data.clone();
    }

    /** Zero-copy access for engine internals; callers must never write to it. */
    double[] raw() {
        return data;
    }

    int[] rawShape() {
        return shape;
    }

    public Tensor reshape(int... newShape) {
        requireValidShape(newShape);
        int n = checkedSize(newShape);
        if (n != data.length) {
            throw EngineException.invalid("cannot reshape tensor " + shapeString() + " (" + Fmt.grouped(data.length)
                    + " elements) into " + Fmt.shape(newShape) + " (" + Fmt.grouped(n) + " elements)");
        }
        return new Tensor(newShape.clone(), data); // sharing is safe: both are immutable
    }

    /** "4×102×102". */
    public String shapeString() {
        return Fmt.shape(shape);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tensor t && Arrays.equals(shape, t.shape) && Arrays.equals(data, t.data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Tensor[").append(shapeString()).append("] ");
        if (data.length > 256) {
            return sb.append("(").append(Fmt.grouped(data.length)).append(" elements)").toString();
        }
        return sb.append(toNested()).toString();
    }
}
