package dev.slotbridge.server.problem;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;

import java.util.List;
import java.util.Map;

/** Builds {@code application/problem+json} answers. */
public final class ProblemResponses {
    public static final MediaType PROBLEM_JSON = MediaType.of("application/problem+json");

    private ProblemResponses() {
    }

    public static MutableHttpResponse<Problem> of(HttpRequest<?> request, ProblemType type, String detail) {
        return of(request, type, detail, null, Map.of());
    }

    public static MutableHttpResponse<Problem> of(HttpRequest<?> request, ApiProblemException problem) {
        return of(request, problem.type(), problem.getMessage(), problem.errors(), problem.headers());
    }

    public static MutableHttpResponse<Problem> of(HttpRequest<?> request, ProblemType type, String detail,
                                                  List<FieldError> errors, Map<String, String> headers) {
        Problem body = new Problem(type.type(), type.title(), type.status().getCode(), detail,
                request == null ? null : request.getPath(), errors);
        MutableHttpResponse<Problem> response = HttpResponse.<Problem>status(type.status()).body(body)
                .contentType(PROBLEM_JSON);
        headers.forEach(response::header);
        return response;
    }
}
