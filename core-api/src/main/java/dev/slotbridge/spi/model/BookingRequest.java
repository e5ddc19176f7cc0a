package dev.slotbridge.spi.model;

import java.util.Objects;

/**
 * A request to book {@code job} into the slot {@code slot} (a key the same provider returned from a search).
 * The server guarantees {@code job.externalRef()} and {@code job.description()} are present.
 *
 * @param contact     may be null
 * @param accessNotes free text for the operative, may be null
 */
public record BookingRequest(SlotKey slot, Job job, Contact contact, String accessNotes) {
    public BookingRequest {
        Objects.requireNonNull(slot, "slot is null");
        Objects.requireNonNull(job, "job is null");
    }
}
