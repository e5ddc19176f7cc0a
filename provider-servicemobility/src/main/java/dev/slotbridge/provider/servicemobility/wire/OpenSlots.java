package dev.slotbridge.provider.servicemobility.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** The Appointment Search answer: open slots as a {@code TimeConstraints} collection. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OpenSlots(@JsonProperty("TimeConstraints") List<TimeConstraint> timeConstraints) {
}
