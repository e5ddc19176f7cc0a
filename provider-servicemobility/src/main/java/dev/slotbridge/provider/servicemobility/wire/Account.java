package dev.slotbridge.provider.servicemobility.wire;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A managed account, identified by {@code AccountNum} only. */
public record Account(@JsonProperty("AccountNum") String accountNum) {
}
