package dev.slotbridge.door.v1.body;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * {@code POST /v1/councils/{council}/appointment-search}. Dates are local to the council; at most 62 days apart. The
 * optional contact reaches schedulers that create their order at search time and take a contact only then (Connect).
 */
@Serdeable
public record SearchRequest(
        @Nullable String propertyRef,
        @Nullable List<JobCodeBody> jobCodes,
        @Nullable String priority,
        @Nullable String externalRef,
        @Nullable String description,
        @Nullable String from,
        @Nullable String to,
        @Nullable ContactBody contact) {
}
