package dev.slotbridge.provider.servicemobility.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The Book Job Response Object; a populated {@code OrderNum} is the only sign of success. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BookJobResponse(@JsonProperty("OrderNum") String orderNum) {
}
