package dev.slotbridge.door.v1.body;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** The repair job, as sent in a booking and as shown on one. */
@Serdeable
public record JobBody(
        @Nullable String propertyRef,
        @Nullable List<JobCodeBody> jobCodes,
        @Nullable String priority,
        @Nullable String externalRef,
        @Nullable String description) {
}
