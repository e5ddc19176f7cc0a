package dev.slotbridge.http.problem;

import dev.slotbridge.engine.error.FieldError;
import dev.slotbridge.engine.error.ProblemType;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

import java.net.URISyntaxException;
import java.util.List;
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
        if (context.getRootCause().orElse(null) instanceof URISyntaxException bad) {
            String parameter = parameterAt(bad);
            return ProblemResponses.of(context.getRequest(), ProblemType.VALIDATION, parameter + " has a malformed percent-escape",
                    List.of(new FieldError(parameter, "has a malformed percent-escape")), Map.of());
        }
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

    /** The query parameter holding the bad escape ({@code query} when it cannot be told). */
    private static String parameterAt(URISyntaxException bad) {
        String uri = bad.getInput();
        int at = bad.getIndex();
        if (uri == null || at < 0 || at > uri.length() || uri.indexOf('?') < 0 || at < uri.indexOf('?')) {
            return "query";
        }
        int start = Math.max(uri.lastIndexOf('&', at), uri.lastIndexOf('?', at)) + 1;
        int equals = uri.indexOf('=', start);
        return equals > start && equals <= at ? uri.substring(start, equals) : "query";
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
