package dev.slotbridge.door.v1.mapping;

import dev.slotbridge.door.v1.body.BookRequest;
import dev.slotbridge.door.v1.body.CancelBookingRequest;
import dev.slotbridge.door.v1.body.ContactBody;
import dev.slotbridge.door.v1.body.HoldRequest;
import dev.slotbridge.door.v1.body.JobBody;
import dev.slotbridge.door.v1.body.JobCodeBody;
import dev.slotbridge.door.v1.body.RescheduleRequest;
import dev.slotbridge.door.v1.body.SearchRequest;
import dev.slotbridge.http.input.QueryParameters;
import dev.slotbridge.http.input.TextRule;
import dev.slotbridge.http.input.Violations;
import dev.slotbridge.spi.model.CancelRequest;
import dev.slotbridge.spi.model.Contact;
import dev.slotbridge.spi.model.Job;
import dev.slotbridge.spi.model.JobCode;
import dev.slotbridge.spi.model.SlotQuery;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code /v1} request bodies into the SPI's values, naming every bad field with its dotted path
 * ({@code job.jobCodes[0].code}). Text is read by its {@link TextRule}; besides, quantities are 1–9999 and search
 * ranges at most 62 days.
 */
public final class RequestReader {
    static final int MAX_SEARCH_DAYS = 62;
    private static final int MAX_QUANTITY = 9999;
    private static final int MAX_IDEMPOTENCY_KEY = 64;

    private RequestReader() {
    }

    public static SlotQuery searchQuery(SearchRequest body) {
        Violations violations = new Violations();
        String propertyRef = violations.required("propertyRef", body.propertyRef(), TextRule.REFERENCE);
        List<JobCode> jobCodes = jobCodes("jobCodes", body.jobCodes(), violations);
        String priority = violations.optional("priority", body.priority(), TextRule.REFERENCE);
        String externalRef = violations.optional("externalRef", body.externalRef(), TextRule.REFERENCE);
        String description = violations.optional("description", body.description(), TextRule.DESCRIPTION);
        LocalDate from = violations.date("from", body.from());
        LocalDate to = violations.date("to", body.to());
        Contact contact = contact(body.contact(), violations);
        if (from != null && to != null) {
            if (to.isBefore(from)) {
                violations.add("to", "must not be before from");
            } else if (ChronoUnit.DAYS.between(from, to) > MAX_SEARCH_DAYS) {
                violations.add("to", "must be at most " + MAX_SEARCH_DAYS + " days after from");
            }
        }
        violations.throwIfAny();
        return new SlotQuery(new Job(propertyRef, jobCodes, priority, externalRef, description), from, to, contact);
    }

    /**
     * The booking's slot id or hold id (exactly one), job, contact and notes; the ids are checked separately (they have
     * their own problem types).
     */
    public static BookingParts booking(BookRequest body) {
        Violations violations = new Violations();
        String holdId = violations.optional("holdId", body.holdId(), TextRule.TOKEN);
        String slotId = null;
        if (holdId == null) {
            slotId = violations.required("slotId", body.slotId(), TextRule.TOKEN);
        } else if (body.slotId() != null) {
            violations.add("holdId", "give a slotId or a holdId, not both");
        }
        Job job = job(body.job(), violations);
        Contact contact = contact(body.contact(), violations);
        String accessNotes = violations.optional("accessNotes", body.accessNotes(), TextRule.NOTES);
        violations.throwIfAny();
        return new BookingParts(slotId, holdId, job, contact, accessNotes);
    }

    /** A hold's slot id and job. */
    public static HoldParts hold(HoldRequest body) {
        Violations violations = new Violations();
        String slotId = violations.required("slotId", body.slotId(), TextRule.TOKEN);
        Job job = job(body.job(), violations);
        violations.throwIfAny();
        return new HoldParts(slotId, job);
    }

    /** What a hold request carries. */
    public record HoldParts(String slotId, Job job) {
    }

