package dev.slotbridge.spi;

import dev.slotbridge.spi.error.CapabilityNotSupportedException;
import dev.slotbridge.spi.model.Booking;
import dev.slotbridge.spi.model.BookingKey;
import dev.slotbridge.spi.model.BookingRequest;
import dev.slotbridge.spi.model.CancelRequest;
import dev.slotbridge.spi.model.Slot;
import dev.slotbridge.spi.model.SlotKey;
import dev.slotbridge.spi.model.SlotQuery;

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
 *   <li>Nothing half-done: when a multi-step write fails part-way, the provider undoes the steps it made.</li>
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
     * Whether {@link #findByExternalRef} really looks bookings up. The server relies on it to learn the outcome of a
     * booking whose answer was lost: only a provider that returns {@code true} can say "not booked".
     */
    default boolean findsByExternalRef() {
        return false;
    }

    /**
     * The active or latest booking made for the caller's order number at the property. Only called when
     * {@link #findsByExternalRef()} is true.
     *
     * @return the booking, or empty when the scheduler holds none for that order number
     */
    default Optional<Booking> findByExternalRef(String propertyRef, String externalRef) {
        throw new CapabilityNotSupportedException(Capability.VIEW);
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
     * changes state.
     *
     * @return the booking with status {@code CANCELLED}
     * @throws dev.slotbridge.spi.error.BookingNotFoundException no such booking
     */
    default Booking cancel(BookingKey key, CancelRequest request) {
        throw new CapabilityNotSupportedException(Capability.CANCEL);
    }

    /** Releases sessions and connections; called once when the server stops. */
    @Override
    default void close() {
    }
}
