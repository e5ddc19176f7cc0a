package dev.slotbridge.provider.connect.wire;

import java.math.BigDecimal;

/** A JobCode (SOR line) on a sales order. */
public record OrderJobCode(String codeExternalId, BigDecimal quantity) {
}
