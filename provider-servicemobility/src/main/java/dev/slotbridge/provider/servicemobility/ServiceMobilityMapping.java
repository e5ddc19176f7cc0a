package dev.slotbridge.provider.servicemobility;

import dev.slotbridge.provider.servicemobility.wire.Account;
import dev.slotbridge.provider.servicemobility.wire.AppointmentSearch;
import dev.slotbridge.provider.servicemobility.wire.BookJob;
import dev.slotbridge.provider.servicemobility.wire.BookJobLocation;
import dev.slotbridge.provider.servicemobility.wire.LocationContact;
import dev.slotbridge.provider.servicemobility.wire.OpenSlots;
import dev.slotbridge.provider.servicemobility.wire.Period;
import dev.slotbridge.provider.servicemobility.wire.Phone;
import dev.slotbridge.provider.servicemobility.wire.SearchLocation;
import dev.slotbridge.provider.servicemobility.wire.TimeConstraint;
import dev.slotbridge.spi.error.SchedulerResponseException;
import dev.slotbridge.spi.model.Booking;
import dev.slotbridge.spi.model.BookedSlot;
import dev.slotbridge.spi.model.BookingKey;
import dev.slotbridge.spi.model.BookingRequest;
import dev.slotbridge.spi.model.BookingStatus;
import dev.slotbridge.spi.model.Contact;
import dev.slotbridge.spi.model.Job;
import dev.slotbridge.spi.model.JobCode;
import dev.slotbridge.spi.model.Slot;
import dev.slotbridge.spi.model.SlotKey;
import dev.slotbridge.spi.support.SlotLists;
import dev.slotbridge.spi.model.SlotQuery;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Uniform values ↔ ServiceMobility objects; pure functions.
 *
 * <ul>
 *   <li>{@code propertyRef} is both the managed account ({@code Account.AccountNum}) and the managed location
 *       ({@code Location.LocationNum} in a search, {@code Location.LocNumber} in a booking, as each object's spec
 *       names it): councils' property references identify the tenancy and the place alike.</li>
 *   <li>The search range is one {@code TimeConstraints} period from {@code from} 00:00 to {@code to} 24:00 in the
 *       council's zone, sent in UTC ({@code YYYY-MM-DD'T'HH:mm:ss.SSS'Z'}).</li>
 *   <li>Answers' periods become slots in the council's zone; {@code Desc} is the label; ServiceMobility marks no slot
 *       as preferred. Periods outside the range are dropped, duplicates removed, the rest sorted.</li>
 *   <li>Job codes go as {@code ServiceCodes} (quantities are not carried: the interface has no place for them).</li>
 * </ul>
 */
final class ServiceMobilityMapping {
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final String START = "start";
    private static final String END = "end";
    private static final String ID = "id";
    private static final String DESC = "desc";
    private static final String TYPE = "type";
    static final String ORDER_NUM = "orderNum";

    private ServiceMobilityMapping() {
    }

    static AppointmentSearch search(SlotQuery query, String orderType, ZoneId zone) {
        return new AppointmentSearch(new Account(query.job().propertyRef()),
                new SearchLocation(query.job().propertyRef()), orderType, query.job().externalRef(),
                List.of(days("Requested dates", query.from(), query.to(), zone)));
    }

    /** The probe's search: the open slots of one day, for no account or location (the probe knows no property). */
    static AppointmentSearch probe(LocalDate day, String orderType, ZoneId zone) {
        return new AppointmentSearch(null, null, orderType, null, List.of(days("Connectivity check", day, day, zone)));
    }

    /** One period from {@code first} 00:00 to {@code last} 24:00 in the council's zone, sent in UTC. */
    private static TimeConstraint days(String desc, LocalDate first, LocalDate last, ZoneId zone) {
        Instant from = first.atStartOfDay(zone).toInstant();
        Instant to = last.plusDays(1).atStartOfDay(zone).toInstant();
        return new TimeConstraint(null, desc, null, new Period(UTC.format(from), UTC.format(to)));
    }

    /** A search for exactly the booked slot's period: is it still offered? */
    static AppointmentSearch recheck(BookingRequest request, String orderType) {
        return new AppointmentSearch(new Account(request.job().propertyRef()),
                new SearchLocation(request.job().propertyRef()), orderType, request.job().externalRef(),
                List.of(new TimeConstraint(null, "Requested slot", null, period(request.slot()))));
    }

