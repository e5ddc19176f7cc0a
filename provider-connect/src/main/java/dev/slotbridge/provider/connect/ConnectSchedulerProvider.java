package dev.slotbridge.provider.connect;

import dev.slotbridge.provider.connect.wire.Appointment;
import dev.slotbridge.provider.connect.wire.AppointmentBooking;
import dev.slotbridge.provider.connect.wire.AvailabilityResponse;
import dev.slotbridge.provider.connect.wire.BookingResponse;
import dev.slotbridge.provider.connect.wire.PlanningWindow;
import dev.slotbridge.provider.connect.wire.SalesOrder;
import dev.slotbridge.provider.connect.wire.SalesOrderUpdate;
import dev.slotbridge.spi.Capability;
import dev.slotbridge.spi.ProbeResult;
import dev.slotbridge.spi.SchedulerCallbacks;
import dev.slotbridge.spi.SchedulerProvider;
import dev.slotbridge.spi.error.BookingNotActiveException;
import dev.slotbridge.spi.error.BookingNotFoundException;
import dev.slotbridge.spi.error.InvalidRequestException;
import dev.slotbridge.spi.error.RejectedBySchedulerException;
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
import dev.slotbridge.spi.support.AcceptedWrite;
import dev.slotbridge.spi.support.Refusals;
import dev.slotbridge.spi.support.SlotLists;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A council on Totalmobile Connect, through the "embedded booking screen" flow.
 *
 * <ul>
 *   <li><b>Search</b>: availability is per order, so the order ({@code PrimaryOrderNumber} = the caller's
 *       {@code externalRef}) is looked up and created when missing, with the search's contact as its
 *       {@code OrderContact} (Connect takes one only then); then {@code availability} is asked for every
 *       Monday-based week the dates touch, exactly once, {@code number-of-weeks} at a time. When creating, the target date is the search's last
 *       day (Connect requires one; the caller's latest acceptable date is the honest choice).</li>
 *   <li><b>Book</b>: when the booking's description is not the order's (the search gave another, or none: the
 *       placeholder), {@code PATCH} gives the order the booking's {@code JobDescription} first; then
 *       {@code POST booking}; the answer is the visit read back. A 400 is checked against availability: slot gone → unavailable, else
 *       rejected with Connect's message.</li>
 *   <li><b>View / list / find</b>: {@code BookingSummary} by order number or property, with each order's
 *       {@code SalesOrder} for the job. A booking is one visit: its key is the order and the visit id.</li>
 *   <li><b>Reschedule</b>: availability with the {@code VisitExternalId}, then {@code POST booking} re-appointing
 *       that visit. The new slot must come from a search for the same order.</li>
 *   <li><b>Cancel</b>: {@code PATCH SalesOrder} with {@code OrderStatus} 11, the reason and description.</li>
 *   <li><b>Probe</b>: one {@code POST token} for a new token; the cached token is neither used nor replaced, and
 *       nothing is sent to {@code api/}.</li>
 * </ul>
 */
final class ConnectSchedulerProvider implements SchedulerProvider {
    private final ConnectClient client;
    private final ConnectTokenSource tokens;
    private final ConnectSettings settings;
    private final PlanningWindows windows;
    private final ZoneId zone;
    private final ConnectCallbacks callbacks;

    ConnectSchedulerProvider(ConnectClient client, ConnectTokenSource tokens, ConnectSettings settings,
                             PlanningWindows windows, ZoneId zone, ConnectCallbacks callbacks) {
        this.callbacks = callbacks;
        this.client = client;
        this.tokens = tokens;
        this.settings = settings;
        this.windows = windows;
        this.zone = zone;
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.SEARCH, Capability.BOOK, Capability.VIEW, Capability.LIST, Capability.RESCHEDULE,
                Capability.CANCEL, Capability.FIND_BY_REFERENCE);
    }

    @Override
    public List<Slot> search(SlotQuery query) {
        String order = requireOrderNumber(query.job().externalRef());
        SalesOrder existing = client.salesOrder(order).orElse(null);
        if (existing == null) {
            existing = ConnectMapping.newOrder(query.job(), query.contact(), priority(query.job().priority()), query.to(),
                    settings);
            client.createSalesOrder(existing);
        }
        List<Slot> found = new ArrayList<>();
        for (LocalDate monday = monday(query.from()); !monday.isAfter(query.to());
             monday = monday.plusWeeks(settings.numberOfWeeks())) {
            int weeks = (int) Math.min(settings.numberOfWeeks(), ChronoUnit.WEEKS.between(monday, query.to()) + 1);
            LocalDate date = monday.isBefore(query.from()) ? query.from() : monday;
            AvailabilityResponse answer = client.availability(order, date, weeks, null);
            found.addAll(ConnectMapping.slots(answer, order, windows.all(), query.from(), query.to(), zone,
                    existing.jobDescription()));
        }
        return SlotLists.merged(found);
    }

    @Override
    public Booking book(BookingRequest request) {
        SlotKey slot = request.slot();
        String order = slot.require(ConnectMapping.ORDER);
        if (!order.equals(request.job().externalRef())) {
            throw new RejectedBySchedulerException("The slot was found for order " + order
                    + "; search again with externalRef " + request.job().externalRef());
        }
        String description = request.job().description();
        if (description != null && !ConnectMapping.digest(description).equals(slot.values().get(ConnectMapping.DESCRIPTION))) {
            client.updateSalesOrder(new SalesOrderUpdate(order, settings.contractExternalId(), null,
                    description, null, null));
        }
        BookingResponse answer = bookOrRefuse(slot, null, request.accessNotes(),
                ConnectMapping.messagingPreference(request.contact()));
        String visit = answer == null ? null : answer.visitExternalId();
        return AcceptedWrite.readBack("Connect booking of order " + order, () -> find(ConnectMapping.key(order, visit)));
    }

    /**
     * The visit from {@code BookingSummary} with its order. When Connect no longer lists the visit but the order is
     * cancelled ({@code OrderStatus} 11), the booking is cancelled: Connect's document does not say whether it keeps
     * a cancelled order's visits, so both are read alike.
     */
    @Override
    public Optional<Booking> find(BookingKey key) {
        String order = key.require(ConnectMapping.ORDER);
        String visit = key.values().get(ConnectMapping.VISIT);
        List<Appointment> appointments = client.appointmentsForOrder(order);
        Optional<Appointment> appointment = visit == null ? latest(appointments)
                : appointments.stream().filter(a -> visit.equals(a.visitExternalId())).findFirst();
        Optional<SalesOrder> salesOrder = client.salesOrder(order);
        if (appointment.isEmpty()) {
            return salesOrder.filter(ConnectMapping::isCancelled).map(cancelled -> ConnectMapping.cancelledOrder(cancelled, key));
        }
        return salesOrder.map(found -> ConnectMapping.booking(appointment.get(), found, windows.all(), null, zone));
    }

    @Override
    public List<Booking> listByProperty(String propertyRef) {
        Map<String, Optional<SalesOrder>> orders = new HashMap<>();
        List<Booking> bookings = new ArrayList<>();
        for (Appointment appointment : client.appointmentsAtProperty(propertyRef)) {
            orders.computeIfAbsent(appointment.primaryOrderNumber(), client::salesOrder).ifPresent(order ->
                    bookings.add(ConnectMapping.booking(appointment, order, windows.all(), propertyRef, zone)));
        }
        return bookings;
    }

    /** Booked when the order has a booked visit on the slot's day in the slot's window; a booking is one call, so never half-made. */
    @Override
    public BookingOutcome reconcileBooking(BookingRequest request) {
        return bookingsOfOrder(request.slot().require(ConnectMapping.ORDER)).stream()
                .filter(booking -> booking.status() == BookingStatus.BOOKED && isInSlot(booking, request.slot()))
                .<BookingOutcome>map(booking -> new BookingOutcome.Booked(booking, null))
                .findFirst().orElseGet(() -> new BookingOutcome.NotBooked(null));
    }

    /** The visits of the sales order whose {@code ExternalId} is the order number, then (when given) at the property. */
    @Override
    public List<Booking> findByExternalRef(String externalRef, Optional<String> propertyRef) {
        return bookingsOfOrder(externalRef).stream()
                .filter(booking -> propertyRef.map(booking.job().propertyRef()::equals).orElse(true)).toList();
    }

    /** {@code BookingSummary} by the order, and the sales order for the job: every visit of the order. */
    private List<Booking> bookingsOfOrder(String order) {
        List<Appointment> appointments = client.appointmentsForOrder(order);
        Optional<SalesOrder> salesOrder = appointments.isEmpty() ? Optional.empty() : client.salesOrder(order);
        return salesOrder.stream().flatMap(found -> appointments.stream()
                .map(appointment -> ConnectMapping.booking(appointment, found, windows.all(), null, zone))).toList();
    }

    @Override
    public boolean isInSlot(Booking booking, SlotKey slot) {
        PlanningWindow window = windows.all().get(Integer.parseInt(slot.require(ConnectMapping.WINDOW)));
        LocalDate date = LocalDate.parse(slot.require(ConnectMapping.DATE));
        return window != null && booking.slot() != null
                && booking.slot().start().toInstant().equals(ConnectMapping.start(date, window, zone).toInstant())
                && booking.slot().end().toInstant().equals(ConnectMapping.end(date, window, zone).toInstant());
    }

    @Override
    public Booking reschedule(BookingKey key, SlotKey newSlot) {
        Booking current = find(key).orElseThrow(() -> new BookingNotFoundException("Connect has no such visit"));
        if (current.status() != BookingStatus.BOOKED) {
            throw new BookingNotActiveException("the visit is " + current.status());
        }
        String order = key.require(ConnectMapping.ORDER);
        if (!order.equals(newSlot.require(ConnectMapping.ORDER))) {
            throw new RejectedBySchedulerException("The new slot was found for another order; search with externalRef " + order);
        }
        String visit = current.key().values().get(ConnectMapping.VISIT);
        LocalDate date = LocalDate.parse(newSlot.require(ConnectMapping.DATE));
        int window = Integer.parseInt(newSlot.require(ConnectMapping.WINDOW));
        if (!ConnectMapping.offers(client.availability(order, date, 1, visit), date, window)) {
            throw new SlotUnavailableException("Connect no longer offers that window");
        }
        BookingResponse answer = bookOrRefuse(newSlot, visit, current.accessNotes(), null);
        String movedVisit = answer == null || answer.visitExternalId() == null ? visit : answer.visitExternalId();
        return AcceptedWrite.readBack("Connect re-appointment of order " + order,
                () -> find(ConnectMapping.key(order, movedVisit)));
    }

    @Override
    public Booking cancel(BookingKey key, CancelRequest request) {
        Booking current = find(key).orElseThrow(() -> new BookingNotFoundException("Connect has no such visit"));
        if (current.status() == BookingStatus.CANCELLED) {
            return current;
        }
        if (current.status() == BookingStatus.COMPLETED) {
            throw new RejectedBySchedulerException("The visit is completed and cannot be cancelled");
        }
        client.updateSalesOrder(new SalesOrderUpdate(key.require(ConnectMapping.ORDER), settings.contractExternalId(),
                SalesOrderUpdate.CANCEL, null, request.reason(), request.description()));
        return current.withStatus(BookingStatus.CANCELLED);
    }

    /** {@code POST booking}; a refusal is checked against availability to tell a taken slot from other refusals. */
    private BookingResponse bookOrRefuse(SlotKey slot, String visit, String instructions, Integer messaging) {
        String order = slot.require(ConnectMapping.ORDER);
        LocalDate date = LocalDate.parse(slot.require(ConnectMapping.DATE));
        int window = Integer.parseInt(slot.require(ConnectMapping.WINDOW));
        try {
            return client.book(new AppointmentBooking(order, date.toString(), window, visit,
                    instructions, messaging));
        } catch (RejectedBySchedulerException refused) {
            throw Refusals.slotTakenOr(refused,
                    () -> ConnectMapping.offers(client.availability(order, date, 1, visit), date, window), "Connect");
        }
    }

    private static Optional<Appointment> latest(List<Appointment> appointments) {
        return appointments.stream().max(Comparator
                .comparing((Appointment a) -> ConnectMapping.status(a.visitStatus()) == BookingStatus.BOOKED)
                .thenComparing(a -> ConnectMapping.dateTime(a.planningWindowStart())));
    }

    private String priority(String requested) {
        String priority = requested != null ? requested : settings.defaultPriority();
        if (priority == null) {
            throw new InvalidRequestException("priority", "is required: this council has no default priority");
        }
        return priority;
    }

    private static String requireOrderNumber(String externalRef) {
        if (externalRef == null) {
            throw new InvalidRequestException("externalRef", "is required: this council's scheduler searches per order");
        }
        return externalRef;
    }

    /** The Monday of the week {@code date} falls in: Connect's {@code availability} answers whole Monday-based weeks. */
    private static LocalDate monday(LocalDate date) {
        return date.minusDays(date.getDayOfWeek().getValue() - 1L);
    }

    @Override
    public Optional<SchedulerCallbacks> callbacks() {
        return Optional.of(callbacks);
    }

    @Override
    public ProbeResult probe() {
        tokens.requestNew();
        return ProbeResult.REACHED;
    }
}
