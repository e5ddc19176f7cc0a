package dev.slotbridge.provider.connect.wire;

/**
 * The callback Slotbridge defines for Connect's "web service supplied by the external system" (the document leaves
 * its format to the integrator): see {@code docs/providers/connect.md}.
 */
public record ConnectCallback(String primaryOrderNumber, String visitExternalId, String event,
                              String planningWindowStart, String planningWindowEnd, String customerExternalId) {
}