    static List<Slot> slots(OpenSlots answer, Instant rangeStart, Instant rangeEnd, ZoneId zone) {
        if (answer == null || answer.timeConstraints() == null) {
            return List.of();
        }
        Map<SlotKey, Slot> unique = new LinkedHashMap<>();
        for (TimeConstraint constraint : answer.timeConstraints()) {
            if (constraint == null || constraint.period() == null) {
                throw new SchedulerResponseException("ServiceMobility sent a time constraint without a Period", null);
            }
            Instant start = instant(constraint.period().start());
            Instant end = instant(constraint.period().end());
            if (!end.isAfter(start) || start.isBefore(rangeStart) || end.isAfter(rangeEnd)) {
                continue;
            }
            SlotKey key = key(constraint, start, end);
            unique.putIfAbsent(key, new Slot(start.atZone(zone).toOffsetDateTime(), end.atZone(zone).toOffsetDateTime(),
                    blankToNull(constraint.desc()), false, key));
        }
        return SlotLists.merged(unique.values());
    }

    /** Whether an answer to {@link #recheck} still offers the slot. */
    static boolean offers(OpenSlots answer, SlotKey slot) {
        Instant start = instant(slot.require(START));
        Instant end = instant(slot.require(END));
        return answer != null && answer.timeConstraints() != null && answer.timeConstraints().stream()
                .filter(constraint -> constraint != null && constraint.period() != null)
                .anyMatch(constraint -> instant(constraint.period().start()).equals(start)
                        && instant(constraint.period().end()).equals(end));
    }

    static BookJob bookJob(BookingRequest request, String orderType) {
        SlotKey slot = request.slot();
        BookJobLocation location = new BookJobLocation(request.job().propertyRef(), contacts(request.contact()),
                request.accessNotes());
        TimeConstraint chosen = new TimeConstraint(slot.values().get(ID), slot.values().get(DESC),
                slot.values().get(TYPE), period(slot));
        return new BookJob(new Account(request.job().propertyRef()), location, orderType, request.job().externalRef(),
                request.job().description(), request.job().jobCodes().stream().map(JobCode::code).toList(),
                List.of(chosen));
    }

    /**
     * The booked job as ServiceMobility took it: the Book Job Object has no priority, so the answer has none (its
     * answer is only the new {@code OrderNum}, and the interfaces offer no read-back).
     */
    static Booking booking(String orderNum, BookingRequest request, ZoneId zone) {
        SlotKey slot = request.slot();
        BookedSlot window = new BookedSlot(instant(slot.require(START)).atZone(zone).toOffsetDateTime(),
                instant(slot.require(END)).atZone(zone).toOffsetDateTime(), slot.values().get(DESC));
        Job job = request.job();
        return new Booking(BookingKey.of(ORDER_NUM, orderNum), BookingStatus.BOOKED, window,
                new Job(job.propertyRef(), job.jobCodes(), null, job.externalRef(), job.description()),
                request.contact(), request.accessNotes(),
                Map.of("orderId", orderNum, "originalOrderNum", request.job().externalRef()));
    }

    private static List<LocationContact> contacts(Contact contact) {
        if (contact == null) {
            return null;
        }
        String name = contact.name() == null ? "" : contact.name().strip();
        int lastSpace = name.lastIndexOf(' ');
        String first = lastSpace < 0 ? name : name.substring(0, lastSpace);
        String last = lastSpace < 0 ? null : name.substring(lastSpace + 1);
        List<Phone> phones = contact.phone() == null ? null : List.of(new Phone(contact.phone(), "Mobile"));
        return List.of(new LocationContact(blankToNull(first), last, contact.email(), true, phones));
    }

    private static SlotKey key(TimeConstraint constraint, Instant start, Instant end) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(START, UTC.format(start));
        values.put(END, UTC.format(end));
        putIfPresent(values, ID, constraint.id());
        putIfPresent(values, DESC, constraint.desc());
        putIfPresent(values, TYPE, constraint.type());
        return new SlotKey(values);
    }

    private static Period period(SlotKey slot) {
        return new Period(slot.require(START), slot.require(END));
    }

    private static Instant instant(String utc) {
        try {
            return Instant.parse(utc);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new SchedulerResponseException("ServiceMobility sent a period that is not an ISO-8601 UTC time", e);
        }
    }

    private static void putIfPresent(Map<String, String> values, String name, String value) {
        if (value != null && !value.isBlank()) {
            values.put(name, value);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
