package dev.slotbridge.server.problem;

import java.util.List;
import java.util.Map;

/**
 * Ends a request with a problem answer. The detail is shown to the caller: it must carry nothing secret.
 * Thrown without a stack trace: it is a normal outcome, not a bug.
 */
public final class ApiProblemException extends RuntimeException {
    /** The most bad fields one answer lists. */
    public static final int MAX_ERRORS = 50;
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

    /**
     * A 400 {@code validation} problem listing the bad fields: the first {@value #MAX_ERRORS}, with the detail saying how
     * many more there were, so that no request can make a large answer.
     */
    public static ApiProblemException invalid(List<FieldError> errors) {
        List<FieldError> listed = errors.subList(0, Math.min(errors.size(), MAX_ERRORS));
        String detail = listed.stream().map(e -> e.field() + " " + e.message())
                .reduce((a, b) -> a + "; " + b).orElse("invalid request");
        if (errors.size() > MAX_ERRORS) {
            detail += "; and " + (errors.size() - MAX_ERRORS) + " more problems not listed";
        }
        return new ApiProblemException(ProblemType.VALIDATION, detail, listed, Map.of());
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
