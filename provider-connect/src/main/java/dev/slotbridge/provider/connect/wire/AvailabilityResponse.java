package dev.slotbridge.provider.connect.wire;

import java.util.List;

/**
 * The AvailabilityResponse object, as far as the provider reads it: the availability by planning window. The echoed
 * {@code Availability} request and the answer's copy of the {@code PlanningWindows} are not kept (the provider knows
 * the windows from {@code GET api/PlanningWindow}).
 */
public record AvailabilityResponse(List<AvailabilityPlanningWindow> availabilityPlanningWindows) {
}
