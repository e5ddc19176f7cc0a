package dev.slotbridge.engine.error;

import java.util.List;

/**
 * The engine's one error: ends a request with a {@link ProblemType}, whichever door it came through. The detail is
 * shown to the caller: it must carry nothing secret. Thrown without a stack trace: it is a normal outcome, not a bug.
 * How each type is answered (status, whose fault, whether to retry) is the {@link ErrorTable}'s.
 */
public final class ProblemException extends RuntimeException {
    /** The most bad fields one answer lists. */
    public static final int MAX_ERRORS = 50;
    private final ProblemType type;
    private final List<FieldError> errors;
    private final long retryAfterSeconds;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, null, 0);
    }

    public ProblemException(ProblemType type, String detail, List<FieldError> errors) {
        this(type, detail, errors, 0);
    }

    /**
     * @param errors            the bad fields, or null
     * @param retryAfterSeconds when asking again may succeed, in whole seconds; 0 when the answer does not say
     */
    public ProblemException(ProblemType type, String detail, List<FieldError> errors, long retryAfterSeconds) {
        super(detail, null, false, false);
        this.type = type;
        this.errors = errors == null ? null : List.copyOf(errors);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /**
     * A {@code validation} problem listing the bad fields: the first {@value #MAX_ERRORS}, with the detail saying how
     * many more there were, so that no request can make a large answer.
     */
    public static ProblemException invalid(List<FieldError> errors) {
        List<FieldError> listed = errors.subList(0, Math.min(errors.size(), MAX_ERRORS));
        String detail = listed.stream().map(e -> e.field() + " " + e.message())
                .reduce((a, b) -> a + "; " + b).orElse("invalid request");
        if (errors.size() > MAX_ERRORS) {
            detail += "; and " + (errors.size() - MAX_ERRORS) + " more problems not listed";
        }
        return new ProblemException(ProblemType.VALIDATION, detail, listed);
    }

    public ProblemType type() {
        return type;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** When asking again may succeed, in whole seconds; 0 when the answer does not say. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
