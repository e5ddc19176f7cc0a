package dev.slotbridge.spi.model;

import java.util.Objects;

/** Why a booking is cancelled; {@code description} may be null. */
public record CancelRequest(String reason, String description) {
    public CancelRequest {
        Objects.requireNonNull(reason, "reason is null");
    }
}
