package dev.slotbridge.server.api;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** Free slots sorted by start, and anything the caller should know about the search. */
@Serdeable
public record SearchResponse(List<SlotBody> slots, List<String> warnings) {
}
