package dev.slotbridge.engine.error;

import io.micronaut.serde.annotation.Serdeable;

/**
 * One bad input.
 *
 * @param field a dotted path into the request ({@code job.description}, {@code jobCodes[0].code}), or the name of a
 *              header or query parameter
 */
@Serdeable
public record FieldError(String field, String message) {
}
