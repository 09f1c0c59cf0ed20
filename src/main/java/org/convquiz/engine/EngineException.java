package org.convquiz.engine;

/**
 * Thrown by the engine for any invalid request. Messages follow PyTorch's wording where one exists
 * and always name the offending shapes, so the quiz can show them to a student verbatim.
 *
 * <p>{@link Kind#TOO_LARGE} marks requests that are well-formed but exceed {@link Tensor#MAX_ELEMENTS}
 * (the web layer maps it to HTTP 413); everything else is {@link Kind#INVALID} (HTTP 400).
 */
public class EngineException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** Lets callers tell "you asked for something impossible" from "you asked for too much". */
    public enum Kind { INVALID, TOO_LARGE }

    private final Kind kind;

    public EngineException(Kind kind, String message) {
        super(message);
        this.kind = kind == null ? Kind.INVALID : kind;
    }

    public EngineException(String message) {
        this(Kind.INVALID, message);
    }

    public Kind kind() {
        return kind;
    }

    static EngineException invalid(String message) {
        return new EngineException(Kind.INVALID, message);
    }

    static EngineException tooLarge(String message) {
        return new EngineException(Kind.TOO_LARGE, message);
    }
}
