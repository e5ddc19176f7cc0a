package dev.slotbridge.tck;

import dev.slotbridge.spi.model.Booking;
import dev.slotbridge.spi.model.BookingRequest;
import dev.slotbridge.spi.model.Contact;
import dev.slotbridge.spi.model.Job;

import java.util.function.Function;

/**
 * A field of the uniform booking that a scheduler may or may not store. A provider's page in the docs says, per
 * field, where it goes; {@link SchedulerProviderContract#storedFields()} says the same to the TCK.
 */
public enum BookingField {
    DESCRIPTION(job -> job.description(), contact -> null, false),
    PRIORITY(job -> job.priority(), contact -> null, false),
    JOB_CODES(job -> job.jobCodes(), contact -> null, false),
    CONTACT_NAME(job -> null, Contact::name, false),
    CONTACT_PHONE(job -> null, Contact::phone, false),
    CONTACT_EMAIL(job -> null, Contact::email, false),
    ACCESS_NOTES(job -> null, contact -> null, true);

    private final Function<Job, Object> ofJob;
    private final Function<Contact, Object> ofContact;
    private final boolean notes;

    BookingField(Function<Job, Object> ofJob, Function<Contact, Object> ofContact, boolean notes) {
        this.ofJob = ofJob;
        this.ofContact = ofContact;
        this.notes = notes;
    }

    /** The field's value in a request. */
    public Object of(BookingRequest request) {
        return of(request.job(), request.contact(), request.accessNotes());
    }

    /** The field's value in a booking as the provider answered it. */
    public Object of(Booking booking) {
        return of(booking.job(), booking.contact(), booking.accessNotes());
    }

    /** The field's value in the test backend's own record. */
    public Object of(StoredBooking stored) {
        return of(stored.job(), stored.contact(), stored.accessNotes());
    }

    private Object of(Job job, Contact contact, String accessNotes) {
        if (notes) {
            return accessNotes;
        }
        Object value = job == null ? null : ofJob.apply(job);
        return value != null || contact == null ? value : ofContact.apply(contact);
    }
}
