package dev.slotbridge.provider.connect;

import dev.slotbridge.provider.connect.wire.Appointment;
import dev.slotbridge.provider.connect.wire.AppointmentBooking;
import dev.slotbridge.provider.connect.wire.AvailabilityDay;
import dev.slotbridge.provider.connect.wire.AvailabilityPlanningWindow;
import dev.slotbridge.provider.connect.wire.AvailabilityResponse;
import dev.slotbridge.provider.connect.wire.Customer;
import dev.slotbridge.provider.connect.wire.OrderContact;
import dev.slotbridge.provider.connect.wire.OrderJobCode;
import dev.slotbridge.provider.connect.wire.PlanningWindow;
import dev.slotbridge.provider.connect.wire.SalesOrder;
import dev.slotbridge.provider.connect.wire.SalesOrderUpdate;
import dev.slotbridge.spi.error.SchedulerResponseException;
import dev.slotbridge.spi.model.BookedSlot;
import dev.slotbridge.spi.model.Booking;
import dev.slotbridge.spi.model.BookingKey;
import dev.slotbridge.spi.model.BookingStatus;
import dev.slotbridge.spi.model.Contact;
import dev.slotbridge.spi.model.Job;
import dev.slotbridge.spi.model.JobCode;
import dev.slotbridge.spi.model.Slot;
import dev.slotbridge.spi.model.SlotKey;
import dev.slotbridge.spi.support.SlotLists;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Uniform values ↔ Connect objects; pure functions. Connect's dates and date-times are UK wall-clock times: they
 * are read in the council's zone, and parsed whether or not a time part is given ({@code 2026-03-02},
 * {@code 2026-03-02T00:00:00}, {@code 2026-03-02 08:00:00}).
 */
final class ConnectMapping {
    /** {@code JobDescription} is required; a search that must create the order without one uses this. */
    static final String PLACEHOLDER_DESCRIPTION = "Repair booked through Slotbridge";
    static final String ORDER = "order";
    static final String DATE = "date";
    static final String WINDOW = "window";
    /** In a slot key: {@link #digest} of the order's description when searched, so booking knows whether to change it. */
    static final String DESCRIPTION = "description";
    static final String VISIT = "visit";

    private ConnectMapping() {
    }

    /**
     * A new order for the job, for an existing customer (the property), due by {@code targetDate}, with the tenant's
     * contact when the search gave one: Connect takes an {@code OrderContact} only when the order is created.
     */
    static SalesOrder newOrder(Job job, Contact contact, String priority, LocalDate targetDate, ConnectSettings settings) {
        String description = job.description() == null ? PLACEHOLDER_DESCRIPTION : job.description();
        List<OrderJobCode> codes = job.jobCodes().stream()
                .map(code -> new OrderJobCode(code.code(), BigDecimal.valueOf(code.quantity()))).toList();
        return new SalesOrder(job.externalRef(), true, new Customer(job.propertyRef(), settings.organisationExternalId()),
                orderContact(contact), settings.contractExternalId(), targetDate.toString(), priority, null, description,
                codes, null);
    }

    /**
     * The contact as an {@code OrderContact}: a UK mobile number ({@code 07…}, {@code +447…}, {@code 00447…}) as
     * {@code MobilePhone}, any other as {@code HomePhone}; null when there is nothing to send.
     */
    static OrderContact orderContact(Contact contact) {
        if (contact == null || (contact.name() == null && contact.phone() == null && contact.email() == null)) {
            return null;
        }
        String phone = contact.phone();
        boolean mobile = phone != null && phone.replaceAll("[ ()-]", "").matches("(07|\\+447|00447)\\d+");
        return new OrderContact(contact.name(), mobile ? null : phone, mobile ? phone : null, contact.email());
    }

    /** The order's {@code OrderContact} as the uniform contact: the mobile number when there is one, else the home one. */
    private static Contact contact(OrderContact contact) {
        if (contact == null) {
            return null;
        }
        String phone = contact.mobilePhone() != null ? contact.mobilePhone() : contact.homePhone();
        return contact.contactName() == null && phone == null && contact.emailAddress() == null ? null
                : new Contact(contact.contactName(), phone, contact.emailAddress());
    }

    /** A short fingerprint of a description, kept in slot keys. */
    static String digest(String description) {
        return Integer.toHexString(String.valueOf(description).hashCode());
    }

    /**
     * Every available or preferred day × planning window between the dates, as slots.
     *
     * @param description the order's description when searched: booking with another one changes it first
     */
    static List<Slot> slots(AvailabilityResponse answer, String order, Map<Integer, PlanningWindow> windows,
                            LocalDate from, LocalDate to, ZoneId zone, String description) {
        List<Slot> slots = new ArrayList<>();
        if (answer == null || answer.availabilityPlanningWindows() == null) {
            return slots;
        }
        String searched = digest(description);
        for (AvailabilityPlanningWindow byWindow : answer.availabilityPlanningWindows()) {
            PlanningWindow window = windows.get(byWindow.planningWindowId());
            if (window == null || byWindow.availabilityDays() == null) {
                continue;
            }
            String windowId = Integer.toString(window.id());
            for (AvailabilityDay day : byWindow.availabilityDays()) {
                LocalDate date = day.date();
                boolean offered = day.availabilityStatus() == AvailabilityDay.AVAILABLE
                        || day.availabilityStatus() == AvailabilityDay.PREFERRED;
                if (offered && !date.isBefore(from) && !date.isAfter(to)) {
                    SlotKey key = SlotKey.of(ORDER, order, DATE, date.toString(), WINDOW, windowId, DESCRIPTION, searched);
                    slots.add(new Slot(start(date, window, zone), end(date, window, zone), window.name(),
                            day.availabilityStatus() == AvailabilityDay.PREFERRED, key));
                }
            }
        }
        return SlotLists.merged(slots);
    }

