package dev.slotbridge.provider.servicemobility.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** One of a location's {@code Contacts}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LocationContact(@JsonProperty("FirstName") String firstName, @JsonProperty("LastName") String lastName,
                              @JsonProperty("Email") String email, @JsonProperty("IsPrimary") Boolean isPrimary,
                              @JsonProperty("Phones") List<Phone> phones) {
}
