package dev.slotbridge.server.api;

import dev.slotbridge.server.council.Council;
import dev.slotbridge.server.idempotency.IdempotencyKey;
import dev.slotbridge.server.idempotency.IdempotencyStore;
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
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The uniform operations on a council: calls its provider and maps the answer. Booking is idempotent per
 * {@code Idempotency-Key}: a repeat gets the first answer and books nothing more.
 */
@Singleton
final class SchedulingService {
    private final ApiMapping mapping;
    private final IdempotencyStore idempotency;
    private final Clock clock;

    SchedulingService(ApiMapping mapping, IdempotencyStore idempotency, Clock clock) {
        this.mapping = mapping;
        this.idempotency = idempotency;
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

    /** Books, or replays the first answer for a repeated {@code Idempotency-Key}. */
    StoredAnswer book(ApiClient client, Council council, String idempotencyKey, BookRequest body) {
        RequestReader.BookingParts parts = RequestReader.booking(body);
        BookingRequest request = new BookingRequest(mapping.slotKey(council, parts.slotId(), "slotId"),
                parts.job(), parts.contact(), parts.accessNotes());
        if (idempotencyKey == null) {
            return bookNow(council, request);
        }
        IdempotencyKey key = new IdempotencyKey(client.name(), council.id(), idempotencyKey);
        return switch (idempotency.begin(key, request)) {
            case IdempotencyStore.Claim.Replay replay -> replay.answer();
            case IdempotencyStore.Claim.Mismatch mismatch -> throw new ApiProblemException(
                    ProblemType.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was used with a different request; use a new key for a new booking");
            case IdempotencyStore.Claim.Claimed claimed -> {
                try {
                    StoredAnswer answer = bookNow(council, request);
                    idempotency.complete(key, answer);
                    yield answer;
                } catch (RuntimeException e) {
                    idempotency.abandon(key);
                    throw e;
                }
            }
        };
    }

    private StoredAnswer bookNow(Council council, BookingRequest request) {
        BookingBody booking = mapping.booking(council, council.provider().book(request));
        return new StoredAnswer(HttpStatus.CREATED.getCode(), location(council, booking.bookingRef()), booking);
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
