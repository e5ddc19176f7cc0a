package dev.slotbridge.server.api;

import dev.slotbridge.server.council.Council;
import dev.slotbridge.server.problem.ApiProblemException;
import dev.slotbridge.server.problem.FieldError;
import dev.slotbridge.server.problem.ProblemType;
import dev.slotbridge.server.ref.RefCodec;
import dev.slotbridge.server.ref.SignedRef;
import dev.slotbridge.spi.model.BookedSlot;
import dev.slotbridge.spi.model.Booking;
import dev.slotbridge.spi.model.BookingKey;
import dev.slotbridge.spi.model.Contact;
import dev.slotbridge.spi.model.Job;
import dev.slotbridge.spi.model.Slot;
import dev.slotbridge.spi.model.SlotKey;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Between the SPI's values and the API's bodies, including the signed public refs: a {@code slotId} or
 * {@code bookingRef} is only accepted by the council and provider that issued it.
 */
@Singleton
final class ApiMapping {
    private final RefCodec codec;

    ApiMapping(RefCodec codec) {
        this.codec = codec;
    }

    SlotBody slot(Council council, Slot slot) {
        String slotId = codec.encode(RefCodec.Kind.SLOT, signed(council, slot.key().values()));
        return new SlotBody(slotId, IsoTime.format(slot.start()), IsoTime.format(slot.end()), slot.label(), slot.preferred());
    }

    /** The slot key a slotId carries; 400 {@code invalid-slot-id} when forged, altered or from another council. */
    SlotKey slotKey(Council council, String slotId, String field) {
        return decode(council, RefCodec.Kind.SLOT, slotId).map(SlotKey::new).orElseThrow(() -> new ApiProblemException(
                ProblemType.INVALID_SLOT_ID, "The slotId is not one this council issued",
                List.of(new FieldError(field, "is not a slot id issued by this council")), Map.of()));
    }

    /** The booking key a bookingRef carries; 404 {@code booking-not-found} when it is not a ref we issued. */
    BookingKey bookingKey(Council council, String bookingRef) {
        return decode(council, RefCodec.Kind.BOOKING, bookingRef).map(BookingKey::new).orElseThrow(() ->
                new ApiProblemException(ProblemType.BOOKING_NOT_FOUND, "No such booking at this council"));
    }

    String bookingRef(Council council, BookingKey key) {
        return codec.encode(RefCodec.Kind.BOOKING, signed(council, key.values()));
    }

    BookingBody booking(Council council, Booking booking) {
        return booking(council, booking, true);
    }

    /** @param withPersonalData false to leave out the contact and access notes (the caller may not read them) */
    BookingBody booking(Council council, Booking booking, boolean withPersonalData) {
        Job job = booking.job();
        BookedSlot slot = booking.slot();
        Contact contact = withPersonalData ? booking.contact() : null;
        return new BookingBody(bookingRef(council, booking.key()), council.id(), booking.status(),
                slot == null ? null : new BookedSlotBody(IsoTime.format(slot.start()), IsoTime.format(slot.end()), slot.label()),
                job == null ? null : new JobBody(job.propertyRef(), job.jobCodes().stream()
                        .map(code -> new JobCodeBody(code.code(), code.quantity())).toList(),
                        job.priority(), job.externalRef(), job.description()),
                contact == null ? null : new ContactBody(contact.name(), contact.phone(), contact.email()),
                withPersonalData ? booking.accessNotes() : null, booking.providerRefs());
    }

    private static SignedRef signed(Council council, Map<String, String> values) {
        return new SignedRef(council.id(), council.providerName(), values);
    }

    private Optional<Map<String, String>> decode(Council council, RefCodec.Kind kind, String token) {
        return codec.decode(kind, token)
                .filter(ref -> ref.councilId().equals(council.id()) && ref.providerName().equals(council.providerName()))
                .map(SignedRef::values);
    }
}
