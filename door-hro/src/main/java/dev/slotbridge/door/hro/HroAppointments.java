package dev.slotbridge.door.hro;

import dev.slotbridge.engine.booking.BookingService;
import dev.slotbridge.engine.booking.SlotPlace;
import dev.slotbridge.engine.booking.VisibleBooking;
import dev.slotbridge.engine.council.Council;
import dev.slotbridge.engine.error.ProblemException;
import dev.slotbridge.engine.error.ProblemType;
import dev.slotbridge.engine.idempotency.StoredAnswer;
import dev.slotbridge.engine.search.SlotSearch;
import dev.slotbridge.engine.security.ApiClient;
import dev.slotbridge.engine.security.CouncilAccess;
import dev.slotbridge.http.input.JsonBodyReader;
import dev.slotbridge.http.input.QueryParameters;
import dev.slotbridge.http.input.TextRule;
import dev.slotbridge.http.input.Violations;
import dev.slotbridge.http.security.AuthorizationHeader;
import dev.slotbridge.http.security.ClientRateLimiter;
import dev.slotbridge.http.security.FailedAuthentications;
import dev.slotbridge.spi.Capability;
import dev.slotbridge.spi.error.InvalidRequestException;
import dev.slotbridge.spi.model.Booking;
import dev.slotbridge.spi.model.BookingRequest;
import dev.slotbridge.spi.model.BookingStatus;
import dev.slotbridge.spi.model.CancelRequest;
import dev.slotbridge.spi.model.Job;
import dev.slotbridge.spi.model.JobCode;
import dev.slotbridge.spi.model.Slot;
import dev.slotbridge.spi.model.SlotQuery;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The Housing Repairs Online Scheduling API over the {@link BookingService}: what the HRO client sends, read the way
 * it sends it, and answered the way it reads answers. No booking logic of its own: searches, exactly-once bookings,
 * reschedules and cancels are the {@code /v1} ones, as the front end's API client.
 */
@Singleton
final class HroAppointments {
    private static final DateTimeFormatter UTC_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final String CANCEL_REASON = "Cancelled through Housing Repairs Online";

    private final HroFrontEnds frontEnds;
    private final HroTokens tokens;
    private final FailedAuthentications failures;
    private final ClientRateLimiter rateLimiter;
    private final CouncilAccess access;
    private final BookingService bookings;
    private final JsonBodyReader bodies;
    private final Clock clock;

    HroAppointments(HroFrontEnds frontEnds, HroTokens tokens, FailedAuthentications failures,
                    ClientRateLimiter rateLimiter, CouncilAccess access, BookingService bookings,
                    JsonBodyReader bodies, Clock clock) {
        this.frontEnds = frontEnds;
        this.tokens = tokens;
        this.failures = failures;
        this.rateLimiter = rateLimiter;
        this.access = access;
        this.bookings = bookings;
        this.bodies = bodies;
        this.clock = clock;
    }

    /** {@code POST /authentication?identifier=...}: a token for a known front end; 401 otherwise (429 past the limit). */
    String authenticate(HttpRequest<?> request) {
        Violations violations = new Violations();
        String identifier = query(request).optional(violations, "identifier", TextRule.TOKEN);
        violations.throwIfAny();
        HroFrontEnd frontEnd = Optional.ofNullable(identifier).flatMap(frontEnds::identify).orElseThrow(() ->
                failures.unauthenticated(request, identifier, "The identifier is not recognised"));
        return tokens.issue(frontEnd);
    }

    /** {@code GET /Appointments/AvailableAppointments}: the allowed slots of the first {@code max-days} days. */
    List<HroAppointment> availableAppointments(HttpRequest<?> request, byte[] body) {
        HroFrontEnd frontEnd = authorize(request);
        Council council = access.authorize(frontEnd.client(), frontEnd.council(), Capability.SEARCH);
        QueryParameters query = query(request);
        Violations violations = new Violations();
        Repair repair = Repair.read(query, violations);
        Instant fromDate = HroDates.optional(query, violations, "fromDate");
        List<Window> allowed = allowedSlots(body, violations);
        violations.throwIfAny();
        Job job = repair.job(null, null);
        ZoneId zone = council.zone();
        LocalDate from = fromDate != null ? fromDate.atZone(zone).toLocalDate()
                : LocalDate.now(clock.withZone(zone)).plusDays(frontEnd.leadTimeDays());
        SlotSearch found = searchWithoutOrder(council, new SlotQuery(job, from, from.plusDays(frontEnd.searchDays() - 1)));
        Set<LocalDate> days = new LinkedHashSet<>();
        List<HroAppointment> appointments = new ArrayList<>();
        for (Slot slot : found.slots()) {
            LocalDate day = slot.start().atZoneSameInstant(zone).toLocalDate();
            if (!isAllowed(slot, allowed, zone) || (!days.contains(day) && days.size() == frontEnd.maxDays())) {
                continue;
            }
            days.add(day);
            appointments.add(new HroAppointment(UTC_SECONDS.format(day.atStartOfDay(ZoneOffset.UTC)),
                    new HroAppointment.TimeOfDay(null, UTC_SECONDS.format(slot.start()), UTC_SECONDS.format(slot.end()),
                            HroAppointment.UNKNOWN_COMPLETION), null));
        }
        return appointments;
    }

