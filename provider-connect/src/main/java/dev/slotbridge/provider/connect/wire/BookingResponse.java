package dev.slotbridge.provider.connect.wire;

/** The BookingResponse object. */
public record BookingResponse(String primaryOrderNumber, String date, PlanningWindow planningWindow,
                              String visitExternalId) {
}
