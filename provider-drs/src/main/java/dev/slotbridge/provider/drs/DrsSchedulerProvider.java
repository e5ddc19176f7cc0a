package dev.slotbridge.provider.drs;

import dev.slotbridge.spi.Capability;
import dev.slotbridge.spi.SchedulerProvider;
import dev.slotbridge.spi.error.BookingNotActiveException;
import dev.slotbridge.spi.error.BookingNotFoundException;
import dev.slotbridge.spi.error.InvalidRequestException;
import dev.slotbridge.spi.error.RejectedBySchedulerException;
import dev.slotbridge.spi.error.SchedulerResponseException;
import dev.slotbridge.spi.error.SchedulerTimeoutException;
import dev.slotbridge.spi.error.SlotUnavailableException;
import dev.slotbridge.spi.model.BookedSlot;
import dev.slotbridge.spi.model.Booking;
import dev.slotbridge.spi.model.BookingKey;
import dev.slotbridge.spi.model.BookingRequest;
import dev.slotbridge.spi.model.BookingStatus;
import dev.slotbridge.spi.model.CancelRequest;
import dev.slotbridge.spi.model.Contact;
import dev.slotbridge.spi.model.Job;
import dev.slotbridge.spi.model.Slot;
import dev.slotbridge.spi.model.SlotKey;
import dev.slotbridge.spi.model.SlotQuery;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * A council on Kirona DRS, through its SOAP Web Services Gateway.
 *
 * <ul>
 *   <li><b>Search</b>: {@code checkAvailability} for the location, job codes and priority, in calls of at most 7
 *       local days (the gateway returns no more), made concurrently and merged.</li>
 *   <li><b>Book</b>: {@code createOrder} (which also creates the booking) then {@code scheduleBooking} into the
 *       slot's planning window. If scheduling fails the new order is removed with {@code deleteOrder}, so no orphan
 *       job stays in the diary; a refusal is then checked against availability (409 slot gone, else 422).</li>
 *   <li><b>View / list / find by order number</b>: {@code selectOrder} by order number or location (its bookings are
 *       inside; {@code selectBooking} cannot select by booking id).</li>
 *   <li><b>Reschedule</b>: {@code scheduleBooking} again with the new window: the gateway updates the booking.</li>
 *   <li><b>Cancel</b>: {@code deleteOrder}. The WSDL has no cancelled status (order states are PLANNED, STARTED,
 *       COMPLETED) and removing only the booking would leave an unscheduled job in the diary; deleting the order is
 *       what the council wants when a tenant cancels a repair. DRS takes no reason, so none is sent.</li>
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
    private final DeletedOrders deleted = new DeletedOrders();

    DrsSchedulerProvider(DrsSession session, DrsSettings settings, Clock clock, ZoneId zone, ExecutorService executor) {
        this.session = session;
        this.settings = settings;
        this.clock = clock;
        this.zone = zone;
        this.executor = executor;
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.allOf(Capability.class);
    }

    @Override
    public List<Slot> search(SlotQuery query) {
        List<Future<List<Slot>>> calls = new ArrayList<>();
        for (LocalDate first = query.from(); !first.isAfter(query.to()); first = first.plusDays(DAYS_PER_CALL)) {
            LocalDate chunkStart = first;
            LocalDate chunkEnd = first.plusDays(DAYS_PER_CALL - 1L).isAfter(query.to()) ? query.to() : first.plusDays(DAYS_PER_CALL - 1L);
            calls.add(executor.submit(() -> checkAvailability(query.job(), chunkStart, chunkEnd)));
        }
        Map<SlotKey, Slot> unique = new LinkedHashMap<>();
        for (Future<List<Slot>> call : calls) {
            join(call, calls).forEach(slot -> unique.putIfAbsent(slot.key(), slot));
        }
        List<Slot> slots = new ArrayList<>(unique.values());
        slots.sort(Comparator.comparing((Slot slot) -> slot.start().toInstant()).thenComparing(slot -> slot.end().toInstant()));
        return slots;
    }

    private List<Slot> checkAvailability(Job job, LocalDate first, LocalDate last) {
        String begin = DrsTimes.startOfDay(first, zone);
        String end = DrsTimes.endOfDay(last, zone);
        DrsEnvelopes.Order order = new DrsEnvelopes.Order(null, settings.contract(), null, job.propertyRef(), null, null,
                null, null, null, job.externalRef() == null ? SEARCH_ORDER_NUMBER : job.externalRef(),
                job.priority() != null ? job.priority() : settings.defaultPriority(), null, job.jobCodes(), settings.userId());
        XmlElement answer = session.call("checkAvailability", id -> DrsEnvelopes.checkAvailability(id, order, begin, end));
        return DrsMapping.slots(answer, first.atStartOfDay(zone).toInstant(), last.plusDays(1).atStartOfDay(zone).toInstant(), zone);
    }

    @Override
    public Booking book(BookingRequest request) {
        Job job = request.job();
        OffsetDateTime start = DrsMapping.start(request.slot(), zone);
        Contact contact = request.contact();
        String priority = job.priority() != null ? job.priority() : settings.defaultPriority();
        if (priority == null) {
            throw new InvalidRequestException("job.priority", "is required: this council has no default priority");
        }
        DrsEnvelopes.Order order = new DrsEnvelopes.Order(contact == null ? null : contact.name(), settings.contract(),
                DrsTimes.format(start), job.propertyRef(), contact != null && contact.phone() != null,
                comments(job.description()), request.accessNotes(), 0, contact == null ? null : contact.phone(),
                job.externalRef(), priority, DrsTimes.format(LocalDate.now(clock.withZone(zone)).plusDays(settings.targetDays())
                .atTime(23, 59, 59).atZone(zone).toOffsetDateTime()), job.jobCodes(), settings.userId());
        XmlElement created = session.call("createOrder", id -> DrsEnvelopes.createOrder(id, order)).child("theOrder")
                .orElseThrow(() -> new SchedulerResponseException("DRS created an order but did not return it", null));
        int orderId = number(created.text("orderId"), "orderId");
        int bookingId = number(created.child("theBookings").map(booking -> booking.text("bookingId")).orElse(null), "bookingId");
        try {
            schedule(bookingId, orderId, job, request.slot());
        } catch (RejectedBySchedulerException refused) {
            removeOrphan(orderId, job);
            throw refusal(job, request.slot(), refused);
        } catch (RuntimeException failure) {
            removeOrphan(orderId, job);
            throw failure;
        }
        return new Booking(key(job.externalRef(), orderId, bookingId), BookingStatus.BOOKED, window(request.slot()), job,
                contact, request.accessNotes(), Map.of(DrsMapping.ORDER_ID, Integer.toString(orderId),
                DrsMapping.BOOKING_ID, Integer.toString(bookingId)));
    }

    @Override
    public Optional<Booking> find(BookingKey key) {
        String orderId = key.require(DrsMapping.ORDER_ID);
        Optional<XmlElement> order = ordersNumbered(key.require(DrsMapping.ORDER_NUMBER)).stream()
                .filter(candidate -> orderId.equals(candidate.text("orderId"))).findFirst();
        if (order.isEmpty()) {
            return deleted.find(orderId);
        }
        return DrsMapping.booking(order.get(), number(key.require(DrsMapping.BOOKING_ID), "bookingId"), zone);
    }

    @Override
    public List<Booking> listByProperty(String propertyRef) {
        XmlElement answer = session.call("selectOrder", id -> DrsEnvelopes.selectOrder(id, propertyRef, null));
        List<Booking> bookings = new ArrayList<>();
        answer.children("theOrders").forEach(order -> bookings.addAll(DrsMapping.bookings(order, zone)));
        return bookings;
    }

    @Override
    public boolean findsByExternalRef() {
        return true;
    }

    @Override
    public Optional<Booking> findByExternalRef(String propertyRef, String externalRef) {
        return ordersNumbered(externalRef).stream().flatMap(order -> DrsMapping.bookings(order, zone).stream())
                .max(Comparator.comparing((Booking booking) -> booking.status() == BookingStatus.BOOKED)
                        .thenComparing(booking -> booking.slot().start().toInstant()));
    }

    @Override
    public Booking reschedule(BookingKey key, SlotKey newSlot) {
        Booking current = find(key).orElseThrow(() -> new BookingNotFoundException("DRS holds no such booking"));
        if (current.status() != BookingStatus.BOOKED) {
            throw new BookingNotActiveException("the booking is " + current.status());
        }
        try {
            schedule(number(key.require(DrsMapping.BOOKING_ID), "bookingId"), number(key.require(DrsMapping.ORDER_ID), "orderId"),
                    current.job(), newSlot);
        } catch (RejectedBySchedulerException refused) {
            throw refusal(current.job(), newSlot, refused);
        }
        return current.withSlot(window(newSlot));
    }

    @Override
    public Booking cancel(BookingKey key, CancelRequest request) {
        Booking current = find(key).orElseThrow(() -> new BookingNotFoundException("DRS holds no such booking"));
        if (current.status() == BookingStatus.CANCELLED) {
            return current;
        }
        if (current.status() == BookingStatus.COMPLETED) {
            throw new RejectedBySchedulerException("The visit is completed and cannot be cancelled");
        }
        String orderId = key.require(DrsMapping.ORDER_ID);
        deleteOrder(number(orderId, "orderId"), current.job());
        deleted.remember(orderId, current);
        return current.withStatus(BookingStatus.CANCELLED);
    }

    @Override
    public void close() {
        session.close();
        executor.shutdownNow();
    }

    private void schedule(int bookingId, int orderId, Job job, SlotKey slot) {
        DrsEnvelopes.Booking booking = new DrsEnvelopes.Booking(bookingId, settings.contract(), job.propertyRef(), orderId,
                slot.require(DrsMapping.START), slot.require(DrsMapping.END), job.externalRef(), settings.userId());
        session.call("scheduleBooking", id -> DrsEnvelopes.scheduleBooking(id, booking));
    }

    /** A refused booking: slot gone → unavailable; still offered → the gateway's own message. */
    private RuntimeException refusal(Job job, SlotKey slot, RejectedBySchedulerException refused) {
        LocalDate day = DrsMapping.start(slot, zone).atZoneSameInstant(zone).toLocalDate();
        boolean stillOffered = checkAvailability(job, day, day).stream().anyMatch(offered -> offered.key().equals(slot));
        return stillOffered ? refused : new SlotUnavailableException("DRS no longer offers that window");
    }

    private void removeOrphan(int orderId, Job job) {
        try {
            deleteOrder(orderId, job);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "DRS order {0} could not be removed after its booking failed: {1}",
                    orderId, e.getClass().getSimpleName());
        }
    }

    private void deleteOrder(int orderId, Job job) {
        DrsEnvelopes.Order order = new DrsEnvelopes.Order(null, settings.contract(), null, job.propertyRef(), null, null,
                null, orderId, null, job.externalRef(), null, null, null, settings.userId());
        session.call("deleteOrder", id -> DrsEnvelopes.deleteOrder(id, order));
    }

    private List<XmlElement> ordersNumbered(String orderNumber) {
        return session.call("selectOrder", id -> DrsEnvelopes.selectOrder(id, null, orderNumber)).children("theOrders");
    }

    private BookedSlot window(SlotKey slot) {
        return new BookedSlot(DrsTimes.local(DrsMapping.start(slot, zone), zone), DrsTimes.local(DrsMapping.end(slot, zone), zone), null);
    }

    private static BookingKey key(String orderNumber, int orderId, int bookingId) {
        return BookingKey.of(DrsMapping.ORDER_NUMBER, orderNumber, DrsMapping.ORDER_ID, Integer.toString(orderId),
                DrsMapping.BOOKING_ID, Integer.toString(bookingId));
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

    private static List<Slot> join(Future<List<Slot>> call, List<Future<List<Slot>>> all) {
        try {
            return call.get();
        } catch (InterruptedException e) {
            all.forEach(other -> other.cancel(true));
            Thread.currentThread().interrupt();
            throw new SchedulerTimeoutException("the search was interrupted", e);
        } catch (ExecutionException e) {
            all.forEach(other -> other.cancel(true));
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new SchedulerResponseException("a checkAvailability call failed", e.getCause());
        }
    }
}
