package dev.slotbridge.provider.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slotbridge.spi.error.SchedulerResponseException;
import dev.slotbridge.spi.model.BookedSlot;
import dev.slotbridge.spi.model.Booking;
import dev.slotbridge.spi.model.BookingKey;
import dev.slotbridge.spi.model.BookingStatus;
import dev.slotbridge.spi.model.Contact;
import dev.slotbridge.spi.model.Job;
import dev.slotbridge.spi.model.JobCode;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one booking of an answer. Each field comes from its expression when configured and present in the answer,
 * else from what the provider already knows (the request, for a booking's answer that carries only an id); a booking
 * read with nothing to fall back on (a view, a list) must have its window and job in the answer. The scheduler's
 * status text maps through {@code statuses} (case ignored); text it does not list is {@code UNKNOWN}; without a
 * status expression every booking read is {@code BOOKED}.
 */
final class BookingReader {
    /** The key's and the references' name for the scheduler's id. */
    static final String ID = "id";

    private final Expression id;
    private final Expression status;
    private final Map<String, BookingStatus> statuses;
    private final Expression start;
    private final Expression end;
    private final Duration duration;
    private final Expression label;
    private final Expression propertyRef;
    private final Expression externalRef;
    private final Expression description;
    private final Expression jobCodes;
    private final Expression contactName;
    private final Expression contactPhone;
    private final Expression contactEmail;
    private final Expression notes;
    private final Expression successor;
    private final Map<String, Expression> refs;

    BookingReader(Expression id, Expression status, Map<String, BookingStatus> statuses, Expression start, Expression end,
                  Duration duration, Expression label, Expression propertyRef, Expression externalRef,
                  Expression description, Expression jobCodes, Expression contactName, Expression contactPhone,
                  Expression contactEmail, Expression notes, Expression successor, Map<String, Expression> refs) {
        this.id = id;
        this.status = status;
        this.statuses = Map.copyOf(statuses);
        this.start = start;
        this.end = end;
        this.duration = duration;
        this.label = label;
        this.propertyRef = propertyRef;
        this.externalRef = externalRef;
        this.description = description;
        this.jobCodes = jobCodes;
        this.contactName = contactName;
        this.contactPhone = contactPhone;
        this.contactEmail = contactEmail;
        this.notes = notes;
        this.successor = successor;
        this.refs = Map.copyOf(refs);
    }

    /** Whether answers carry everything a booking needs, so that bookings can be read with nothing to fall back on. */
    boolean readsWholeBookings() {
        return start != null && (end != null || duration != null) && propertyRef != null && externalRef != null
                && jobCodes != null;
    }

    /** The scheduler's id of the booking in the answer, if it has one. */
    Optional<String> id(JsonNode item) {
        return id.text(item);
    }

    /** The id of the booking that replaced this one (a reschedule that issues a new id), if the answer names one. */
    Optional<String> successor(JsonNode item) {
        return successor == null ? Optional.empty() : successor.text(item);
    }

    /**
     * @param key      the booking's key (it stays the same when the scheduler's id changes)
     * @param known    what is known already, for what the answer lacks; null when nothing is
     */
    Booking read(JsonNode item, BookingKey key, Booking known, TimeFormat times, ZoneId zone) {
        String schedulerId = id(item).orElseThrow(() -> new SchedulerResponseException(
                "the scheduler sent a booking without an id", null));
        BookingStatus bookingStatus = status == null ? (known == null ? BookingStatus.BOOKED : known.status())
                : status.text(item).map(text -> statuses.getOrDefault(text.toLowerCase(Locale.ROOT), BookingStatus.UNKNOWN))
                .orElse(known == null ? BookingStatus.UNKNOWN : known.status());
        BookedSlot window = window(item, known == null ? null : known.slot(), times, zone);
        Job job = job(item, known == null ? null : known.job());
        Contact contact = contact(item, known == null ? null : known.contact());
        String accessNotes = text(notes, item).orElse(known == null ? null : known.accessNotes());
        Map<String, String> references = new LinkedHashMap<>();
        references.put(ID, schedulerId);
        refs.forEach((name, expression) -> expression.text(item).ifPresent(value -> references.put(name, value)));
        return new Booking(key, bookingStatus, window, job, contact, accessNotes, references);
    }

    private BookedSlot window(JsonNode item, BookedSlot known, TimeFormat times, ZoneId zone) {
        Optional<Instant> from = text(start, item).map(times::parse);
        if (from.isEmpty()) {
            return require(known, "a start");
        }
        Instant to = end != null ? text(end, item).map(times::parse).orElseThrow(() -> unreadable("an end"))
                : duration != null ? from.get().plus(duration)
                : require(known, "an end").end().toInstant();
        String name = text(label, item).orElse(known == null ? null : known.label());
        return new BookedSlot(from.get().atZone(zone).toOffsetDateTime(), to.atZone(zone).toOffsetDateTime(), name);
    }

    private Job job(JsonNode item, Job known) {
        List<JobCode> codes = new ArrayList<>();
        if (jobCodes != null) {
            jobCodes.node(item).ifPresent(node -> {
                if (node.isArray()) {
                    node.forEach(code -> addCode(codes, code));
                } else {
                    addCode(codes, node);
                }
            });
        }
        if (codes.isEmpty()) {
            codes.addAll(require(known, "job codes").jobCodes());
        }
        String property = text(propertyRef, item).orElseGet(() -> require(known, "a property reference").propertyRef());
        return new Job(property, codes, known == null ? null : known.priority(),
                text(externalRef, item).orElse(known == null ? null : known.externalRef()),
                text(description, item).orElse(known == null ? null : known.description()));
    }

    private static void addCode(List<JobCode> codes, JsonNode code) {
        if (code.isValueNode() && !code.asText().isBlank()) {
            codes.add(new JobCode(code.asText().strip(), 1));
        }
    }

    private Contact contact(JsonNode item, Contact known) {
        Optional<String> name = text(contactName, item);
        Optional<String> phone = text(contactPhone, item);
        Optional<String> email = text(contactEmail, item);
        if (name.isEmpty() && phone.isEmpty() && email.isEmpty()) {
            return known;
        }
        return new Contact(name.orElse(null), phone.orElse(null), email.orElse(null));
    }

    private static Optional<String> text(Expression expression, JsonNode item) {
        return expression == null ? Optional.empty() : expression.text(item);
    }

    private static <T> T require(T known, String what) {
        if (known == null) {
            throw unreadable(what);
        }
        return known;
    }

    private static SchedulerResponseException unreadable(String what) {
        return new SchedulerResponseException("the scheduler sent a booking without " + what, null);
    }
}
