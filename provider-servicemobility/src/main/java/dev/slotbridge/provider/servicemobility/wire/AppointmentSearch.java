package dev.slotbridge.provider.servicemobility.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** The Appointment Search Object, with the properties Slotbridge fills. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AppointmentSearch(@JsonProperty("Account") Account account,
                                @JsonProperty("Location") SearchLocation location,
                                @JsonProperty("OrderType") String orderType,
                                @JsonProperty("OriginalOrderNum") String originalOrderNum,
                                @JsonProperty("TimeConstraints") List<TimeConstraint> timeConstraints) {
}
