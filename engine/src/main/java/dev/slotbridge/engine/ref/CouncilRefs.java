package dev.slotbridge.engine.ref;

import dev.slotbridge.engine.council.Council;
import dev.slotbridge.engine.error.FieldError;
import dev.slotbridge.engine.error.ProblemException;
import dev.slotbridge.engine.error.ProblemType;
import dev.slotbridge.spi.model.BookingKey;
import dev.slotbridge.spi.model.Slot;
import dev.slotbridge.spi.model.SlotKey;
import jakarta.inject.Singleton;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A council's public refs: a provider's {@link SlotKey} or {@link BookingKey} signed into a {@code slotId} or
 * {@code bookingRef}, accepted back only by the council and provider that issued it.
 */
@Singleton
public final class CouncilRefs {
    /** Names the server adds to a slot key's signed values; a provider's own names never start so. */
    static final String SERVER_PREFIX = "~";
    private static final String START = "~start";
    private static final String END = "~end";
    private static final String LABEL = "~label";
    private static final String HOLD = "hold";

    /** Slot ids verified lately: tenants book the ids their searches were just given. */
    private static final int MAX_KEPT_SLOT_IDS = 20_000;

    private final RefCodec codec;
    private final BoundedMemo<CouncilSlotId, SignedSlot> verifiedSlots = new BoundedMemo<>(MAX_KEPT_SLOT_IDS);

    CouncilRefs(RefCodec codec) {
        this.codec = codec;
    }

    private record CouncilSlotId(String council, String slotId) {
    }

    /** The slot's id: its key, and its times for the server's own use (names starting {@value #SERVER_PREFIX}). */
    public String slotId(Council council, Slot slot) {
        Map<String, String> values = new HashMap<>(slot.key().values());
        if (values.keySet().stream().anyMatch(name -> name.startsWith(SERVER_PREFIX))) {
            throw new IllegalStateException("slot key names starting '" + SERVER_PREFIX + "' are the server's");
        }
        values.put(START, slot.start().toString());
        values.put(END, slot.end().toString());
        if (slot.label() != null) {
            values.put(LABEL, slot.label());
        }
        return codec.encode(RefCodec.Kind.SLOT, signed(council, values));
    }

    /** The slot key a slotId carries; 400 {@code invalid-slot-id} naming {@code field} when forged, altered or foreign. */
    public SlotKey slotKey(Council council, String slotId, String field) {
        return signedSlot(council, slotId, field).key();
    }

    /**
     * The slot a slotId names, with its times when the id carries them (ids issued before they did do not). A valid
     * id is verified once and kept ({@link BoundedMemo}); an invalid one is never kept.
     */
    public SignedSlot signedSlot(Council council, String slotId, String field) {
        return verifiedSlots.get(new CouncilSlotId(council.id(), slotId), kept -> verifySlot(council, slotId, field));
    }

    private SignedSlot verifySlot(Council council, String slotId, String field) {
        Map<String, String> values = decode(council, RefCodec.Kind.SLOT, slotId).orElseThrow(() -> new ProblemException(
                ProblemType.INVALID_SLOT_ID, "The slotId is not one this council issued",
                List.of(new FieldError(field, "is not a slot id issued by this council"))));
        Map<String, String> key = new HashMap<>(values);
        key.keySet().removeIf(name -> name.startsWith(SERVER_PREFIX));
        return new SignedSlot(slotId, new SlotKey(key), Optional.ofNullable(values.get(START)).map(OffsetDateTime::parse).orElse(null),
                Optional.ofNullable(values.get(END)).map(OffsetDateTime::parse).orElse(null), values.get(LABEL));
    }

    /** A hold's public id; the hold itself is in the store. */
    public String holdId(Council council, String id) {
        return codec.encode(RefCodec.Kind.HOLD, signed(council, Map.of(HOLD, id)));
    }

    /** The store id a holdId carries; 404 {@code hold-not-found} when forged, altered or from another council. */
    public String holdStoreId(Council council, String holdId) {
        return decode(council, RefCodec.Kind.HOLD, holdId).map(values -> values.get(HOLD)).orElseThrow(() ->
                new ProblemException(ProblemType.HOLD_NOT_FOUND, "No such hold at this council"));
    }

    /**
     * A slot as a slotId names it.
     *
     * @param start null when the id does not carry the slot's times
     */
    public record SignedSlot(String slotId, SlotKey key, OffsetDateTime start, OffsetDateTime end, String label) {
    }

    public String bookingRef(Council council, BookingKey key) {
        return codec.encode(RefCodec.Kind.BOOKING, signed(council, key.values()));
    }

    /** The booking key a bookingRef carries; 404 {@code booking-not-found} when it is not a ref this council issued. */
    public BookingKey bookingKey(Council council, String bookingRef) {
        return decode(council, RefCodec.Kind.BOOKING, bookingRef).map(BookingKey::new).orElseThrow(() ->
                new ProblemException(ProblemType.BOOKING_NOT_FOUND, "No such booking at this council"));
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
