package dev.slotbridge.spi.model;

import java.util.List;
import java.util.Objects;

/**
 * The repair to be done.
 *
 * @param propertyRef the council's property / location id (often the UPRN)
 * @param jobCodes    at least one SOR line
 * @param priority    the council's priority name, or null for the provider's default
 * @param externalRef the caller's own order number; null only in a search that did not give one
 * @param description what is wrong, at most 255 characters; may be null in a search
 */
public record Job(String propertyRef, List<JobCode> jobCodes, String priority, String externalRef, String description) {
    public Job {
        Objects.requireNonNull(propertyRef, "propertyRef is null");
        jobCodes = List.copyOf(jobCodes);
        if (jobCodes.isEmpty()) {
            throw new IllegalArgumentException("jobCodes is empty");
        }
    }
}
