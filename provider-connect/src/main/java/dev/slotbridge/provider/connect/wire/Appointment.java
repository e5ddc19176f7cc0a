package dev.slotbridge.provider.connect.wire;

/**
 * An Appointment in a booking summary. {@code visitStatus}: 0 planned, 1 accepted, 2 started, 3 completed,
 * 4 pending deletion, 5 booked, 6 shelved. Window times are local UK wall-clock date-times.
 */
public record Appointment(String primaryOrderNumber, String visitExternalId, Integer visitStatus,
                          String visitInstructions, String planningWindowStart, String planningWindowEnd) {
}
