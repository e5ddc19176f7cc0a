package dev.slotbridge.spi.model;

import java.util.Objects;

/**
 * One schedule-of-rates (SOR) line of a repair job.
 *
 * @param code     the council's SOR code, e.g. {@code N373049}
 * @param quantity how many units, at least 1
 */
public record JobCode(String code, int quantity) {
    public JobCode {
        Objects.requireNonNull(code, "code is null");
        if (code.isBlank()) {
            throw new IllegalArgumentException("code is blank");
        }
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be at least 1");
        }
    }
}
