package dev.slotbridge.engine.resilience;

import dev.slotbridge.spi.Capability;
import dev.slotbridge.spi.ProbeResult;
import dev.slotbridge.spi.SchedulerCallbacks;
import dev.slotbridge.spi.SchedulerProvider;
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

/** A council's provider with every operation run through its {@link CouncilCallGuard}; the probe only under its time limit. */
final class ResilientSchedulerProvider implements SchedulerProvider {
    private final SchedulerProvider target;
    private final CouncilCallGuard guard;

    ResilientSchedulerProvider(SchedulerProvider target, CouncilCallGuard guard) {
        this.target = target;
        this.guard = guard;
    }

    @Override
    public Set<Capability> capabilities() {
        return target.capabilities();
    }

    @Override
    public List<Slot> search(SlotQuery query) {
        return guard.call(SchedulerOperation.SEARCH, () -> target.search(query));
    }

    @Override
    public Booking book(BookingRequest request) {
        return guard.call(SchedulerOperation.BOOK, () -> target.book(request));
    }

    @Override
    public Optional<Booking> find(BookingKey key) {
        return guard.call(SchedulerOperation.VIEW, () -> target.find(key));
    }

    @Override
    public List<Booking> listByProperty(String propertyRef) {
        return guard.call(SchedulerOperation.LIST, () -> target.listByProperty(propertyRef));
    }

    @Override
    public HeldSlot hold(SlotKey slot, Job job, Instant until) {
        return guard.call(SchedulerOperation.HOLD, () -> target.hold(slot, job, until));
    }

    @Override
    public Booking confirmHold(HoldKey hold, BookingRequest request) {
        return guard.call(SchedulerOperation.CONFIRM_HOLD, () -> target.confirmHold(hold, request));
    }

    @Override
    public void releaseHold(HoldKey hold) {
        guard.call(SchedulerOperation.RELEASE_HOLD, () -> {
            target.releaseHold(hold);
            return null;
        });
    }

    @Override
    public List<Booking> findByExternalRef(String externalRef, Optional<String> propertyRef) {
        return guard.call(SchedulerOperation.FIND_BY_REFERENCE, () -> target.findByExternalRef(externalRef, propertyRef));
    }

    @Override
    public BookingOutcome reconcileBooking(BookingRequest request) {
        return guard.call(SchedulerOperation.RECONCILE_BOOKING, () -> target.reconcileBooking(request));
    }

    /** Answered from the booking and the key alone, so not a scheduler call. */
    @Override
    public boolean isInSlot(Booking booking, SlotKey slot) {
        return target.isInSlot(booking, slot);
    }

    /** Reading a callback calls no scheduler: nothing to guard. */
    @Override
    public Optional<SchedulerCallbacks> callbacks() {
        return target.callbacks();
    }

    @Override
    public Booking reschedule(BookingKey key, SlotKey newSlot) {
        return guard.call(SchedulerOperation.RESCHEDULE, () -> target.reschedule(key, newSlot));
    }

    @Override
    public Booking cancel(BookingKey key, CancelRequest request) {
        return guard.call(SchedulerOperation.CANCEL, () -> target.cancel(key, request));
    }

    /**
     * Straight to the provider, once, under the council's time limit only ({@link CouncilCallGuard#once}): never
     * retried, since a refused login sent again can lock the account, and outside the circuit breaker, which neither
     * refuses the probe nor counts it.
     */
    @Override
    public ProbeResult probe() {
        return guard.once("probe", target::probe);
    }

    @Override
    public void close() {
        target.close();
    }
}
