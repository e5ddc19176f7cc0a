package dev.slotbridge.provider.drs;

import dev.slotbridge.spi.CallPermits;
import dev.slotbridge.spi.Capability;
import dev.slotbridge.spi.ProbeResult;
import dev.slotbridge.spi.SchedulerCallbacks;
import dev.slotbridge.spi.SchedulerProvider;
import dev.slotbridge.spi.error.BookingNotActiveException;
import dev.slotbridge.spi.error.InvalidRequestException;
import dev.slotbridge.spi.error.ProviderException;
import dev.slotbridge.spi.error.RejectedBySchedulerException;
import dev.slotbridge.spi.error.SchedulerResponseException;
import dev.slotbridge.spi.error.SchedulerTimeoutException;
import dev.slotbridge.spi.error.WriteOutcomeUnknownException;
import dev.slotbridge.spi.model.BookedSlot;
import dev.slotbridge.spi.model.Booking;
import dev.slotbridge.spi.model.BookingKey;
import dev.slotbridge.spi.model.BookingOutcome;
import dev.slotbridge.spi.model.BookingRequest;
import dev.slotbridge.spi.model.BookingStatus;
import dev.slotbridge.spi.model.CancelRequest;
import dev.slotbridge.spi.model.Contact;
import dev.slotbridge.spi.model.HeldSlot;
import dev.slotbridge.spi.model.HoldKey;
import dev.slotbridge.spi.model.Job;
import dev.slotbridge.spi.model.Slot;
import dev.slotbridge.spi.model.SlotKey;
import dev.slotbridge.spi.model.SlotQuery;
import dev.slotbridge.spi.support.AcceptedWrite;
import dev.slotbridge.spi.support.Refusals;
import dev.slotbridge.spi.support.SchedulerExchanges;
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
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

/**
 * A council on Kirona DRS, through its SOAP Web Services Gateway.
 *
 * <ul>
 *   <li><b>Search</b>: {@code checkAvailability} for the location, job codes and priority, in calls of at most 7
 *       local days (the gateway returns no more), merged; beyond the first, chunks run concurrently when the
 *       council's bulkhead has a permit free for each.</li>
 *   <li><b>Book</b>: {@code createOrder} (which also creates the booking) then {@code scheduleBooking} into the
 *       slot's planning window. If scheduling fails the new order is removed with {@code deleteOrder}, so no orphan
 *       job stays in the diary; a refusal is then checked against availability (409 slot gone, else 422).</li>
 *   <li><b>Hold</b>: {@code createOrder} then {@code createReservation}; confirmed with {@code updateOrder} (contact,
 *       access notes) and {@code confirmReservation}; released with {@code deleteOrder}, so nothing blocks the diary.</li>
 *   <li><b>Reconcile</b> a booking whose outcome is unknown: by order number, booked in the slot, or finished, or
 *       removed (see {@link #reconcileBooking}).</li>
 *   <li><b>View / list</b>: {@code selectOrder} by order number or location (its bookings are inside;
 *       {@code selectBooking} cannot select by booking id). Bookings DRS has not scheduled are not shown.</li>
 *   <li><b>Reschedule</b>: {@code scheduleBooking} again with the new window: the gateway updates the booking.</li>
 *   <li><b>Cancel</b>: {@code deleteOrder}. The WSDL has no cancelled status (order states are PLANNED, STARTED,
 *       COMPLETED) and removing only the booking would leave an unscheduled job in the diary; deleting the order is
 *       what the council wants when a tenant cancels a repair. DRS takes no reason, so none is sent. A booking DRS
 *       no longer shows answers cancelled.</li>
 *   <li><b>Probe</b>: {@code openSession} then {@code closeSession} of that new session, once each; the shared
 *       session is left alone (see {@link DrsSession#probe}).</li>
 * </ul>
 */
final class DrsSchedulerProvider implements SchedulerProvider {
    private static final int DAYS_PER_CALL = 7;
    private static final int MAX_COMMENTS = 255;
    private static final String SEARCH_ORDER_NUMBER = "SLOTBRIDGE-SEARCH";
    private static final System.Logger LOG = System.getLogger(DrsSchedulerProvider.class.getName());

    private final DrsSession session;
    private final DrsSettings settings;
    private final Clock clock;
    private final ZoneId zone;
    private final ExecutorService executor;
    private final CallPermits permits;
    private final DrsCancellations cancellations;
    private final DrsCallbacks callbacks;

