package dev.slotbridge.server.ref;

import dev.slotbridge.server.council.Council;
import dev.slotbridge.server.problem.ApiProblemException;
import dev.slotbridge.server.problem.FieldError;
import dev.slotbridge.server.problem.ProblemType;
import dev.slotbridge.spi.model.BookingKey;
import dev.slotbridge.spi.model.SlotKey;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A council's public refs: a provider's {@link SlotKey} or {@link BookingKey} signed into a {@code slotId} or
 * {@code bookingRef}, accepted back only by the council and provider that issued it.
 */
@Singleton
public final class CouncilRefs {
    private final RefCodec codec;

    CouncilRefs(RefCodec codec) {
        this.codec = codec;
    }

    public String slotId(Council council, SlotKey key) {
        return codec.encode(RefCodec.Kind.SLOT, signed(council, key.values()));
    }

    /** The slot key a slotId carries; 400 {@code invalid-slot-id} naming {@code field} when forged, altered or foreign. */
    public SlotKey slotKey(Council council, String slotId, String field) {
        return decode(council, RefCodec.Kind.SLOT, slotId).map(SlotKey::new).orElseThrow(() -> new ApiProblemException(
                ProblemType.INVALID_SLOT_ID, "The slotId is not one this council issued",
                List.of(new FieldError(field, "is not a slot id issued by this council")), Map.of()));
    }

    public String bookingRef(Council council, BookingKey key) {
        return codec.encode(RefCodec.Kind.BOOKING, signed(council, key.values()));
    }

    /** The booking key a bookingRef carries; 404 {@code booking-not-found} when it is not a ref this council issued. */
    public BookingKey bookingKey(Council council, String bookingRef) {
        return decode(council, RefCodec.Kind.BOOKING, bookingRef).map(BookingKey::new).orElseThrow(() ->
                new ApiProblemException(ProblemType.BOOKING_NOT_FOUND, "No such booking at this council"));
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
