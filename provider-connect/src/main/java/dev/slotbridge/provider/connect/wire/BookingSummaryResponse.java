package dev.slotbridge.provider.connect.wire;

import java.util.List;

/** The BookingSummaryResponse object; the customer is not read. */
public record BookingSummaryResponse(List<Appointment> appointments) {
}
