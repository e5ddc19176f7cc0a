package dev.slotbridge.provider.rest;

import dev.slotbridge.spi.model.BookingRequest;
import dev.slotbridge.spi.model.CancelRequest;
import dev.slotbridge.spi.model.Contact;
import dev.slotbridge.spi.model.Job;
import dev.slotbridge.spi.model.JobCode;
import dev.slotbridge.spi.model.SlotKey;
import dev.slotbridge.spi.model.SlotQuery;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The values an operation's path, query and body may use, by name, as the API's own field names spell them. Which
 * names an operation has is fixed ({@link #known}), so a template using another one stops start-up.
 */
final class Variables {
    /** The job's lines, for {@code $each-job-code}; not a placeholder itself. */
    static final String JOB_CODE_LINES = "$jobCodeLines";
    private static final List<String> JOB = List.of("propertyRef", "externalRef", "priority", "description", "jobCode",
            "jobCodes");
    private static final List<String> CONTACT = List.of("contact.name", "contact.phone", "contact.email", "accessNotes");
    private static final List<String> SLOT = List.of("slot.start", "slot.end", "slot.label", "slot.date");

    private final TimeFormat times;
    private final ZoneId zone;

    Variables(TimeFormat times, ZoneId zone) {
        this.times = times;
        this.zone = zone;
    }

    /** The names each operation has; {@code slotKeys} are the names the slot mapping keeps in a slot's key. */
    static Set<String> known(Operation.Kind operation, Set<String> slotKeys) {
        Set<String> names = new LinkedHashSet<>();
        switch (operation) {
            case SEARCH -> {
                names.addAll(JOB);
                names.addAll(List.of("from", "to", "fromTime", "toTime"));
            }
            case BOOK -> {
                names.addAll(JOB);
                names.addAll(CONTACT);
                slot(names, slotKeys);
            }
            case RESCHEDULE -> {
                names.add("bookingId");
                slot(names, slotKeys);
            }
            case VIEW -> names.add("bookingId");
            case CANCEL -> names.addAll(List.of("bookingId", "cancel.reason", "cancel.description"));
            case LIST -> names.add("propertyRef");
            case FIND_BY_REFERENCE -> names.addAll(List.of("externalRef", "propertyRef"));
            case PROBE -> names.addAll(List.of("from", "to", "fromTime", "toTime"));
        }
        return names;
    }

    private static void slot(Set<String> names, Set<String> slotKeys) {
        names.addAll(SLOT);
        slotKeys.forEach(key -> names.add("slot." + key));
    }

    Map<String, Object> search(SlotQuery query) {
        Map<String, Object> values = job(query.job());
        values.putAll(days(query.from(), query.to()));
        return values;
    }

    /** The range from {@code from} 00:00 to {@code to} 24:00 in the council's zone. */
    Map<String, Object> days(LocalDate from, LocalDate to) {
        Map<String, Object> values = new HashMap<>();
        values.put("from", from.toString());
        values.put("to", to.toString());
        values.put("fromTime", times.format(from.atStartOfDay(zone).toInstant()));
        values.put("toTime", times.format(to.plusDays(1).atStartOfDay(zone).toInstant()));
        return values;
    }

    Map<String, Object> book(BookingRequest request) {
        Map<String, Object> values = job(request.job());
        Contact contact = request.contact();
        if (contact != null) {
            values.put("contact.name", contact.name());
            values.put("contact.phone", contact.phone());
            values.put("contact.email", contact.email());
        }
        values.put("accessNotes", request.accessNotes());
        values.putAll(slot(request.slot()));
        return values;
    }

    Map<String, Object> reschedule(String bookingId, SlotKey slot) {
        Map<String, Object> values = new HashMap<>(slot(slot));
        values.put("bookingId", bookingId);
        return values;
    }

    static Map<String, Object> booking(String bookingId) {
        Map<String, Object> values = new HashMap<>();
        values.put("bookingId", bookingId);
        return values;
    }

    static Map<String, Object> cancel(String bookingId, CancelRequest request) {
        Map<String, Object> values = booking(bookingId);
        values.put("cancel.reason", request.reason());
        values.put("cancel.description", request.description());
        return values;
    }

    static Map<String, Object> property(String propertyRef) {
        Map<String, Object> values = new HashMap<>();
        values.put("propertyRef", propertyRef);
        return values;
    }

    static Map<String, Object> reference(String externalRef, String propertyRef) {
        Map<String, Object> values = property(propertyRef);
        values.put("externalRef", externalRef);
        return values;
    }

    private Map<String, Object> slot(SlotKey slot) {
        Map<String, Object> values = new HashMap<>();
        slot.values().forEach((name, value) -> values.put("slot." + name, value));
        Instant start = Instant.parse(slot.require(SlotReader.START));
        values.put("slot.start", times.format(start));
        values.put("slot.end", times.format(Instant.parse(slot.require(SlotReader.END))));
        values.put("slot.date", start.atZone(zone).toLocalDate().toString());
        return values;
    }

    private static Map<String, Object> job(Job job) {
        Map<String, Object> values = new HashMap<>();
        values.put("propertyRef", job.propertyRef());
        values.put("externalRef", job.externalRef());
        values.put("priority", job.priority());
        values.put("description", job.description());
        values.put("jobCode", job.jobCodes().getFirst().code());
        values.put("jobCodes", job.jobCodes().stream().map(JobCode::code).toList());
        values.put(JOB_CODE_LINES, job.jobCodes().stream().map(code -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("code", code.code());
            line.put("quantity", code.quantity());
            return line;
        }).toList());
        return values;
    }
}
