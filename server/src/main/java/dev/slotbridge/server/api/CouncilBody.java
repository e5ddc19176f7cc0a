package dev.slotbridge.server.api;

import dev.slotbridge.spi.Capability;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** A council the caller may use. */
@Serdeable
public record CouncilBody(String id, String name, String provider, List<Capability> capabilities) {
}
