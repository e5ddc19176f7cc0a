package dev.slotbridge.example.serviceorder;

import dev.slotbridge.spi.error.SchedulerResponseException;
import dev.slotbridge.spi.model.BookedSlot;
import dev.slotbridge.spi.model.Booking;
import dev.slotbridge.spi.model.BookingKey;
import dev.slotbridge.spi.model.BookingRequest;
import dev.slotbridge.spi.model.BookingStatus;
import dev.slotbridge.spi.model.Contact;
import dev.slotbridge.spi.model.Job;
import dev.slotbridge.spi.model.JobCode;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Uniform booking ↔ service order; pure functions. */
final class ServiceOrderMapping {
    static final String UID = "serviceOrderUid";

    private ServiceOrderMapping() {
    }

    static ServiceOrder order(BookingRequest request) {
        Job job = request.job();
        Contact contact = request.contact();
        return new ServiceOrder(null, null, "Repair " + job.externalRef(), job.externalRef(), job.propertyRef(),
                job.description(), job.priority(), request.slot().require("start"), request.slot().require("end"),
                request.slot().require("label"),
                job.jobCodes().stream().map(code -> new ServiceOrder.Item(code.code(), code.quantity())).toList(),
                contact == null ? null : new ServiceOrder.Contact(contact.name(), contact.phone(), contact.email()),
                request.accessNotes());
    }

    static Booking booking(ServiceOrder order, ZoneId zone) {
        if (order.serviceOrderUid() == null || order.items() == null || order.items().isEmpty()) {
            throw new SchedulerResponseException("a service order without uid or items", null);
        }
        List<JobCode> codes = order.items().stream().map(item -> new JobCode(item.articleNumber(), item.quantity())).toList();
        Job job = new Job(order.customerReference(), codes, order.priority(), order.externalReference(), order.description());
        ServiceOrder.Contact contact = order.contact();
        return new Booking(BookingKey.of(UID, order.serviceOrderUid()), status(order.state()),
                new BookedSlot(time(order.plannedStart(), zone), time(order.plannedEnd(), zone), order.plannedWindow()),
                job, contact == null ? null : new Contact(contact.name(), contact.phone(), contact.email()),
                order.notes(), Map.of(UID, order.serviceOrderUid()));
    }

    static BookingStatus status(String state) {
        String normalised = state == null ? "" : state.toUpperCase(Locale.ROOT);
        return switch (normalised) {
            case "DELETED", "CANCELLED" -> BookingStatus.CANCELLED;
            case "COMPLETED", "DONE", "CLOSED" -> BookingStatus.COMPLETED;
            case "" -> BookingStatus.UNKNOWN;
            default -> BookingStatus.BOOKED;
        };
    }

    private static OffsetDateTime time(String instant, ZoneId zone) {
        try {
            return Instant.parse(instant).atZone(zone).toOffsetDateTime();
        } catch (DateTimeParseException | NullPointerException e) {
            throw new SchedulerResponseException("a service order with an unreadable planned time", e);
        }
    }
}
