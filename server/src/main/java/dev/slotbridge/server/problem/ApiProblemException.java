package dev.slotbridge.server.problem;

import java.util.List;
import java.util.Map;

/**
 * Ends a request with a problem answer. The detail is shown to the caller: it must carry nothing secret.
 * Thrown without a stack trace: it is a normal outcome, not a bug.
 */
public final class ApiProblemException extends RuntimeException {
    private final ProblemType type;
    private final List<FieldError> errors;
    private final Map<String, String> headers;

    public ApiProblemException(ProblemType type, String detail) {
        this(type, detail, null, Map.of());
    }

    public ApiProblemException(ProblemType type, String detail, List<FieldError> errors, Map<String, String> headers) {
        super(detail, null, false, false);
        this.type = type;
        this.errors = errors == null ? null : List.copyOf(errors);
        this.headers = Map.copyOf(headers);
    }

    /** A 400 {@code validation} problem listing every bad field. */
    public static ApiProblemException invalid(List<FieldError> errors) {
        String detail = errors.stream().map(e -> e.field() + " " + e.message())
                .reduce((a, b) -> a + "; " + b).orElse("invalid request");
        return new ApiProblemException(ProblemType.VALIDATION, detail, errors, Map.of());
    }

    public ProblemType type() {
        return type;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
