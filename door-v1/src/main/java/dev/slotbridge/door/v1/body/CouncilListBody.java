package dev.slotbridge.door.v1.body;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** {@code GET /v1/councils}. */
@Serdeable
public record CouncilListBody(List<CouncilBody> councils) {
}
