package dev.slotbridge.server.testing;

import dev.slotbridge.spi.Capability;
import dev.slotbridge.spi.SchedulerProvider;
import dev.slotbridge.spi.error.BookingNotFoundException;
import dev.slotbridge.spi.error.ProviderException;
import dev.slotbridge.spi.model.BookedSlot;
import dev.slotbridge.spi.model.Booking;
import dev.slotbridge.spi.model.BookingKey;
import dev.slotbridge.spi.model.BookingRequest;
import dev.slotbridge.spi.model.BookingStatus;
import dev.slotbridge.spi.model.CancelRequest;
import dev.slotbridge.spi.model.Slot;
import dev.slotbridge.spi.model.SlotKey;
import dev.slotbridge.spi.model.SlotQuery;

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
 * failures a test queued with {@link #failNext}. Counts the calls it received.
 */
public final class ScriptedProvider implements SchedulerProvider {
    private static final Map<String, ScriptedProvider> BY_COUNCIL = new ConcurrentHashMap<>();

    private final Set<Capability> capabilities;
    private final ZoneId zone;
    private final Queue<ProviderException> failures = new ArrayDeque<>();
    private final AtomicInteger calls = new AtomicInteger();

    private ScriptedProvider(Set<Capability> capabilities, ZoneId zone) {
        this.capabilities = capabilities;
        this.zone = zone;
    }

    static ScriptedProvider register(String councilId, Set<Capability> capabilities, ZoneId zone) {
        ScriptedProvider provider = new ScriptedProvider(capabilities, zone);
        BY_COUNCIL.put(councilId, provider);
        return provider;
    }

    /** The provider the current server built for the council. */
    public static ScriptedProvider of(String councilId) {
        return BY_COUNCIL.get(councilId);
    }

    public synchronized void failNext(ProviderException failure) {
        failures.add(failure);
    }

    public int calls() {
        return calls.get();
    }

    private synchronized void answer() {
        calls.incrementAndGet();
        ProviderException failure = failures.poll();
        if (failure != null) {
            throw failure;
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
