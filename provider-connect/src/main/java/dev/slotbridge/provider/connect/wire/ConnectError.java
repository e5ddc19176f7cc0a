package dev.slotbridge.provider.connect.wire;

import com.fasterxml.jackson.databind.JsonNode;

/** The Error object of a 400 answer. */
public record ConnectError(String message, JsonNode modelState) {
}