    /**
     * {@code POST /Appointments/BookAppointment}: books the slot with those instants, once per front end and
     * {@code bookingReference} — a repeat (the client ignores the answer and may send it again) books nothing more.
     */
    String bookAppointment(HttpRequest<?> request, byte[] body) {
        HroFrontEnd frontEnd = authorize(request);
        Council council = access.authorize(frontEnd.client(), frontEnd.council(), Capability.BOOK);
        QueryParameters query = query(request);
        Violations violations = new Violations();
        String reference = query.required(violations, "bookingReference", TextRule.REFERENCE);
        Repair repair = Repair.read(query, violations);
        String text = text(body, violations);
        Instant start = HroDates.required(query, violations, "startDateTime");
        Instant end = HroDates.required(query, violations, "endDateTime");
        violations.throwIfAny();
        Job job = repair.job(reference, text != null ? text : "SOR " + repair.sorCode());
        if (alreadyBooked(frontEnd, council, job, start, end)) {
            return reference;
        }
        Slot slot = slotAt(council, job, start, end);
        StoredAnswer answer = bookings.book(frontEnd.client(), council, "hro:" + reference,
                new BookingRequest(slot.key(), job, null, null), SlotPlace.of(slot), (made, bookingRef, booking) ->
                        new StoredAnswer(200, bookingRef, null, reference.getBytes(StandardCharsets.UTF_8)));
        return new String(answer.body(), StandardCharsets.UTF_8);
    }

    /** {@code POST /Appointments/CancelAppointment}: cancels the reference's active bookings; 404 when it has none. */
    void cancelAppointment(HttpRequest<?> request) {
        HroFrontEnd frontEnd = authorize(request);
        Council council = access.authorize(frontEnd.client(), frontEnd.council(), Capability.CANCEL);
        Violations violations = new Violations();
        String reference = query(request).required(violations, "bookingReference", TextRule.REFERENCE);
        violations.throwIfAny();
        for (VisibleBooking found : byReference(frontEnd, council, reference)) {
            if (found.booking().status() == BookingStatus.BOOKED) {
                bookings.cancel(frontEnd.client(), council, found.bookingRef(), new CancelRequest(CANCEL_REASON, null));
            }
        }
    }

    /** {@code POST /Appointments/UpdateAppointmentSlot}: moves the reference's booking to the slot with those instants. */
    void updateAppointmentSlot(HttpRequest<?> request) {
        HroFrontEnd frontEnd = authorize(request);
        Council council = access.authorize(frontEnd.client(), frontEnd.council(), Capability.RESCHEDULE);
        QueryParameters query = query(request);
        Violations violations = new Violations();
        String reference = query.required(violations, "bookingReference", TextRule.REFERENCE);
        Instant start = HroDates.required(query, violations, "startDateTime");
        Instant end = HroDates.required(query, violations, "endDateTime");
        violations.throwIfAny();
        VisibleBooking found = byReference(frontEnd, council, reference).stream()
                .filter(candidate -> candidate.booking().status() == BookingStatus.BOOKED).findFirst()
                .orElseThrow(() -> new ProblemException(ProblemType.BOOKING_NOT_ACTIVE,
                        "The booking with this reference is cancelled or completed"));
        Slot slot = slotAt(council, found.booking().job(), start, end);
        bookings.reschedule(frontEnd.client(), council, found.bookingRef(), slot.key(), SlotPlace.of(slot));
    }

    /** The front end a valid, unexpired token names, within its rate limit; 401 otherwise. */
    private HroFrontEnd authorize(HttpRequest<?> request) {
        String header = AuthorizationHeader.of(request);
        HroFrontEnd frontEnd = Optional.ofNullable(AuthorizationHeader.bearerCredential(header))
                .flatMap(tokens::verify)
                .flatMap(frontEnds::named)
                .orElseThrow(() -> failures.unauthenticated(request, header, "Send 'Authorization: Bearer <token>' with "
                        + "a token from POST /authentication (they last " + HroTokens.LIFETIME.toSeconds() + " seconds)"));
        request.setAttribute(ApiClient.ATTRIBUTE, frontEnd.client());
        rateLimiter.admit(frontEnd.client());
        return frontEnd;
    }

    private static QueryParameters query(HttpRequest<?> request) {
        return QueryParameters.verbatim(request.getUri().getRawQuery());
    }

    /** What the client says of the repair: one SOR code at {@code locationId}, with the scheduler's priority or none. */
    private record Repair(String locationId, String sorCode, String priority) {
        /** The parameters, each bad one recorded. */
        static Repair read(QueryParameters query, Violations violations) {
            return new Repair(query.required(violations, "locationId", TextRule.REFERENCE),
                    query.required(violations, "sorCode", TextRule.REFERENCE),
                    query.optional(violations, "priority", TextRule.REFERENCE));
        }

        /** The job: the SOR code, quantity 1. */
        Job job(String reference, String description) {
            return new Job(locationId, List.of(new JobCode(sorCode, 1)), priority, reference, description);
        }
    }

