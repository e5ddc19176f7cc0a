package dev.slotbridge.provider.servicemobility.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The TimeConstraints Object: an open slot in answers, the wanted or chosen period in requests. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TimeConstraint(@JsonProperty("ID") String id, @JsonProperty("Desc") String desc,
                             @JsonProperty("Type") String type, @JsonProperty("Period") Period period) {
}
