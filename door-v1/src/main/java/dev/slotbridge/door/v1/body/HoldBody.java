package dev.slotbridge.door.v1.body;

import io.micronaut.serde.annotation.Serdeable;

/**
 * A hold, as {@code POST /v1/councils/{council}/holds} answers it.
 *
 * @param holdId    opaque and signed; book with it, or release it
 * @param slot      the held slot
 * @param expiresAt when the hold ends
 */
@Serdeable
public record HoldBody(String holdId, SlotBody slot, String expiresAt) {
}