    /** A booking's or hold's job, each bad field named under {@code job.}. */
    private static Job job(JobBody given, Violations violations) {
        Job job = null;
        if (given == null) {
            violations.add("job", "is required");
        } else {
            String propertyRef = violations.required("job.propertyRef", given.propertyRef(), TextRule.REFERENCE);
            List<JobCode> jobCodes = jobCodes("job.jobCodes", given.jobCodes(), violations);
            String priority = violations.optional("job.priority", given.priority(), TextRule.REFERENCE);
            String externalRef = violations.required("job.externalRef", given.externalRef(), TextRule.REFERENCE);
            String description = violations.required("job.description", given.description(), TextRule.DESCRIPTION);
            if (propertyRef != null && jobCodes != null) {
                job = new Job(propertyRef, jobCodes, priority, externalRef, description);
            }
        }
        return job;
    }

    /** What a booking request carries: a slot id or a hold id, and the rest. */
    public record BookingParts(String slotId, String holdId, Job job, Contact contact, String accessNotes) {
    }

    public static String rescheduleSlotId(RescheduleRequest body) {
        Violations violations = new Violations();
        String slotId = violations.required("slotId", body.slotId(), TextRule.TOKEN);
        violations.throwIfAny();
        return slotId;
    }

    public static CancelRequest cancel(CancelBookingRequest body) {
        Violations violations = new Violations();
        String reason = violations.required("reason", body.reason(), TextRule.REFERENCE);
        String description = violations.optional("description", body.description(), TextRule.DESCRIPTION);
        violations.throwIfAny();
        return new CancelRequest(reason, description);
    }

    /** The {@code propertyRef} of a list's query string. */
    public static String propertyRefParameter(String rawQuery) {
        Violations violations = new Violations();
        String value = QueryParameters.form(rawQuery).required(violations, "propertyRef", TextRule.REFERENCE);
        violations.throwIfAny();
        return value;
    }

    /** The header's value, or null when absent; 1–64 visible ASCII characters. */
    public static String idempotencyKey(String header) {
        if (header == null) {
            return null;
        }
        boolean visibleAscii = header.chars().allMatch(c -> c > 0x20 && c < 0x7f);
        if (header.isEmpty() || header.length() > MAX_IDEMPOTENCY_KEY || !visibleAscii) {
            Violations violations = new Violations();
            violations.add("Idempotency-Key", "must be 1 to 64 visible ASCII characters");
            violations.throwIfAny();
        }
        return header;
    }

    private static List<JobCode> jobCodes(String field, List<JobCodeBody> given, Violations violations) {
        if (given == null || given.isEmpty()) {
            violations.add(field, given == null ? "is required" : "must not be empty");
            return null;
        }
        List<JobCode> codes = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            String path = field + "[" + i + "]";
            JobCodeBody line = given.get(i);
            if (line == null) {
                violations.add(path, "is required");
                continue;
            }
            String code = violations.required(path + ".code", line.code(), TextRule.REFERENCE);
            int quantity = line.quantity() == null ? 1 : line.quantity();
            if (quantity < 1 || quantity > MAX_QUANTITY) {
                violations.add(path + ".quantity", "must be between 1 and " + MAX_QUANTITY);
            } else if (code != null) {
                codes.add(new JobCode(code, quantity));
            }
        }
        return codes.size() == given.size() ? codes : null;
    }

    private static Contact contact(ContactBody given, Violations violations) {
        if (given == null) {
            return null;
        }
        String name = violations.optional("contact.name", given.name(), TextRule.REFERENCE);
        String phone = violations.optional("contact.phone", given.phone(), TextRule.PHONE);
        if (phone != null && !phone.matches("[+0-9 ()-]{6,32}")) {
            violations.add("contact.phone", "must be a phone number (digits, spaces, + - ( ))");
        }
        String email = violations.optional("contact.email", given.email(), TextRule.EMAIL);
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+")) {
            violations.add("contact.email", "must be an e-mail address");
        }
        return name == null && phone == null && email == null ? null : new Contact(name, phone, email);
    }
}
