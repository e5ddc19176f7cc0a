package dev.slotbridge.tck;

import dev.slotbridge.spi.model.Contact;
import dev.slotbridge.spi.model.Job;

/**
 * A booking's uniform fields as a test backend holds them, read from the backend's own record rather than through
 * the provider, so the TCK can tell a field the scheduler stored from one the provider only echoed.
 *
 * @param job         the job as stored (fields the scheduler does not keep are null; job codes as stored)
 * @param contact     the contact as stored, or null
 * @param accessNotes the notes for the operative as stored, or null
 */
public record StoredBooking(Job job, Contact contact, String accessNotes) {
}
