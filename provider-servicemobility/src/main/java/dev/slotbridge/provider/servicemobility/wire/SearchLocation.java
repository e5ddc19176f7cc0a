package dev.slotbridge.provider.servicemobility.wire;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The Appointment Search Object's {@code Location}: a managed location, by {@code LocationNum}. */
public record SearchLocation(@JsonProperty("LocationNum") String locationNum) {
}
