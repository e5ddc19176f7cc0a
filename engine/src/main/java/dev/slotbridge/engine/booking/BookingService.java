package dev.slotbridge.engine.booking;

import dev.slotbridge.engine.council.Council;
import dev.slotbridge.engine.error.CouncilUnavailableException;
import dev.slotbridge.engine.error.ProblemException;
import dev.slotbridge.engine.error.ProblemType;
import dev.slotbridge.engine.events.BookingChange;
import dev.slotbridge.engine.events.EventPublisher;
import dev.slotbridge.engine.events.EventType;
import dev.slotbridge.engine.idempotency.StoredAnswer;
import dev.slotbridge.engine.logging.AuditLog;
import dev.slotbridge.engine.ref.CouncilRefs;
import dev.slotbridge.engine.resilience.CallDeadline;
import dev.slotbridge.engine.search.SchedulerSearch;
import dev.slotbridge.engine.search.SlotSearch;
import dev.slotbridge.engine.security.ApiClient;
import dev.slotbridge.engine.security.BookingVisibility;
import dev.slotbridge.spi.error.ProviderException;
import dev.slotbridge.spi.model.Booking;
import dev.slotbridge.spi.model.BookingKey;
import dev.slotbridge.spi.model.BookingRequest;
import dev.slotbridge.spi.model.BookingStatus;
import dev.slotbridge.spi.model.CancelRequest;
import dev.slotbridge.spi.model.Slot;
import dev.slotbridge.spi.model.SlotKey;
import dev.slotbridge.spi.model.SlotQuery;
import dev.slotbridge.spi.support.SlotLists;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The uniform operations on a council, for every front door: calls its provider through the council's guard, books
 * exactly once ({@link ExactlyOnceBooking}), settles writes whose outcome is unknown, shows a client only the bookings
 * it may see ({@link BookingVisibility}) and writes the audit line of every write. Front doors read requests into the
 * SPI's values and map the answers into their own bodies.
 */
@Singleton
public final class BookingService {
    private final CouncilRefs refs;
    private final ExactlyOnceBooking booking;
    private final BookingVisibility visibility;
    private final AuditLog audit;
    private final JobLeases leases;
    private final HeldSlots holds;
    private final EventPublisher events;
    private final SchedulerSearch schedulerSearch;
    private final Clock clock;

    BookingService(CouncilRefs refs, ExactlyOnceBooking booking, BookingVisibility visibility, AuditLog audit,
                   JobLeases leases, HeldSlots holds, EventPublisher events, SchedulerSearch schedulerSearch, Clock clock) {
        this.events = events;
        this.schedulerSearch = schedulerSearch;
        this.holds = holds;
        this.leases = leases;
        this.refs = refs;
        this.booking = booking;
        this.visibility = visibility;
        this.audit = audit;
        this.clock = clock;
    }

    public SlotSearch search(Council council, SlotQuery query) {
        // Sorted and de-duplicated here too, so a provider's slip cannot break the contract's promise to callers.
        List<Slot> slots = holds.withoutHeldSlots(council, SlotLists.merged(schedulerSearch.search(council, query)));
        LocalDate today = LocalDate.now(clock.withZone(council.zone()));
        List<String> warnings = query.from().isBefore(today)
                ? List.of("from is before today (" + today + "): only slots from now on can be offered")
                : List.of();
        return new SlotSearch(slots, warnings);
    }

    /**
     * Books exactly once; see {@link ExactlyOnceBooking}. The client is recorded as the booking's maker.
     *
     * @param place the slot's window: 409 while another client holds it in the store
     */
    public StoredAnswer book(ApiClient client, Council council, String idempotencyKey, BookingRequest request,
                             SlotPlace place, BookingAnswer answers) {
        // checked only when a booking is really sent: a replay of an earlier booking is answered whatever holds came since
        return audited(client, council, idempotencyKey, request, toBook -> {
            holds.requireNotHeldByOthers(client, council, place);
            return council.provider().book(toBook);
        }, answers);
    }

    /** Books exactly once with the given write, with its audit line. */
    StoredAnswer audited(ApiClient client, Council council, String idempotencyKey, BookingRequest request,
                         Function<BookingRequest, Booking> write, BookingAnswer answers) {
        try {
            StoredAnswer answer = booking.book(client, council, idempotencyKey, request, write, answers);
            audit.succeeded(client.name(), council.id(), "book", answer.bookingRef(), answer.status());
            return answer;
        } catch (RuntimeException e) {
            audit.failed(client.name(), council.id(), "book", null, e);
            throw e;
        }
    }

    public VisibleBooking view(ApiClient client, Council council, String bookingRef) {
        BookingKey key = visibleKey(client, council, bookingRef);
        Booking booking = council.provider().find(key).orElseThrow(() -> new ProblemException(
                ProblemType.BOOKING_NOT_FOUND, "The scheduler holds no such booking"));
        return forClient(client, council, booking, bookingRef);
    }

    /** The bookings at the property the client may see ({@link BookingVisibility}). */
    public List<VisibleBooking> list(ApiClient client, Council council, String propertyRef) {
        return visible(client, council, council.provider().listByProperty(propertyRef));
    }

    /**
     * The bookings of the caller's order number ({@code job.externalRef}) the client may see, cancelled ones included —
     * for front doors whose callers know a booking by their own reference only; at the property when one is given.
     */
    public List<VisibleBooking> byReference(ApiClient client, Council council, String externalRef,
                                            Optional<String> propertyRef) {
        return visible(client, council, council.provider().findByExternalRef(externalRef, propertyRef));
    }

