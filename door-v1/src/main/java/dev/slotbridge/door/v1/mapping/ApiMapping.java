package dev.slotbridge.door.v1.mapping;

import dev.slotbridge.door.v1.body.BookedSlotBody;
import dev.slotbridge.door.v1.body.BookingBody;
import dev.slotbridge.door.v1.body.ContactBody;
import dev.slotbridge.door.v1.body.IsoTime;
import dev.slotbridge.door.v1.body.JobBody;
import dev.slotbridge.door.v1.body.JobCodeBody;
import dev.slotbridge.door.v1.body.SlotBody;
import dev.slotbridge.door.v1.json.ResponseJson;
import dev.slotbridge.engine.booking.VisibleBooking;
import dev.slotbridge.engine.council.Council;
import dev.slotbridge.engine.ref.BoundedMemo;
import dev.slotbridge.engine.ref.CouncilRefs;
import dev.slotbridge.engine.search.SlotSearch;
import dev.slotbridge.spi.model.BookedSlot;
import dev.slotbridge.spi.model.Booking;
import dev.slotbridge.spi.model.Contact;
import dev.slotbridge.spi.model.Job;
import dev.slotbridge.spi.model.Slot;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** From the SPI's values to the {@code /v1} API's bodies, with the signed public refs ({@link CouncilRefs}). */
@Singleton
public final class ApiMapping {
    static final int MAX_KEPT_SLOTS = 20_000;
    private static final byte[] SLOTS = "{\"slots\":[".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] WARNINGS = "],\"warnings\":".getBytes(StandardCharsets.US_ASCII);

    private final CouncilRefs refs;
    private final ResponseJson json;
    private final BoundedMemo<CouncilSlot, byte[]> slotsJson = new BoundedMemo<>(MAX_KEPT_SLOTS);

    ApiMapping(CouncilRefs refs, ResponseJson json) {
        this.refs = refs;
        this.json = json;
    }

    /** A body as the answer sends it, and as it is kept for replays. */
    public byte[] json(Object body) {
        return json.write(body);
    }

    /** A slot as a slot id names it (its times from the id). */
    public SlotBody slot(CouncilRefs.SignedSlot slot) {
        return new SlotBody(slot.slotId(), slot.start() == null ? null : IsoTime.format(slot.start()),
                slot.end() == null ? null : IsoTime.format(slot.end()), slot.label(), false);
    }

    /**
     * A search's answer: {@code {"slots":[SlotBody…],"warnings":[…]}}. Signing a slot's id (HMAC), formatting its times
     * and serialising its body is most of a search's own work, and schedulers offer the same slots to search after
     * search, so each slot's JSON is kept by council and slot (a slot is a value: times, label, preference and key) —
     * at most {@link #MAX_KEPT_SLOTS}, then the map starts again — and an answer is those kept pieces joined.
     */
    public byte[] searchAnswer(Council council, SlotSearch found) {
        List<Slot> slots = found.slots();
        byte[][] pieces = new byte[slots.size()][];
        String councilId = council.id();
        int length = SLOTS.length + Math.max(0, pieces.length - 1) + WARNINGS.length + 1;
        for (int i = 0; i < pieces.length; i++) {
            pieces[i] = slotsJson.get(new CouncilSlot(councilId, slots.get(i)), kept -> json(slot(council, kept.slot())));
            length += pieces[i].length;
        }
        byte[] warnings = json(found.warnings());
        byte[] answer = new byte[length + warnings.length];
        int at = put(SLOTS, answer, 0);
        for (int i = 0; i < pieces.length; i++) {
            if (i > 0) {
                answer[at++] = ',';
            }
            at = put(pieces[i], answer, at);
        }
        at = put(WARNINGS, answer, at);
        at = put(warnings, answer, at);
        answer[at] = '}';
        return answer;
    }

    private static int put(byte[] piece, byte[] into, int at) {
        System.arraycopy(piece, 0, into, at, piece.length);
        return at + piece.length;
    }

    private SlotBody slot(Council council, Slot slot) {
        return new SlotBody(refs.slotId(council, slot), IsoTime.format(slot.start()), IsoTime.format(slot.end()),
                slot.label(), slot.preferred());
    }

    private record CouncilSlot(String council, Slot slot) {
    }

    /** The booking as the client may see it: without contact and access notes unless it may read personal data. */
    public BookingBody booking(Council council, VisibleBooking visible) {
        Booking booking = visible.booking();
        boolean withPersonalData = visible.withPersonalData();
        Job job = booking.job();
        BookedSlot slot = booking.slot();
        Contact contact = withPersonalData ? booking.contact() : null;
        return new BookingBody(visible.bookingRef(), council.id(), booking.status(),
                slot == null ? null : new BookedSlotBody(IsoTime.format(slot.start()), IsoTime.format(slot.end()), slot.label()),
                job == null ? null : new JobBody(job.propertyRef(), job.jobCodes().stream()
                        .map(code -> new JobCodeBody(code.code(), code.quantity())).toList(),
                        job.priority(), job.externalRef(), job.description()),
                contact == null ? null : new ContactBody(contact.name(), contact.phone(), contact.email()),
                withPersonalData ? booking.accessNotes() : null, booking.providerRefs());
    }

    public static String location(Council council, String bookingRef) {
        return "/v1/councils/" + council.id() + "/bookings/" + bookingRef;
    }
}
