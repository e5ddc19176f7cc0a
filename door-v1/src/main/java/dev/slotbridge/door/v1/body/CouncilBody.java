package dev.slotbridge.door.v1.body;

import dev.slotbridge.spi.Capability;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * A council the caller may use.
 *
 * @param capabilities the operations the API serves there
 * @param holdsKeptBy  {@code scheduler} or {@code slotbridge} (its store) when {@code HOLD} is listed, else null
 */
@Serdeable
public record CouncilBody(String id, String name, String provider, List<Capability> capabilities, String holdsKeptBy) {
}
