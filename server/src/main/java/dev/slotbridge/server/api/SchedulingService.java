package dev.slotbridge.server.api;

import dev.slotbridge.server.council.Council;
import dev.slotbridge.server.idempotency.StoredAnswer;
import dev.slotbridge.server.problem.ApiProblemException;
import dev.slotbridge.server.problem.ProblemType;
import dev.slotbridge.server.security.ApiClient;
import dev.slotbridge.spi.model.Booking;
import dev.slotbridge.spi.model.BookingKey;
import dev.slotbridge.spi.model.BookingRequest;
import dev.slotbridge.spi.model.CancelRequest;
import dev.slotbridge.spi.model.Slot;
import dev.slotbridge.spi.model.SlotQuery;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The uniform operations on a council: calls its provider and maps the answer.
 */
@Singleton
final class SchedulingService {
    private final ApiMapping mapping;
    private final ExactlyOnceBooking booking;
    private final Clock clock;

    SchedulingService(ApiMapping mapping, ExactlyOnceBooking booking, Clock clock) {
        this.mapping = mapping;
        this.booking = booking;
        this.clock = clock;
    }

    SearchResponse search(Council council, SlotQuery query) {
        // Sorted and de-duplicated here too, so a provider's slip cannot break the contract's promise to callers.
        Map<Object, Slot> unique = new LinkedHashMap<>();
        council.provider().search(query).stream()
                .sorted(Comparator.comparing(slot -> slot.start().toInstant()))
                .forEach(slot -> unique.putIfAbsent(slot.key(), slot));
        List<SlotBody> slots = unique.values().stream().map(slot -> mapping.slot(council, slot)).toList();
        LocalDate today = LocalDate.now(clock.withZone(council.zone()));
        List<String> warnings = query.from().isBefore(today)
                ? List.of("from is before today (" + today + "): only slots from now on can be offered")
                : List.of();
        return new SearchResponse(slots, warnings);
    }

    /** Books exactly once; see {@link ExactlyOnceBooking}. */
    StoredAnswer book(ApiClient client, Council council, String idempotencyKey, BookRequest body) {
        RequestReader.BookingParts parts = RequestReader.booking(body);
        BookingRequest request = new BookingRequest(mapping.slotKey(council, parts.slotId(), "slotId"),
                parts.job(), parts.contact(), parts.accessNotes());
        return booking.book(client, council, idempotencyKey, request);
    }

    BookingBody view(Council council, String bookingRef) {
        BookingKey key = mapping.bookingKey(council, bookingRef);
        Booking booking = council.provider().find(key).orElseThrow(() -> new ApiProblemException(
                ProblemType.BOOKING_NOT_FOUND, "The scheduler holds no such booking"));
        return mapping.booking(council, booking);
    }

    BookingListBody list(Council council, String propertyRef) {
        return new BookingListBody(council.provider().listByProperty(propertyRef).stream()
                .map(booking -> mapping.booking(council, booking)).toList());
    }

    BookingBody reschedule(Council council, String bookingRef, RescheduleRequest body) {
        String slotId = RequestReader.rescheduleSlotId(body);
        BookingKey key = mapping.bookingKey(council, bookingRef);
        return mapping.booking(council, council.provider().reschedule(key, mapping.slotKey(council, slotId, "slotId")));
    }

    BookingBody cancel(Council council, String bookingRef, CancelBookingRequest body) {
        CancelRequest request = RequestReader.cancel(body);
        BookingKey key = mapping.bookingKey(council, bookingRef);
        return mapping.booking(council, council.provider().cancel(key, request));
    }

    static String location(Council council, String bookingRef) {
        return "/v1/councils/" + council.id() + "/bookings/" + bookingRef;
    }
}
