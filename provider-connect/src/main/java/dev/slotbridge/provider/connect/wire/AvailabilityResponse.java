package dev.slotbridge.provider.connect.wire;

import java.util.List;

/** The AvailabilityResponse object. */
public record AvailabilityResponse(List<PlanningWindow> planningWindows,
                                   List<AvailabilityPlanningWindow> availabilityPlanningWindows) {
}
