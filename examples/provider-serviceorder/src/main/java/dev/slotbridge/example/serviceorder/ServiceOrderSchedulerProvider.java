package dev.slotbridge.example.serviceorder;

import dev.slotbridge.spi.Capability;
import dev.slotbridge.spi.ProbeResult;
import dev.slotbridge.spi.SchedulerProvider;
import dev.slotbridge.spi.error.BookingNotFoundException;
import dev.slotbridge.spi.error.SlotUnavailableException;
import dev.slotbridge.spi.model.Booking;
import dev.slotbridge.spi.model.BookingKey;
import dev.slotbridge.spi.model.BookingOutcome;
import dev.slotbridge.spi.model.BookingRequest;
import dev.slotbridge.spi.model.BookingStatus;
import dev.slotbridge.spi.model.CancelRequest;
import dev.slotbridge.spi.model.Slot;
import dev.slotbridge.spi.model.SlotKey;
import dev.slotbridge.spi.model.SlotQuery;
import dev.slotbridge.spi.support.SlotLists;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A contractor's service-order system, which keeps no diary. Slots are the council's standard windows on working
 * days from now to {@code days-ahead}; a window is taken while an active service order is planned in it (one crew).
 * Booking creates a service order carrying the window and the job; view, list and cancel map to get, list and delete.
 * No reschedule. Two bookings racing for one window can both succeed: the API offers no reservation to prevent it.
 * The probe reads one order of the store's first page: the cheapest read that proves the URL, tenant, store and key.
 */
final class ServiceOrderSchedulerProvider implements SchedulerProvider {
    private final ServiceOrderClient client;
    private final ServiceOrderSettings settings;
    private final Clock clock;
    private final ZoneId zone;

    ServiceOrderSchedulerProvider(ServiceOrderClient client, ServiceOrderSettings settings, Clock clock, ZoneId zone) {
        this.client = client;
        this.settings = settings;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.SEARCH, Capability.BOOK, Capability.VIEW, Capability.LIST, Capability.CANCEL);
    }

    @Override
    public List<Slot> search(SlotQuery query) {
        Set<String> taken = takenStarts();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate last = query.to().isAfter(today.plusDays(settings.daysAhead())) ? today.plusDays(settings.daysAhead()) : query.to();
        List<Slot> slots = new ArrayList<>();
        for (LocalDate day = query.from(); !day.isAfter(last); day = day.plusDays(1)) {
            if (!settings.workingDays().contains(day.getDayOfWeek())) {
                continue;
            }
            for (VisitWindow window : settings.windows()) {
                var start = day.atTime(window.start()).atZone(zone).toOffsetDateTime();
                var end = day.atTime(window.end()).atZone(zone).toOffsetDateTime();
                if (start.toInstant().isAfter(clock.instant()) && !taken.contains(start.toInstant().toString())) {
                    slots.add(new Slot(start, end, window.label(), false, SlotKey.of("start", start.toInstant().toString(),
                            "end", end.toInstant().toString(), "label", window.label())));
                }
            }
        }
        return SlotLists.merged(slots);
    }

    @Override
    public Booking book(BookingRequest request) {
        String start = request.slot().require("start");
        if (!Instant.parse(start).isAfter(clock.instant()) || takenStarts().contains(start)) {
            throw new SlotUnavailableException("the " + request.slot().require("label") + " window is taken or past");
        }
        return ServiceOrderMapping.booking(client.create(ServiceOrderMapping.order(request)), zone);
    }

    @Override
    public Optional<Booking> find(BookingKey key) {
        return client.get(key.require(ServiceOrderMapping.UID)).map(order -> ServiceOrderMapping.booking(order, zone));
    }

    @Override
    public List<Booking> listByProperty(String propertyRef) {
        return client.listAll().stream().filter(order -> propertyRef.equals(order.customerReference()))
                .map(order -> ServiceOrderMapping.booking(order, zone)).toList();
    }

    /** An order is created in one call, so a booking whose answer was lost is either there in the slot or not at all. */
    @Override
    public BookingOutcome reconcileBooking(BookingRequest request) {
        Instant start = Instant.parse(request.slot().require("start"));
        Instant end = Instant.parse(request.slot().require("end"));
        return listByProperty(request.job().propertyRef()).stream()
                .filter(booking -> booking.status() == BookingStatus.BOOKED
                        && request.job().externalRef().equals(booking.job().externalRef())
                        && booking.slot().start().toInstant().equals(start) && booking.slot().end().toInstant().equals(end))
                .<BookingOutcome>map(booking -> new BookingOutcome.Booked(booking, null))
                .findFirst().orElseGet(() -> new BookingOutcome.NotBooked(null));
    }

    @Override
    public Booking cancel(BookingKey key, CancelRequest request) {
        String uid = key.require(ServiceOrderMapping.UID);
        Booking current = find(key).orElseThrow(() -> new BookingNotFoundException("no service order " + uid));
        if (current.status() == BookingStatus.CANCELLED) {
            return current;
        }
        if (!client.delete(uid)) {
            throw new BookingNotFoundException("no service order " + uid);
        }
        return current.withStatus(BookingStatus.CANCELLED);
    }

    @Override
    public ProbeResult probe() {
        client.page(1, 1);
        return ProbeResult.REACHED;
    }

    private Set<String> takenStarts() {
        return client.listAll().stream().filter(ServiceOrder::isActive).map(ServiceOrder::plannedStart)
                .map(start -> Instant.parse(start).toString()).collect(Collectors.toSet());
    }
}