    /** Whether an availability answer still offers the day and window. */
    static boolean offers(AvailabilityResponse answer, LocalDate date, int windowId) {
        return answer != null && answer.availabilityPlanningWindows() != null && answer.availabilityPlanningWindows().stream()
                .filter(byWindow -> byWindow.planningWindowId() == windowId && byWindow.availabilityDays() != null)
                .flatMap(byWindow -> byWindow.availabilityDays().stream())
                .anyMatch(day -> day.date().equals(date) && (day.availabilityStatus() == AvailabilityDay.AVAILABLE
                        || day.availabilityStatus() == AvailabilityDay.PREFERRED));
    }

    static OffsetDateTime start(LocalDate date, PlanningWindow window, ZoneId zone) {
        return date.atTime(window.startHour(), window.startMinute()).atZone(zone).toOffsetDateTime();
    }

    static OffsetDateTime end(LocalDate date, PlanningWindow window, ZoneId zone) {
        return date.atTime(window.endHour(), window.endMinute()).atZone(zone).toOffsetDateTime();
    }

    /** An appointment of an order as a uniform booking; the window's name is looked up by its times. */
    static Booking booking(Appointment appointment, SalesOrder order, Map<Integer, PlanningWindow> windows,
                           String propertyRef, ZoneId zone) {
        LocalDateTime start = dateTime(appointment.planningWindowStart());
        LocalDateTime end = dateTime(appointment.planningWindowEnd());
        String label = windows.values().stream()
                .filter(window -> LocalTime.of(window.startHour(), window.startMinute()).equals(start.toLocalTime())
                        && LocalTime.of(window.endHour(), window.endMinute()).equals(end.toLocalTime()))
                .map(PlanningWindow::name).findFirst().orElse(null);
        BookingStatus status = isCancelled(order) ? BookingStatus.CANCELLED : status(appointment.visitStatus());
        return new Booking(key(order.primaryOrderNumber(), appointment.visitExternalId()), status,
                new BookedSlot(start.atZone(zone).toOffsetDateTime(), end.atZone(zone).toOffsetDateTime(), label),
                job(order, propertyRef), contact(order.orderContact()), appointment.visitInstructions(),
                refs(order.primaryOrderNumber(), appointment.visitExternalId()));
    }

    /**
     * A cancelled order whose visit Connect no longer lists in {@code BookingSummary} (the document does not say it
     * keeps them): cancelled, with the order's job and no slot.
     */
    static Booking cancelledOrder(SalesOrder order, BookingKey key) {
        String visit = key.values().get(VISIT);
        return new Booking(key, BookingStatus.CANCELLED, null, job(order, null), contact(order.orderContact()), null,
                refs(order.primaryOrderNumber(), visit));
    }

    /** {@code OrderStatus} 11 is how this provider cancels an order. */
    static boolean isCancelled(SalesOrder order) {
        return order.orderStatus() != null && order.orderStatus() == SalesOrderUpdate.CANCEL;
    }

    private static Job job(SalesOrder order, String propertyRef) {
        List<JobCode> codes = order.jobCodes() == null ? List.of() : order.jobCodes().stream()
                .map(code -> new JobCode(code.codeExternalId(),
                        code.quantity() == null ? 1 : Math.max(1, code.quantity().intValue()))).toList();
        if (codes.isEmpty()) {
            throw new SchedulerResponseException("Connect order has no job codes", null);
        }
        String property = order.customer() != null && order.customer().externalId() != null
                ? order.customer().externalId() : propertyRef;
        if (property == null) {
            throw new SchedulerResponseException("Connect order has no customer", null);
        }
        return new Job(property, codes, order.priorityExternalId(), order.primaryOrderNumber(), order.jobDescription());
    }

    private static Map<String, String> refs(String order, String visit) {
        return visit == null ? Map.of("orderId", order) : Map.of("orderId", order, "visitId", visit);
    }

    static BookingKey key(String order, String visit) {
        return visit == null ? BookingKey.of(ORDER, order) : BookingKey.of(ORDER, order, VISIT, visit);
    }

    /** VisitStatus: planned, accepted, started, booked → BOOKED; completed; pending deletion → CANCELLED. */
    static BookingStatus status(Integer visitStatus) {
        if (visitStatus == null) {
            return BookingStatus.UNKNOWN;
        }
        return switch (visitStatus) {
            case 0, 1, 2, 5 -> BookingStatus.BOOKED;
            case 3 -> BookingStatus.COMPLETED;
            case 4 -> BookingStatus.CANCELLED;
            default -> BookingStatus.UNKNOWN;
        };
    }

    /** 0 (message the tenant) when there is a phone or e-mail to message, else 1 (don't). */
    static int messagingPreference(Contact contact) {
        return contact != null && (contact.phone() != null || contact.email() != null)
                ? AppointmentBooking.MESSAGE
                : AppointmentBooking.DONT_MESSAGE;
    }

    static LocalDate date(String text) {
        return dateTime(text).toLocalDate();
    }

    static LocalDateTime dateTime(String text) {
        try {
            String value = Optional.ofNullable(text).orElseThrow().strip().replace(' ', 'T');
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay() : LocalDateTime.parse(value);
        } catch (DateTimeParseException | java.util.NoSuchElementException e) {
            throw new SchedulerResponseException("Connect sent a date that is not yyyy-MM-dd[THH:mm:ss]", e);
        }
    }
}
