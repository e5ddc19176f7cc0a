package dev.slotbridge.http.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.slotbridge.engine.error.FieldError;
import io.micronaut.serde.annotation.Serdeable;

import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem document, the body of every error answer. {@code errors} only for bad input; {@code traceId}
 * the request's trace id (the caller's {@code traceparent}'s, or a new one), set as the answer leaves.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(URI type, String title, int status, String detail, String instance, List<FieldError> errors,
                      String traceId) {

    public Problem(URI type, String title, int status, String detail, String instance, List<FieldError> errors) {
        this(type, title, status, detail, instance, errors, null);
    }

    /** This problem, naming the request's trace. */
    public Problem withTraceId(String id) {
        return new Problem(type, title, status, detail, instance, errors, id);
    }
}