    DrsSchedulerProvider(DrsSession session, DrsSettings settings, Clock clock, ZoneId zone, ExecutorService executor,
                         CallPermits permits, DrsCancellations cancellations) {
        this.cancellations = cancellations;
        this.callbacks = new DrsCallbacks(zone);
        this.session = session;
        this.settings = settings;
        this.clock = clock;
        this.zone = zone;
        this.executor = executor;
        this.permits = permits;
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.SEARCH, Capability.BOOK, Capability.VIEW, Capability.LIST, Capability.RESCHEDULE,
                Capability.CANCEL, Capability.FIND_BY_REFERENCE, Capability.HOLD);
    }

    /**
     * One {@code checkAvailability} per 7 local days. The chunks after the first are started concurrently, each
     * holding a permit of the council's bulkhead, before the first (and any chunk for which no permit was free) is
     * asked on the caller's thread: a 14-day search waits for one round trip, not two.
     */
    @Override
    public List<Slot> search(SlotQuery query) {
        List<Future<List<Slot>>> concurrent = new ArrayList<>();
        List<LocalDate[]> onThisThread = new ArrayList<>();
        List<Slot> found = new ArrayList<>();
        try {
            for (LocalDate first = query.from(); !first.isAfter(query.to()); first = first.plusDays(DAYS_PER_CALL)) {
                LocalDate chunkStart = first;
                LocalDate chunkEnd = first.plusDays(DAYS_PER_CALL - 1L).isAfter(query.to()) ? query.to() : first.plusDays(DAYS_PER_CALL - 1L);
                if (first.isAfter(query.from()) && permits.tryAcquire()) {
                    concurrent.add(submit(() -> checkAvailability(query.job(), chunkStart, chunkEnd)));
                } else {
                    onThisThread.add(new LocalDate[]{chunkStart, chunkEnd});
                }
            }
            for (LocalDate[] chunk : onThisThread) {
                found.addAll(checkAvailability(query.job(), chunk[0], chunk[1]));
            }
            for (Future<List<Slot>> call : concurrent) {
                found.addAll(join(call));
            }
        } finally {
            concurrent.forEach(call -> call.cancel(true));
        }
        return SlotLists.merged(found);
    }

    /**
     * Runs a call holding a permit already taken. The permit is given back exactly once, when the call ends or is
     * cancelled, even one cancelled before it started.
     */
    private Future<List<Slot>> submit(Callable<List<Slot>> call) {
        FutureTask<List<Slot>> task = new FutureTask<>(SchedulerExchanges.carrying(call)) {
            @Override
            protected void done() {
                permits.release();
            }
        };
        try {
            executor.execute(task);
        } catch (RuntimeException e) {
            task.cancel(false);
            throw e;
        }
        return task;
    }

    private List<Slot> checkAvailability(Job job, LocalDate first, LocalDate last) {
        String begin = DrsTimes.startOfDay(first, zone);
        String end = DrsTimes.endOfDay(last, zone);
        DrsEnvelopes.Order order = new DrsEnvelopes.Order(null, settings.contract(), null, job.propertyRef(), null, null,
                null, null, null, job.externalRef() == null ? SEARCH_ORDER_NUMBER : job.externalRef(),
                job.priority() != null ? job.priority() : settings.defaultPriority(), null, job.jobCodes(), settings.userId());
        return session.call("checkAvailability", id -> DrsEnvelopes.checkAvailability(id, order, begin, end),
                DrsAvailability.reader(first.atStartOfDay(zone).toInstant(), last.plusDays(1).atStartOfDay(zone).toInstant(), zone))
                .slots();
    }

    /**
     * {@code createOrder}, then {@code scheduleBooking}. When scheduling fails the new order is deleted, so no orphan
     * stays; a refusal is then told apart (slot gone or not). When {@code createOrder}'s answer is lost the order may
     * exist without this provider knowing its id: the failure says the outcome is unknown, and
     * {@link #reconcileBooking} finds and finishes or removes it.
     */
    @Override
    public Booking book(BookingRequest request) {
        Placed placed = placeOrder(request.job(), request.contact(), request.accessNotes(), request.slot(), "scheduleBooking");
        return scheduled(request, placed.orderId(), placed.bookingId());
    }

    /**
     * {@code createOrder} without the tenant's contact, then {@code createReservation} of the slot's planning window
     * for its booking. A refused or failed reservation removes the order, as a failed booking does. DRS reservations
     * have no end of their own: the hold lasts until Slotbridge confirms or releases it, so it ends when asked.
     */
    @Override
    public HeldSlot hold(SlotKey slot, Job job, Instant until) {
        Placed placed;
        try {
            placed = placeOrder(job, null, null, slot, "createReservation");
        } catch (RuntimeException failure) {
            if (failure instanceof ProviderException scheduler && scheduler.kind().mayHaveApplied()) {
                removeUnplacedOrders(job);
            }
            throw failure;
        }
        return new HeldSlot(DrsMapping.holdKey(job, placed.orderId(), placed.bookingId()), until);
    }

    /**
     * Sets the tenant's contact and access notes on the held order ({@code updateOrder}, only when there are any),
     * then {@code confirmReservation}. When DRS refuses the confirmation its reservation is gone (dropped, or removed
     * by a planner): the order's booking is then scheduled into the slot like a booking, or, when the order is gone
     * too, the slot is booked afresh.
     */
    @Override
    public Booking confirmHold(HoldKey hold, BookingRequest request) {
        int orderId = number(hold.require(DrsMapping.ORDER_ID), "orderId");
        int bookingId = number(hold.require(DrsMapping.BOOKING_ID), "bookingId");
        Job job = request.job();
        if (request.contact() != null || request.accessNotes() != null) {
            try {
                session.call("updateOrder", id -> DrsEnvelopes.updateOrder(id, order(job, request.contact(),
                        request.accessNotes(), orderId, null, null)));
            } catch (RejectedBySchedulerException refused) {
                if (heldOrder(job.externalRef(), orderId).isEmpty()) {
                    return book(request);
                }
                throw refused;
            }
        }
        try {
            session.call("confirmReservation", id -> DrsEnvelopes.confirmReservation(id, booking(bookingId, orderId, job, request.slot())));
        } catch (RejectedBySchedulerException refused) {
            return afterLostReservation(request, orderId, bookingId);
        }
        return scheduled(request, orderId, bookingId);
    }

    private Booking afterLostReservation(BookingRequest request, int orderId, int bookingId) {
        Optional<XmlElement> order = heldOrder(request.job().externalRef(), orderId);
        if (order.isEmpty()) {
            return book(request);
        }
        Optional<Booking> booked = DrsMapping.booking(order.get(), bookingId, zone);
        if (booked.isPresent() && isInSlot(booked.get(), request.slot())) {
            return scheduled(request, orderId, bookingId);
        }
        try {
            schedule(bookingId, orderId, request.job(), request.slot());
        } catch (RejectedBySchedulerException refused) {
            removeOrphan(orderId, request.job(), refused);
            throw refusal(request.job(), request.slot(), refused);
        }
        return scheduled(request, orderId, bookingId);
    }

    /** The held order, when DRS still shows it with its booking (a deleted order it keeps has none). */
    private Optional<XmlElement> heldOrder(String orderNumber, int orderId) {
        return ordersNumbered(orderNumber).stream()
                .filter(order -> Integer.toString(orderId).equals(order.text("orderId")))
                .filter(order -> !order.children("theBookings").isEmpty()).findFirst();
    }

    /**
     * {@code deleteOrder} of the held order, unless DRS shows its booking confirmed. A refusal means the order is
     * gone already (DRS removed it, or an earlier release did).
     */
    @Override
    public void releaseHold(HoldKey hold) {
        int orderId = number(hold.require(DrsMapping.ORDER_ID), "orderId");
        int bookingId = number(hold.require(DrsMapping.BOOKING_ID), "bookingId");
        String orderNumber = hold.require(DrsMapping.ORDER_NUMBER);
        boolean confirmed = heldOrder(orderNumber, orderId)
                .flatMap(order -> DrsMapping.booking(order, bookingId, zone)).isPresent();
        if (!confirmed) {
            try {
                deleteOrder(orderId, hold.require(DrsMapping.LOCATION), orderNumber);
            } catch (RejectedBySchedulerException gone) {
                // nothing left to release
            }
        }
    }

    /** The new order's ids. */
    private record Placed(int orderId, int bookingId) {
    }

    /**
     * {@code createOrder}, then {@code operation} ({@code scheduleBooking} or {@code createReservation}) of its booking
     * into the slot. When that fails the order is removed; a refusal is then told apart (slot gone or not).
     */
    private Placed placeOrder(Job job, Contact contact, String accessNotes, SlotKey slot, String operation) {
        String priority = job.priority() != null ? job.priority() : settings.defaultPriority();
        if (priority == null) {
            throw new InvalidRequestException("job.priority", "is required: this council has no default priority");
        }
        DrsEnvelopes.Order order = order(job, contact, accessNotes, null, DrsTimes.format(DrsMapping.start(slot, zone)),
                DrsTimes.format(LocalDate.now(clock.withZone(zone)).plusDays(settings.targetDays())
                        .atTime(23, 59, 59).atZone(zone).toOffsetDateTime()));
        XmlElement created = session.call("createOrder", id -> DrsEnvelopes.createOrder(id, order)).child("theOrder")
                .orElseThrow(() -> new SchedulerResponseException("DRS created an order but did not return it", null));
        int orderId = number(created.text("orderId"), "orderId");
        int bookingId = number(created.child("theBookings").map(booking -> booking.text("bookingId")).orElse(null), "bookingId");
        try {
            DrsEnvelopes.Booking booking = booking(bookingId, orderId, job, slot);
            session.call(operation, id -> operation.equals("scheduleBooking")
                    ? DrsEnvelopes.scheduleBooking(id, booking) : DrsEnvelopes.createReservation(id, booking));
        } catch (RejectedBySchedulerException refused) {
            removeOrphan(orderId, job, refused);
            throw refusal(job, slot, refused);
        } catch (RuntimeException failure) {
            removeOrphan(orderId, job, failure);
            throw failure;
        }
        return new Placed(orderId, bookingId);
    }

    /**
     * After a {@code createOrder} for a hold whose answer was lost: removes the request's orders at the property that
     * DRS holds with no appointment and no reservation (what that call left), best effort.
     */
    private void removeUnplacedOrders(Job job) {
        try {
            for (XmlElement order : ordersNumbered(job.externalRef())) {
                if (job.propertyRef().equals(order.text("locationID")) && order.children("theBookings").stream()
                        .anyMatch(booking -> DrsMapping.unscheduled(order, booking, zone))) {
                    deleteOrder(number(order.text("orderId"), "orderId"), job.propertyRef(), job.externalRef());
                }
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "DRS orders of a hold whose creation was not answered could not be "
                    + "checked or removed: {0}", e.getClass().getSimpleName());
        }
    }

    private DrsEnvelopes.Order order(Job job, Contact contact, String accessNotes, Integer orderId,
                                     String earliestBookingDate, String targetDate) {
        String priority = job.priority() != null ? job.priority() : settings.defaultPriority();
        boolean withCodes = orderId == null;
        return new DrsEnvelopes.Order(contact == null ? null : contact.name(), settings.contract(), earliestBookingDate,
                job.propertyRef(), contact != null && contact.phone() != null, comments(job.description()), accessNotes,
                withCodes ? Integer.valueOf(0) : orderId, contact == null ? null : contact.phone(), job.externalRef(),
                priority, targetDate, withCodes ? job.jobCodes() : null, settings.userId());
    }

    /**
     * The booking as DRS now holds it, read back ({@code selectOrder}): what it stored of the request (no e-mail; its
     * own priority when none was given), so the answer is what a view shows. The booking was accepted, so a read that
     * fails or finds nothing leaves the outcome unknown ({@link AcceptedWrite}).
     */
    private Booking scheduled(BookingRequest request, int orderId, int bookingId) {
        BookingKey key = DrsMapping.key(request.job().externalRef(), Integer.toString(orderId), Integer.toString(bookingId));
        return AcceptedWrite.readBack("DRS booking " + bookingId + " of order " + orderId, () -> find(key));
    }

    /** The order's booking, when DRS holds the order and has it scheduled. */
    @Override
    public Optional<Booking> find(BookingKey key) {
        String orderId = key.require(DrsMapping.ORDER_ID);
        Optional<Booking> shown = ordersNumbered(key.require(DrsMapping.ORDER_NUMBER)).stream()
                .filter(candidate -> orderId.equals(candidate.text("orderId"))).findFirst()
                .flatMap(order -> DrsMapping.booking(order, number(key.require(DrsMapping.BOOKING_ID), "bookingId"), zone));
        return shown.isPresent() ? shown : cancellations.recall(key);
    }

    @Override
    public List<Booking> listByProperty(String propertyRef) {
        XmlElement answer = session.call("selectOrder", id -> DrsEnvelopes.selectOrder(id, propertyRef, null));
        List<Booking> bookings = new ArrayList<>();
        answer.children("theOrders").forEach(order -> bookings.addAll(DrsMapping.bookings(order, zone)));
        return bookings;
    }

    /**
     * {@code selectOrder} by {@code primaryOrderNumber}, then (when given) only the orders at the {@code locationID};
     * with the bookings Slotbridge cancelled whose orders DRS no longer shows.
     */
    @Override
    public List<Booking> findByExternalRef(String externalRef, Optional<String> propertyRef) {
        List<Booking> found = new ArrayList<>(ordersNumbered(externalRef).stream()
                .filter(order -> propertyRef.map(property -> property.equals(order.text("locationID"))).orElse(true))
                .flatMap(order -> DrsMapping.bookings(order, zone).stream()).toList());
        cancellations.recallByReference(externalRef).stream()
                .filter(cancelled -> found.stream().noneMatch(shown -> shown.key().equals(cancelled.key())))
                .filter(cancelled -> propertyRef.map(cancelled.job().propertyRef()::equals).orElse(true))
                .forEach(found::add);
        return found;
    }

    /**
     * The request's orders ({@code selectOrder} by order number, at the property): one with a booking scheduled in
     * the requested window is booked; one whose booking DRS has not scheduled was made by a {@code createOrder}
     * whose answer was lost, and is finished ({@code scheduleBooking} into the requested window: its creation is now
     * known, so nothing is sent twice) or, when DRS refuses that, removed ({@code deleteOrder}). A booking of the
     * order in another window is not this request's booking.
     */
    @Override
    public BookingOutcome reconcileBooking(BookingRequest request) {
        List<XmlElement> orders = ordersNumbered(request.job().externalRef()).stream()
                .filter(order -> request.job().propertyRef().equals(order.text("locationID"))).toList();
        Optional<Booking> booked = orders.stream().flatMap(order -> DrsMapping.bookings(order, zone).stream())
                .filter(booking -> booking.status() == BookingStatus.BOOKED && isInSlot(booking, request.slot()))
                .findFirst();
        if (booked.isPresent()) {
            return new BookingOutcome.Booked(booked.get(), null);
        }
        for (XmlElement order : orders) {
            for (XmlElement booking : order.children("theBookings")) {
                if (DrsMapping.unscheduled(order, booking, zone)) {
                    return finishOrRemove(request, number(order.text("orderId"), "orderId"),
                            number(booking.text("bookingId"), "bookingId"));
                }
            }
        }
        return new BookingOutcome.NotBooked(null);
    }

    private BookingOutcome finishOrRemove(BookingRequest request, int orderId, int bookingId) {
        try {
            schedule(bookingId, orderId, request.job(), request.slot());
            return new BookingOutcome.Booked(scheduled(request, orderId, bookingId),
                    "scheduled order " + orderId + " into the requested slot");
        } catch (RejectedBySchedulerException refused) {
            deleteOrder(orderId, request.job().propertyRef(), request.job().externalRef());
            return new BookingOutcome.NotBooked("deleted order " + orderId + ", which DRS would not schedule into the slot");
        }
    }

    @Override
    public boolean isInSlot(Booking booking, SlotKey slot) {
        return DrsMapping.isInSlot(booking, slot, zone);
    }

    @Override
    public Booking reschedule(BookingKey key, SlotKey newSlot) {
        Booking current = find(key).orElseThrow(() -> new BookingNotActiveException(
                "DRS no longer holds it: it was cancelled"));
        if (current.status() != BookingStatus.BOOKED) {
            throw new BookingNotActiveException("the booking is " + current.status());
        }
        try {
            schedule(number(key.require(DrsMapping.BOOKING_ID), "bookingId"), number(key.require(DrsMapping.ORDER_ID), "orderId"),
                    current.job(), newSlot);
        } catch (RejectedBySchedulerException refused) {
            throw refusal(current.job(), newSlot, refused);
        }
        return AcceptedWrite.readBack("DRS reschedule of booking " + key.require(DrsMapping.BOOKING_ID), () -> find(key));
    }

    /**
     * {@code deleteOrder}. A booking DRS no longer shows (the order is gone, or listed without the booking) is one that
     * was cancelled, here or by a planner: DRS never reuses order ids and refs are signed, so it answers cancelled and
     * sends nothing, whether or not the gateway keeps deleted orders and across restarts.
     */
    @Override
    public Booking cancel(BookingKey key, CancelRequest request) {
        Optional<Booking> found = find(key);
        if (found.isEmpty()) {
            return Booking.vanished(key, DrsMapping.refs(key.require(DrsMapping.ORDER_ID), key.require(DrsMapping.BOOKING_ID)));
        }
        Booking current = found.get();
        if (current.status() == BookingStatus.CANCELLED) {
            return current;
        }
        if (current.status() == BookingStatus.COMPLETED) {
            throw new RejectedBySchedulerException("The visit is completed and cannot be cancelled");
        }
        String orderId = key.require(DrsMapping.ORDER_ID);
        deleteOrder(number(orderId, "orderId"), current.job().propertyRef(), current.job().externalRef());
        Booking cancelled = current.withStatus(BookingStatus.CANCELLED);
        cancellations.remember(cancelled);
        return cancelled;
    }

    @Override
    public Optional<SchedulerCallbacks> callbacks() {
        return Optional.of(callbacks);
    }

    @Override
    public ProbeResult probe() {
        session.probe();
        return ProbeResult.REACHED;
    }

    @Override
    public void close() {
        session.close();
        executor.shutdownNow();
    }

    private void schedule(int bookingId, int orderId, Job job, SlotKey slot) {
        session.call("scheduleBooking", id -> DrsEnvelopes.scheduleBooking(id, booking(bookingId, orderId, job, slot)));
    }

    private DrsEnvelopes.Booking booking(int bookingId, int orderId, Job job, SlotKey slot) {
        return new DrsEnvelopes.Booking(bookingId, settings.contract(), job.propertyRef(), orderId,
                slot.require(DrsMapping.START), slot.require(DrsMapping.END), job.externalRef(), settings.userId());
    }

    /** A refused booking: slot gone → unavailable; still offered → the gateway's own message. */
    private RuntimeException refusal(Job job, SlotKey slot, RejectedBySchedulerException refused) {
        LocalDate day = DrsMapping.start(slot, zone).atZoneSameInstant(zone).toLocalDate();
        return Refusals.slotTakenOr(refused,
                () -> checkAvailability(job, day, day).stream().anyMatch(offered -> offered.key().equals(slot)), "DRS");
    }

    /**
     * Deletes an order whose booking could not be scheduled. When that fails too, the order may stay (scheduled or
     * not), so the booking's outcome is unknown: reconciliation will find it.
     */
    private void removeOrphan(int orderId, Job job, RuntimeException scheduling) {
        try {
            deleteOrder(orderId, job.propertyRef(), job.externalRef());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "DRS order {0} could not be removed after its booking failed: {1}",
                    orderId, e.getClass().getSimpleName());
            WriteOutcomeUnknownException unknown = new WriteOutcomeUnknownException("DRS created order " + orderId
                    + " but could neither schedule nor remove it", scheduling);
            unknown.addSuppressed(e);
            throw unknown;
        }
    }

    private void deleteOrder(int orderId, String locationId, String orderNumber) {
        DrsEnvelopes.Order order = new DrsEnvelopes.Order(null, settings.contract(), null, locationId, null, null,
                null, orderId, null, orderNumber, null, null, null, settings.userId());
        session.call("deleteOrder", id -> DrsEnvelopes.deleteOrder(id, order));
    }

    private List<XmlElement> ordersNumbered(String orderNumber) {
        return session.call("selectOrder", id -> DrsEnvelopes.selectOrder(id, null, orderNumber)).children("theOrders");
    }

    /** {@code orderComments} is required: the description cut to the gateway's 255 characters, or a single space. */
    static String comments(String description) {
        if (description == null || description.isBlank()) {
            return " ";
        }
        return description.length() > MAX_COMMENTS ? description.substring(0, MAX_COMMENTS) : description;
    }

    private static int number(String text, String field) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException | NullPointerException e) {
            throw new SchedulerResponseException("DRS sent no numeric " + field, e);
        }
    }

    private static List<Slot> join(Future<List<Slot>> call) {
        try {
            return call.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchedulerTimeoutException("the search was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new SchedulerResponseException("a checkAvailability call failed", e.getCause());
        }
    }
}
