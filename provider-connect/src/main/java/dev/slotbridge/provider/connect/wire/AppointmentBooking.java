package dev.slotbridge.provider.connect.wire;

/**
 * The Booking object ({@code POST api/booking}). With {@code visitExternalId} it re-appoints that visit.
 * {@code messagingPreference}: 0 message the tenant, 1 do not.
 */
public record AppointmentBooking(String primaryOrderNumber, String date, int planningWindowId, String visitExternalId,
                                 String visitInstructions, Integer messagingPreference) {
    public static final int MESSAGE = 0;
    public static final int DONT_MESSAGE = 1;
}