    private List<VisibleBooking> visible(ApiClient client, Council council, List<Booking> bookings) {
        List<VisibleBooking> visible = new ArrayList<>();
        for (Booking booking : bookings) {
            String ref = refs.bookingRef(council, booking.key());
            if (visibility.maySee(client, council.id(), ref)) {
                visible.add(forClient(client, council, booking, ref));
            }
        }
        return visible;
    }

    /** The ref's key, when the client may see the booking; else 404, as for a ref never issued. */
    private BookingKey visibleKey(ApiClient client, Council council, String bookingRef) {
        BookingKey key = refs.bookingKey(council, bookingRef);
        if (!visibility.maySee(client, council.id(), bookingRef)) {
            throw new ProblemException(ProblemType.BOOKING_NOT_FOUND, "No such booking at this council");
        }
        return key;
    }

    private VisibleBooking forClient(ApiClient client, Council council, Booking booking, String ref) {
        return new VisibleBooking(ref, booking, visibility.mayReadPersonalData(client, council.id(), ref));
    }

    /** Runs a write on a booking the client may see, under the booking's lease, with its audit line. */
    private VisibleBooking audited(ApiClient client, Council council, EventType event, String bookingRef,
                                   Function<BookingKey, Booking> write) {
        String operation = event == EventType.RESCHEDULED ? "reschedule" : "cancel";
        try {
            BookingKey key = visibleKey(client, council, bookingRef);
            Booking written;
            try (JobLeases.Lease lease = leases.acquire(council.id(), "booking:" + bookingRef)) {
                written = write.apply(key);
            }
            if (written.job() != null) {
                schedulerSearch.changedAt(council, written.job().propertyRef());
            }
            events.publish(council, new BookingChange(event, council.id(), bookingRef, written,
                    visibility.maker(council.id(), bookingRef)));
            VisibleBooking body = forClient(client, council, written, bookingRef);
            audit.succeeded(client.name(), council.id(), operation, bookingRef, 200);
            return body;
        } catch (RuntimeException e) {
            audit.failed(client.name(), council.id(), operation, bookingRef, e);
            throw e;
        }
    }

    /**
     * Moves a booking. When the move's outcome is unknown, the booking is viewed (under a deadline of its own): in the
     * new slot, the move is answered; still booked elsewhere, it certainly did not happen (502, safe to repeat);
     * otherwise 504.
     */
    /** Moves the booking to the slot, whose window {@code place} must not be held for another client. */
    public VisibleBooking reschedule(ApiClient client, Council council, String bookingRef, SlotKey slot, SlotPlace place) {
        return audited(client, council, EventType.RESCHEDULED, bookingRef, key -> {
            holds.requireNotHeldByOthers(client, council, place);
            try {
                return council.provider().reschedule(key, slot);
            } catch (ProviderException e) {
                if (!e.kind().mayHaveApplied()) {
                    throw e;
                }
                return movedAfterAll(council, key, slot);
            }
        });
    }

    private static Booking movedAfterAll(Council council, BookingKey key, SlotKey slot) {
        Optional<Booking> now;
        boolean moved;
        try {
            now = CallDeadline.settling(() -> council.provider().find(key))
                    .filter(booking -> booking.status() == BookingStatus.BOOKED);
            moved = now.isPresent() && council.provider().isInSlot(now.get(), slot);
        } catch (ProviderException | CouncilUnavailableException e) {
            throw writeOutcomeUnknown("reschedule", "View the booking before trying again.");
        }
        if (moved) {
            return now.get();
        }
        if (now.isPresent()) {
            throw new ProblemException(ProblemType.SCHEDULER_ERROR, "The scheduler failed while moving the booking. "
                    + "It was checked afterwards and the booking keeps its slot: nothing changed, and sending the "
                    + "request again is safe.");
        }
        throw writeOutcomeUnknown("reschedule", "View the booking before trying again.");
    }

    /**
     * Cancels a booking. When the cancel's outcome is unknown it is sent once more, under a deadline of its own: a
     * provider cancels from the scheduler's current state and sends nothing for a booking already cancelled, so this
     * learns the outcome.
     */
    public VisibleBooking cancel(ApiClient client, Council council, String bookingRef, CancelRequest request) {
        return audited(client, council, EventType.CANCELLED, bookingRef, key -> cancelOnce(council, key, request));
    }

    private static Booking cancelOnce(Council council, BookingKey key, CancelRequest request) {
        try {
            return council.provider().cancel(key, request);
        } catch (ProviderException e) {
            if (!e.kind().mayHaveApplied()) {
                throw e;
            }
        }
        try {
            return CallDeadline.settling(() -> council.provider().cancel(key, request));
        } catch (ProviderException e) {
            if (!e.kind().isSchedulerFailure()) {
                throw e;
            }
            throw writeOutcomeUnknown("cancel", "Repeating the cancel is safe.");
        } catch (CouncilUnavailableException e) {
            throw writeOutcomeUnknown("cancel", "Repeating the cancel is safe.");
        }
    }

    private static ProblemException writeOutcomeUnknown(String operation, String advice) {
        return new ProblemException(ProblemType.SCHEDULER_TIMEOUT, "The scheduler did not confirm the " + operation
                + " and could not be checked: it may or may not have been made. " + advice);
    }
}
