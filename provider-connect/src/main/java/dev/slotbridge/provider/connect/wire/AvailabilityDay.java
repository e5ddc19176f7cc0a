package dev.slotbridge.provider.connect.wire;

import java.time.LocalDate;

/** An AvailabilityDays entry; {@code availabilityStatus} 0 not available, 1 available, 2 preferred. */
public record AvailabilityDay(LocalDate date, int availabilityStatus) {
    public static final int AVAILABLE = 1;
    public static final int PREFERRED = 2;
}
