package dev.slotbridge.server.problem;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

import java.util.Map;

/**
 * Turns every error the framework itself answers (no route, wrong method, body too large, unreadable JSON, an
 * unexpected exception) into a problem document. Details are fixed texts: never an exception message, which could
 * echo input or internals.
 */
@Singleton
final class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem> {

    @Override
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> base) {
        HttpStatus status = base.getStatus();
        ProblemType type = typeFor(status, context);
        String detail = switch (type) {
            case MALFORMED_JSON -> "The request body is not valid JSON of the expected shape";
            case PAYLOAD_TOO_LARGE -> "The request body is larger than 64 KiB";
            case METHOD_NOT_ALLOWED -> "This resource does not support " + context.getRequest().getMethodName();
            case UNSUPPORTED_MEDIA_TYPE -> "Send the body as application/json";
            case NOT_FOUND -> "No resource at this path";
            default -> status.getReason();
        };
        MutableHttpResponse<Problem> problem = ProblemResponses.of(context.getRequest(), type, detail, null, Map.of());
        base.getHeaders().forEach((name, values) -> values.forEach(value -> problem.header(name, value)));
        return problem.contentType(ProblemResponses.PROBLEM_JSON);
    }

    private static ProblemType typeFor(HttpStatus status, ErrorContext context) {
        return switch (status) {
            // the framework answers 400 only when it cannot read the body: fields are validated by the API layer
            case BAD_REQUEST -> ProblemType.MALFORMED_JSON;
            case NOT_FOUND -> ProblemType.NOT_FOUND;
            case METHOD_NOT_ALLOWED -> ProblemType.METHOD_NOT_ALLOWED;
            case NOT_ACCEPTABLE -> ProblemType.NOT_ACCEPTABLE;
            case REQUEST_ENTITY_TOO_LARGE -> ProblemType.PAYLOAD_TOO_LARGE;
            case UNSUPPORTED_MEDIA_TYPE -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
            default -> ProblemType.INTERNAL_ERROR;
        };
    }
}
