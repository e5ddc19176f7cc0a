package dev.slotbridge.provider.drs;

import dev.slotbridge.spi.error.SchedulerResponseException;
import dev.slotbridge.spi.model.BookedSlot;
import dev.slotbridge.spi.model.Booking;
import dev.slotbridge.spi.model.BookingKey;
import dev.slotbridge.spi.model.BookingStatus;
import dev.slotbridge.spi.model.Contact;
import dev.slotbridge.spi.model.HoldKey;
import dev.slotbridge.spi.model.Job;
import dev.slotbridge.spi.model.JobCode;
import dev.slotbridge.spi.model.Slot;
import dev.slotbridge.spi.model.SlotKey;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * DRS answers ↔ uniform values; pure functions.
 *
 * <ul>
 *   <li>Slots: every {@code theSlots/slotsForDay} with {@code available} = YES (NO and MAYBE are not offered);
 *       {@code bestSlot} → preferred; DRS names no windows, so {@code label} is null.</li>
 *   <li>Bookings: one DRS booking of an order; its key is the order number, {@code orderId} and {@code bookingId}.
 *       {@code bookingLifeCycleStatus} COMPLETED → COMPLETED, any other known state → BOOKED. A booking DRS has not
 *       scheduled ({@link #unscheduled}) holds no appointment and is never mapped, so no window is invented; nor is
 *       one {@link #reserved} (a hold).</li>
 * </ul>
 */
final class DrsMapping {
    static final String START = "start";
    static final String END = "end";
    static final String ORDER_NUMBER = "orderNumber";
    static final String ORDER_ID = "orderId";
    static final String BOOKING_ID = "bookingId";
    static final String LOCATION = "location";

    private DrsMapping() {
    }

    /**
     * One {@code slotsForDay} of a {@code checkAvailability} answer as a slot, or null when it is not offered or does
     * not start and end within the range.
     */
    static Slot slot(String available, String beginDate, String bestSlot, String endDate, Instant rangeStart,
                     Instant rangeEnd, ZoneId zone) {
        if (!"YES".equalsIgnoreCase(available)) {
            return null;
        }
        OffsetDateTime start = DrsTimes.local(DrsTimes.parse(beginDate, zone), zone);
        OffsetDateTime end = DrsTimes.local(DrsTimes.parse(endDate, zone), zone);
        if (!end.isAfter(start) || start.toInstant().isBefore(rangeStart) || end.toInstant().isAfter(rangeEnd)) {
            return null;
        }
        return new Slot(start, end, null, "true".equalsIgnoreCase(bestSlot),
                SlotKey.of(START, DrsTimes.format(start, beginDate), END, DrsTimes.format(end, endDate)));
    }

    static OffsetDateTime start(SlotKey slot, ZoneId zone) {
        return DrsTimes.parse(slot.require(START), zone);
    }

    static OffsetDateTime end(SlotKey slot, ZoneId zone) {
        return DrsTimes.parse(slot.require(END), zone);
    }

    /** The booking with {@code bookingId} among the order's scheduled bookings, as a uniform booking. */
    static Optional<Booking> booking(XmlElement order, int bookingId, ZoneId zone) {
        return order.children("theBookings").stream()
                .filter(booking -> Integer.toString(bookingId).equals(booking.text("bookingId")))
                .filter(booking -> shown(order, booking, zone))
                .findFirst().map(booking -> booking(order, booking, zone));
    }

    /**
     * The order's scheduled bookings; one DRS has not scheduled holds no appointment, and one only reserved is a hold,
     * not a booking: both are left out.
     */
    static List<Booking> bookings(XmlElement order, ZoneId zone) {
        return order.children("theBookings").stream().filter(booking -> shown(order, booking, zone))
                .map(booking -> booking(order, booking, zone)).toList();
    }

    /**
     * Whether DRS holds the booking without an appointment: it has no planning window, or its window is the order's
     * whole span, ending at the order's {@code targetDate} (how the gateway shows a booking that {@code createOrder}
     * made and {@code scheduleBooking} has not yet placed). Such a booking is never shown as booked.
     */
    static boolean unscheduled(XmlElement order, XmlElement booking, ZoneId zone) {
        String start = booking.text("planningWindowStart");
        String end = booking.text("planningWindowEnd");
        if (start == null || end == null) {
            return true;
        }
        String target = order.text("targetDate");
        return target != null && DrsTimes.parse(end, zone).isEqual(DrsTimes.parse(target, zone));
    }

    private static boolean shown(XmlElement order, XmlElement booking, ZoneId zone) {
        return !unscheduled(order, booking, zone) && !reserved(booking);
    }

    /** Whether the booking is a reservation not yet confirmed ({@code bookingLifeCycleStatus} RESERVED). */
    static boolean reserved(XmlElement booking) {
        return "RESERVED".equalsIgnoreCase(booking.text("bookingLifeCycleStatus"));
    }

    /** What releasing or confirming a hold needs: the order's number, ids and property. */
    static HoldKey holdKey(Job job, int orderId, int bookingId) {
        return HoldKey.of(ORDER_NUMBER, job.externalRef(), ORDER_ID, Integer.toString(orderId),
                BOOKING_ID, Integer.toString(bookingId), LOCATION, job.propertyRef());
    }

    private static Booking booking(XmlElement order, XmlElement booking, ZoneId zone) {
        String orderNumber = require(order, "primaryOrderNumber");
        String orderId = require(order, "orderId");
        String bookingId = require(booking, "bookingId");
        OffsetDateTime start = DrsTimes.local(DrsTimes.parse(require(booking, "planningWindowStart"), zone), zone);
        OffsetDateTime end = DrsTimes.local(DrsTimes.parse(require(booking, "planningWindowEnd"), zone), zone);
        List<JobCode> codes = codes(order.children("theBookingCodes").isEmpty()
                ? booking.children("theBookingCodes") : order.children("theBookingCodes"));
        if (codes.isEmpty()) {
            throw new SchedulerResponseException("DRS order " + orderId + " has no booking codes", null);
        }
        Job job = new Job(require(order, "locationID"), codes, order.text("priority"), orderNumber, order.text("orderComments"));
        String contactName = order.text("contactName");
        String phone = order.text("phone");
        Contact contact = contactName == null && phone == null ? null : new Contact(contactName, phone, null);
        return new Booking(key(orderNumber, orderId, bookingId),
                status(booking.text("bookingLifeCycleStatus")), new BookedSlot(start, end, null), job, contact,
                order.text("orderCommentsExtended"), refs(orderId, bookingId));
    }

    static BookingKey key(String orderNumber, String orderId, String bookingId) {
        return BookingKey.of(ORDER_NUMBER, orderNumber, ORDER_ID, orderId, BOOKING_ID, bookingId);
    }

    static Map<String, String> refs(String orderId, String bookingId) {
        return Map.of(ORDER_ID, orderId, BOOKING_ID, bookingId);
    }

    /** Whether the booking's window is the slot's: same start and end instants. */
    static boolean isInSlot(Booking booking, SlotKey slot, ZoneId zone) {
        return booking.slot() != null && booking.slot().start().isEqual(start(slot, zone))
                && booking.slot().end().isEqual(end(slot, zone));
    }

    static BookingStatus status(String lifeCycle) {
        if (lifeCycle == null || lifeCycle.equalsIgnoreCase("undefined")) {
            return BookingStatus.BOOKED;
        }
        return lifeCycle.equalsIgnoreCase("COMPLETED") ? BookingStatus.COMPLETED : BookingStatus.BOOKED;
    }

    private static List<JobCode> codes(List<XmlElement> bookingCodes) {
        return bookingCodes.stream().filter(code -> code.text("bookingCodeSORCode") != null)
                .map(code -> new JobCode(code.text("bookingCodeSORCode"), quantity(code.text("quantity")))).toList();
    }

    /** DRS writes quantities as decimals ({@code 1.0}); at least 1. */
    private static int quantity(String text) {
        try {
            return text == null ? 1 : Math.max(1, new BigDecimal(text).intValue());
        } catch (NumberFormatException e) {
            throw new SchedulerResponseException("DRS sent a quantity that is not a number", e);
        }
    }

    private static String require(XmlElement element, String child) {
        String text = element.text(child);
        if (text == null) {
            throw new SchedulerResponseException("DRS left out " + child + " in " + element.name(), null);
        }
        return text;
    }
}
