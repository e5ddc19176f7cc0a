package dev.slotbridge.http.problem;

import dev.slotbridge.engine.error.ErrorTable;
import dev.slotbridge.engine.error.FieldError;
import dev.slotbridge.engine.error.ProblemException;
import dev.slotbridge.engine.error.ProblemType;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;

import java.util.List;
import java.util.Map;

/**
 * Builds {@code application/problem+json} answers, with the status the {@link ErrorTable} gives each problem; a 401
 * {@code unauthenticated} names the {@code Bearer} scheme.
 */
public final class ProblemResponses {
    public static final MediaType PROBLEM_JSON = MediaType.of("application/problem+json");

    private ProblemResponses() {
    }

    public static MutableHttpResponse<Problem> of(HttpRequest<?> request, ProblemType type, String detail) {
        return of(request, type, detail, null, Map.of());
    }

    public static MutableHttpResponse<Problem> of(HttpRequest<?> request, ProblemException problem) {
        Map<String, String> headers = problem.retryAfterSeconds() > 0
                ? Map.of(HttpHeaders.RETRY_AFTER, Long.toString(problem.retryAfterSeconds())) : Map.of();
        return of(request, problem.type(), problem.getMessage(), problem.errors(), headers);
    }

    public static MutableHttpResponse<Problem> of(HttpRequest<?> request, ProblemType type, String detail,
                                                  List<FieldError> errors, Map<String, String> headers) {
        int status = ErrorTable.of(type).status();
        Problem body = new Problem(type.type(), type.title(), status, detail, request == null ? null : request.getPath(),
                errors);
        MutableHttpResponse<Problem> response = HttpResponse.<Problem>status(HttpStatus.valueOf(status)).body(body)
                .contentType(PROBLEM_JSON);
        if (type == ProblemType.UNAUTHENTICATED) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        headers.forEach(response::header);
        return response;
    }
}
