package dev.slotbridge.provider.connect.wire;

import java.util.List;

/** One planning window's availability for the days of the requested weeks. */
public record AvailabilityPlanningWindow(int planningWindowId, List<AvailabilityDay> availabilityDays) {
}
