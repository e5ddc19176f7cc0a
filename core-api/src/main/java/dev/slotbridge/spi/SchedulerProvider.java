package dev.slotbridge.spi;

import dev.slotbridge.spi.error.CapabilityNotSupportedException;
import dev.slotbridge.spi.model.Booking;
import dev.slotbridge.spi.model.BookingKey;
import dev.slotbridge.spi.model.BookingOutcome;
import dev.slotbridge.spi.model.BookingRequest;
import dev.slotbridge.spi.model.CancelRequest;
import dev.slotbridge.spi.model.HeldSlot;
import dev.slotbridge.spi.model.HoldKey;
import dev.slotbridge.spi.model.Job;
import dev.slotbridge.spi.model.Slot;
import dev.slotbridge.spi.model.SlotKey;
import dev.slotbridge.spi.model.SlotQuery;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One council's scheduling system, behind the uniform operations of the Slotbridge API.
 *
 * <p>What every provider guarantees (the {@code provider-tck} checks it):
 * <ul>
 *   <li>Thread safety: the server calls one instance from many threads at once.</li>
 *   <li>Only {@link dev.slotbridge.spi.error.ProviderException} subtypes escape an operation.</li>
 *   <li>No resilience of its own: the server bounds, retries and isolates every call. A provider makes each
 *       operation a single attempt and reports what happened precisely (e.g. whether a failed request was sent).</li>
 *   <li>Interruptible: the server's time limit interrupts the calling thread, and the operation then ends promptly
 *       ({@link dev.slotbridge.spi.support.HttpTransport} and blocking I/O on a virtual thread do so already).</li>
 *   <li>Nothing half-done: when a multi-step write fails part-way, the provider undoes the steps it made, or,
 *       when it cannot know what was made, says so with an outcome-unknown error and lets
 *       {@link #reconcileBooking} finish or undo it.</li>
 *   <li>True failures: every exception's {@link dev.slotbridge.spi.error.ErrorKind} says what it establishes. A
 *       failure after the scheduler accepted a write is {@link dev.slotbridge.spi.error.WriteOutcomeUnknownException},
 *       never a refusal.</li>
 *   <li>No personal data (phone numbers, e-mail addresses) and no credentials in log lines or exception messages.</li>
 * </ul>
 * Operations a provider does not list in {@link #capabilities()} keep their default, which throws
 * {@link CapabilityNotSupportedException}.
 */
public interface SchedulerProvider extends AutoCloseable {

    /** What this provider supports; constant for the provider's life. */
    Set<Capability> capabilities();

    /**
     * Free slots for the job between the query's dates.
     *
     * @return only available slots, each once, sorted by start; possibly empty
     */
    default List<Slot> search(SlotQuery query) {
        throw new CapabilityNotSupportedException(Capability.SEARCH);
    }

    /**
     * Books the job into the slot.
     *
     * @throws dev.slotbridge.spi.error.SlotUnavailableException     the slot is no longer offered
     * @throws dev.slotbridge.spi.error.RejectedBySchedulerException the scheduler refused for another reason
     */
    default Booking book(BookingRequest request) {
        throw new CapabilityNotSupportedException(Capability.BOOK);
    }

    /** @return the booking as the scheduler holds it now, or empty when the scheduler knows no such booking */
    default Optional<Booking> find(BookingKey key) {
        throw new CapabilityNotSupportedException(Capability.VIEW);
    }

    /**
     * Every booking the scheduler holds at the property, including those made outside Slotbridge and cancelled ones.
     */
    default List<Booking> listByProperty(String propertyRef) {
        throw new CapabilityNotSupportedException(Capability.LIST);
    }

    /**
     * Holds the slot for the job until at least {@code until}: while held, the slot's capacity is not offered by
     * {@link #search} nor taken by {@link #book}. A slot no longer offered is {@code SlotUnavailableException}.
     * A failure leaves nothing held: the provider undoes what it made before throwing (DRS removes the order it
     * created), and logs what it could not undo. The server releases every hold that ends unbooked through
     * {@link #releaseHold}, retrying until that succeeds.
     */
    default HeldSlot hold(SlotKey slot, Job job, Instant until) {
        throw new CapabilityNotSupportedException(Capability.HOLD);
    }

    /**
     * Books the held slot for the request (its job is the held job). A hold that has ended is
     * {@code SlotUnavailableException} when the slot is gone, else booked like {@link #book}.
     */
    default Booking confirmHold(HoldKey hold, BookingRequest request) {
        throw new CapabilityNotSupportedException(Capability.HOLD);
    }

    /**
     * Ends the hold and frees what it kept at the scheduler; nothing happens for a hold already ended or confirmed.
     * Safe to repeat: a release that failed is tried again.
     */
    default void releaseHold(HoldKey hold) {
        throw new CapabilityNotSupportedException(Capability.HOLD);
    }

    /**
     * The bookings of the caller's order number ({@code job.externalRef}) the scheduler holds, cancelled ones included
     * — for front doors whose callers know a booking by their own reference only (Housing Repairs Online). Only
     * bookings at {@code propertyRef} when it is given; without it, wherever they are (the scheduler's lookup by
     * order number). Empty when there are none.
     */
    default List<Booking> findByExternalRef(String externalRef, Optional<String> propertyRef) {
        throw new CapabilityNotSupportedException(Capability.FIND_BY_REFERENCE);
    }

    /**
     * How this scheduler tells of changes made inside it, when it can call back (see {@link SchedulerCallbacks});
     * empty for one that cannot.
     */
    default Optional<SchedulerCallbacks> callbacks() {
        return Optional.empty();
    }

    /**
     * Establishes what became of a booking request whose outcome is unknown: {@link #book} failed with an
     * {@link dev.slotbridge.spi.error.ErrorKind#mayHaveApplied() outcome-unknown} error (its answer was lost, or a
     * step after the scheduler accepted it failed). The server calls it before answering the caller, and again when
     * the caller repeats the request with the same {@code Idempotency-Key}.
     *
     * <p>Answer from the scheduler's current state, found by the request's {@code externalRef}:
     * <ul>
     *   <li>{@link BookingOutcome.Booked}: booked <b>in the requested slot</b> (same start and end); a booking of the
     *       order in another slot, or not yet scheduled, is not this request's booking;</li>
     *   <li>half-done (e.g. an order created but not scheduled): finish it (schedule it into the requested slot, which
     *       sends nothing twice since its creation is now known) and answer {@code Booked} saying so, or undo it and
     *       answer {@link BookingOutcome.NotBooked} saying what was removed;</li>
     *   <li>{@link BookingOutcome.NotBooked}: nothing of the request is at the scheduler;</li>
     *   <li>{@link BookingOutcome.Unknown}: the scheduler cannot tell; the default, for a provider that cannot look
     *       bookings up.</li>
     * </ul>
     * Must be safe to call any number of times. A failure thrown from here counts as {@code Unknown}.
     */
    default BookingOutcome reconcileBooking(BookingRequest request) {
        return new BookingOutcome.Unknown("this provider cannot look bookings up by order number");
    }

    /**
     * Whether the booking, as the scheduler holds it, is in the slot (same start and end): how the server learns
     * whether a reschedule whose outcome is unknown took effect. Answer from the booking and the key alone, without
     * calling the scheduler.
     */
    default boolean isInSlot(Booking booking, SlotKey slot) {
        throw new CapabilityNotSupportedException(Capability.RESCHEDULE);
    }

    /**
     * Moves an active booking to another slot; the booking keeps its key. Works from the scheduler's current state.
     *
     * @throws dev.slotbridge.spi.error.BookingNotFoundException  no such booking
     * @throws dev.slotbridge.spi.error.BookingNotActiveException the booking is cancelled or completed
     * @throws dev.slotbridge.spi.error.SlotUnavailableException  the new slot is no longer offered
     */
    default Booking reschedule(BookingKey key, SlotKey newSlot) {
        throw new CapabilityNotSupportedException(Capability.RESCHEDULE);
    }

    /**
     * Cancels a booking. Cancelling a cancelled booking returns it unchanged and sends the scheduler nothing that
     * changes state, so the server may repeat a cancel whose outcome is unknown. A booking the scheduler no longer
     * shows because it was cancelled (e.g. its order was deleted) is returned as cancelled, with what is still known.
     *
     * @return the booking with status {@code CANCELLED}
     * @throws dev.slotbridge.spi.error.BookingNotFoundException no such booking
     */
    default Booking cancel(BookingKey key, CancelRequest request) {
        throw new CapabilityNotSupportedException(Capability.CANCEL);
    }

    /**
     * Proves, with the fewest read-only exchanges, that the scheduler answers and accepts this council's credentials
     * (a login and logout, a fresh token, a harmless read): what {@code bin/slotbridge check-config} runs. One attempt,
     * never repeated (directory-backed scheduler accounts lock after repeated failed logins); it writes nothing and
     * leaves the provider's own sessions and tokens as they were.
     *
     * @return {@link ProbeResult#REACHED} when the exchange succeeded; the default, {@link ProbeResult#NOT_OFFERED},
     *         for a provider that has no probe
     * @throws dev.slotbridge.spi.error.ProviderException what failed: {@code SchedulerCredentialsRejectedException}
     *         when the login or token is refused, {@code SchedulerUnavailableException} or
     *         {@code SchedulerTimeoutException} when the scheduler cannot be reached or does not answer
     */
    default ProbeResult probe() {
        return ProbeResult.NOT_OFFERED;
    }

    /** Releases sessions and connections; called once when the server stops. */
    @Override
    default void close() {
    }
}
