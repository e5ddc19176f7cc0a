package dev.slotbridge.provider.rest;

import dev.slotbridge.spi.model.Contact;
import dev.slotbridge.spi.model.Job;

import java.util.Set;

/**
 * What of a booking request an operation sent ({@link Operation#sends()}): an answer falls back on these, never on a
 * field that was not sent, so it echoes nothing the scheduler was not given. The property, order number and job codes
 * are always kept: a booking has them, and a scheduler that is sent none still books for them.
 */
final class Sent {
    private Sent() {
    }

    static Job job(Job job, Set<String> sent) {
        return new Job(job.propertyRef(), job.jobCodes(), sent.contains("priority") ? job.priority() : null,
                job.externalRef(), sent.contains("description") ? job.description() : null);
    }

    static Contact contact(Contact contact, Set<String> sent) {
        if (contact == null) {
            return null;
        }
        Contact kept = new Contact(sent.contains("contact.name") ? contact.name() : null,
                sent.contains("contact.phone") ? contact.phone() : null,
                sent.contains("contact.email") ? contact.email() : null);
        return kept.name() == null && kept.phone() == null && kept.email() == null ? null : kept;
    }

    static String accessNotes(String accessNotes, Set<String> sent) {
        return sent.contains("accessNotes") ? accessNotes : null;
    }
}
