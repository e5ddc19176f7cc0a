package dev.slotbridge.provider.servicemobility.wire;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A time period; both ends are UTC, formatted {@code YYYY-MM-DD'T'HH:mm:ss.SSS'Z'}. */
public record Period(@JsonProperty("Start") String start, @JsonProperty("End") String end) {
}
