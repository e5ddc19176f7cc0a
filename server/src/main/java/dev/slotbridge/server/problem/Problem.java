package dev.slotbridge.server.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.net.URI;
import java.util.List;

/** An RFC 9457 problem document, the body of every error answer. {@code errors} only for bad input. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(URI type, String title, int status, String detail, String instance, List<FieldError> errors) {
}
