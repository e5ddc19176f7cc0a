package dev.slotbridge.provider.servicemobility.wire;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One of a contact's {@code Phones}. */
public record Phone(@JsonProperty("PhoneNum") String phoneNum, @JsonProperty("PhoneType") String phoneType) {
}