    /** The body's {@code {"Text": ...}} when one is sent, held to the rule of a description; else null. */
    private String text(byte[] body, Violations violations) {
        if (body == null || body.length == 0) {
            return null;
        }
        return violations.required("Text", bodies.read(body, HroBookingText.class).text(), TextRule.DESCRIPTION);
    }

    /** An allowed slot's UK wall-clock start and end. */
    private record Window(LocalTime start, LocalTime end) {
    }

    /** The allowed slots from the search's body; none, or {@code null}, allows every slot. */
    private List<Window> allowedSlots(byte[] body, Violations violations) {
        if (body == null || body.length == 0) {
            return List.of();
        }
        List<HroAllowedSlot> given = bodies.readList(body, HroAllowedSlot.class);
        List<Window> allowed = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            HroAllowedSlot slot = given.get(i);
            LocalTime start = time(violations, "[" + i + "].startTime", slot == null ? null : slot.startTime());
            LocalTime end = time(violations, "[" + i + "].endTime", slot == null ? null : slot.endTime());
            allowed.add(new Window(start, end));
        }
        return allowed;
    }

    /** Whether the slot's UK wall-clock start and end are those of an allowed slot (exactly, on either side of a clock change). */
    private static boolean isAllowed(Slot slot, List<Window> allowed, ZoneId zone) {
        if (allowed.isEmpty()) {
            return true;
        }
        Window window = new Window(slot.start().atZoneSameInstant(zone).toLocalTime(),
                slot.end().atZoneSameInstant(zone).toLocalTime());
        return allowed.contains(window);
    }

    private static LocalTime time(Violations violations, String field, String value) {
        String text = violations.required(field, value, TextRule.DATE_TIME);
        try {
            return text == null ? null : LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            violations.add(field, "must be a time such as 08:00:00");
            return null;
        }
    }

    /**
     * A search for a job without an order number, as the HRO client searches before it has a booking reference. A
     * scheduler that finds slots per order (Connect) cannot answer it: 501, saying so.
     */
    private SlotSearch searchWithoutOrder(Council council, SlotQuery query) {
        try {
            return bookings.search(council, query);
        } catch (InvalidRequestException e) {
            if (!"externalRef".equals(e.field())) {
                throw e;
            }
            throw new ProblemException(ProblemType.CAPABILITY_NOT_SUPPORTED, "This council's scheduler finds slots "
                    + "per order, and the Housing Repairs Online client searches before it has a booking reference; "
                    + "booking, moving and cancelling by reference work");
        }
    }

    /** The slot with exactly these instants on that local day; 409 when it is not offered (taken, or never was). */
    private Slot slotAt(Council council, Job job, Instant start, Instant end) {
        LocalDate day = start.atZone(council.zone()).toLocalDate();
        return bookings.search(council, new SlotQuery(job, day, day)).slots().stream()
                .filter(slot -> slot.start().toInstant().equals(start) && slot.end().toInstant().equals(end))
                .findFirst().orElseThrow(() -> new ProblemException(ProblemType.SLOT_UNAVAILABLE,
                        "No slot from " + start + " to " + end + " is free for this job"));
    }

    /**
     * Whether the scheduler already holds this job's booking, one the front end may manage, in those instants (the
     * client repeats bookings): then nothing is sent. Such a booking at another time is 409 {@code booking-exists}:
     * move it with UpdateAppointmentSlot instead. Schedulers that cannot look bookings up by reference rely on the
     * idempotency record.
     */
    private boolean alreadyBooked(HroFrontEnd frontEnd, Council council, Job job, Instant start, Instant end) {
        if (!council.operations().contains(Capability.FIND_BY_REFERENCE)) {
            return false;
        }
        List<Booking> active = bookings.byReference(frontEnd.client(), council, job.externalRef(),
                        Optional.of(job.propertyRef())).stream().map(VisibleBooking::booking)
                .filter(booking -> booking.status() == BookingStatus.BOOKED && booking.slot() != null).toList();
        if (active.stream().anyMatch(booking -> booking.slot().start().toInstant().equals(start)
                && booking.slot().end().toInstant().equals(end))) {
            return true;
        }
        if (!active.isEmpty()) {
            throw new ProblemException(ProblemType.BOOKING_EXISTS, "A booking with this bookingReference exists at "
                    + "another time; move it with UpdateAppointmentSlot");
        }
        return false;
    }

    /**
     * The bookings of the reference the front end may manage (the calls carry no property): its own, or every one with
     * {@code manage-all}; 404 when there are none, as for a reference never booked.
     */
    private List<VisibleBooking> byReference(HroFrontEnd frontEnd, Council council, String reference) {
        access.authorize(frontEnd.client(), council.id(), Capability.FIND_BY_REFERENCE);
        List<VisibleBooking> found = bookings.byReference(frontEnd.client(), council, reference, Optional.empty());
        if (found.isEmpty()) {
            throw new ProblemException(ProblemType.BOOKING_NOT_FOUND, "No booking has this bookingReference");
        }
        return found;
    }
}
