package dev.slotbridge.server.testing;

import dev.slotbridge.spi.Capability;
import dev.slotbridge.spi.SchedulerProvider;
import dev.slotbridge.spi.error.BookingNotFoundException;
import dev.slotbridge.spi.error.ProviderException;
import dev.slotbridge.spi.model.BookedSlot;
import dev.slotbridge.spi.model.Booking;
import dev.slotbridge.spi.model.BookingKey;
import dev.slotbridge.spi.model.BookingOutcome;
import dev.slotbridge.spi.model.BookingRequest;
import dev.slotbridge.spi.model.BookingStatus;
import dev.slotbridge.spi.model.CancelRequest;
import dev.slotbridge.spi.model.Slot;
import dev.slotbridge.spi.model.SlotKey;
import dev.slotbridge.spi.model.SlotQuery;

import dev.slotbridge.tck.TestClock;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake scheduler for server tests: offers two slots on the query's first day, books anything, and throws the
 * failures a test queued with {@link #failNext}; a call queued with {@link #takeNext} first takes its time on the
 * test clock. Reconciling a booking finds nothing it can tell ({@code Unknown}) unless told to find it booked
 * ({@link #reconcilesAsBooked}). Counts the calls it received.
 */
public final class ScriptedProvider implements SchedulerProvider {
    private static final Map<String, ScriptedProvider> BY_COUNCIL = new ConcurrentHashMap<>();

    private final Set<Capability> capabilities;
    private final ZoneId zone;
    private final TestClock clock;
    private final Queue<Step> steps = new ArrayDeque<>();
    private final AtomicInteger calls = new AtomicInteger();
    private volatile boolean reconcilesAsBooked;

    /** What a queued call does: takes {@code took} on the test clock, then fails (answers when {@code failure} is null). */
    private record Step(Duration took, ProviderException failure) {
    }

    private ScriptedProvider(Set<Capability> capabilities, ZoneId zone, TestClock clock) {
        this.capabilities = capabilities;
        this.zone = zone;
        this.clock = clock;
    }

    static ScriptedProvider register(String councilId, Set<Capability> capabilities, ZoneId zone, TestClock clock) {
        ScriptedProvider provider = new ScriptedProvider(capabilities, zone, clock);
        BY_COUNCIL.put(councilId, provider);
        return provider;
    }

    /** The provider the current server built for the council. */
    public static ScriptedProvider of(String councilId) {
        return BY_COUNCIL.get(councilId);
    }

    public synchronized void failNext(ProviderException failure) {
        takeNext(Duration.ZERO, failure);
    }

    /** The next call takes this long on the test clock, then fails with {@code failure}, or answers when it is null. */
    public synchronized void takeNext(Duration took, ProviderException failure) {
        steps.add(new Step(took, failure));
    }

    /** From now on, reconciling a booking finds it booked in the requested slot, as if the scheduler had made it. */
    public void reconcilesAsBooked() {
        reconcilesAsBooked = true;
    }

    public int calls() {
        return calls.get();
    }

    private synchronized void answer() {
        calls.incrementAndGet();
        Step step = steps.poll();
        if (step == null) {
            return;
        }
        clock.advance(step.took());
        if (step.failure() != null) {
            throw step.failure();
        }
    }

    @Override
    public Set<Capability> capabilities() {
        return capabilities;
    }

    @Override
    public List<Slot> search(SlotQuery query) {
        answer();
        var day = query.from();
        return List.of(
                new Slot(day.atTime(LocalTime.of(8, 0)).atZone(zone).toOffsetDateTime(),
                        day.atTime(LocalTime.of(12, 0)).atZone(zone).toOffsetDateTime(), "AM", true,
                        SlotKey.of("day", day.toString(), "window", "AM")),
                new Slot(day.atTime(LocalTime.of(12, 0)).atZone(zone).toOffsetDateTime(),
                        day.atTime(LocalTime.of(16, 0)).atZone(zone).toOffsetDateTime(), null, false,
                        SlotKey.of("day", day.toString(), "window", "PM")));
    }

    @Override
    public Booking book(BookingRequest request) {
        answer();
        return booked(request);
    }

    @Override
    public BookingOutcome reconcileBooking(BookingRequest request) {
        answer();
        return reconcilesAsBooked ? new BookingOutcome.Booked(booked(request), null)
                : new BookingOutcome.Unknown("scripted: cannot tell");
    }

    private Booking booked(BookingRequest request) {
        var day = LocalDate.parse(request.slot().require("day"));
        return new Booking(BookingKey.of("id", request.job().externalRef()), BookingStatus.BOOKED,
                new BookedSlot(day.atTime(8, 0).atZone(zone).toOffsetDateTime(),
                        day.atTime(12, 0).atZone(zone).toOffsetDateTime(), "AM"),
                request.job(), request.contact(), request.accessNotes(), Map.of("orderId", "42"));
    }

    @Override
    public Optional<Booking> find(BookingKey key) {
        answer();
        return Optional.empty();
    }

    @Override
    public List<Booking> listByProperty(String propertyRef) {
        answer();
        return List.of();
    }

    @Override
    public Booking reschedule(BookingKey key, SlotKey newSlot) {
        answer();
        throw new BookingNotFoundException("scripted: no bookings");
    }

    @Override
    public Booking cancel(BookingKey key, CancelRequest request) {
        answer();
        throw new BookingNotFoundException("scripted: no bookings");
    }
}
