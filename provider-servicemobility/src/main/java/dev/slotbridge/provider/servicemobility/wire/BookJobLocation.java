package dev.slotbridge.provider.servicemobility.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * The Book Job Object's {@code Location}. The spec says a managed location is given by {@code LocNumber}; the
 * contacts and {@code Notes} use the Location fields of the Appointment Search Object's JSON format.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BookJobLocation(@JsonProperty("LocNumber") String locNumber,
                              @JsonProperty("Contacts") List<LocationContact> contacts,
                              @JsonProperty("Notes") String notes) {
}
